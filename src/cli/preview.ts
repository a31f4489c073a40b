// npm run preview [-- 文件夹] [--base /yusuan/] [--port 4321] [--host 0.0.0.0]
// Serves a built site as a web server would (src/lib/commands/server.ts): under its base path,
// index.html for folder addresses, the site's 404 page, gzip, and the security headers the pages
// allow (the same as the nginx snippet in docs/发布.md), so that what works here works there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SECURITY_HEADERS, startStaticServer } from '../lib/commands/server.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';

const usage = '用法：npm run preview [-- 网站文件夹（默认 dist）] [--base /yusuan/] [--port 4321] [--host 0.0.0.0]';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { base: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const dir = args.positionals[0] ?? process.env.GONGKAI_OUT ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/ 里没有生成好的网站（找不到 index.html）：先运行 npm run build。\n${usage}`);
  process.exit(2);
}
// The base path the site was built for: site.yaml's 基础路径 (or GONGKAI_BASE), unless given.
let base = args.values.base;
if (base === undefined) {
  try {
    base = loadSiteConfig().base;
  } catch {
    base = '/';
  }
}
if (!/^\/([\w.-]+\/)*$/.test(base)) {
  console.error(`--base 应以 / 开头并以 / 结尾，例如 /yusuan/；这里是 ${base}`);
  process.exit(2);
}
const port = Number(args.values.port ?? 4321);
if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
  console.error(`--port 应为端口号，例如 4321；这里是 ${args.values.port}`);
  process.exit(2);
}
const server = await startStaticServer(dir, base, { headers: SECURITY_HEADERS, gzip: true, port, host: args.values.host ?? '127.0.0.1' }).catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：换一个，例如 npm run preview -- --port 4322` : `无法启动：${error.message}`);
  process.exit(1);
});
console.log(`网站 ${dir}/ 已在 ${server.baseUrl} 打开（像网站服务器一样：gzip、安全响应头、404 页面）。按 Ctrl+C 停止。`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
