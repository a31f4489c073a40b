// npm run edit [-- --port 8090]: the browser editor on this computer (127.0.0.1 only): Decap CMS
// over the content folder, saving through our save hook, publishing as a commit with a reason.
import { parseArgs } from 'node:util';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { startEditServer } from '../lib/editor/edit-server.ts';

let args;
try {
  args = parseArgs({ options: { port: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n用法：npm run edit [-- --port 8090]`);
  process.exit(2);
}
const port = args.values.port === undefined ? 8090 : Number(args.values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port 要写 0 到 65535 的数字（0 表示任选一个空闲端口）');
  process.exit(2);
}
try {
  const server = await startEditServer({ root: process.cwd(), content: CONTENT_DIR, port });
  console.log(`在线编辑已启动：${server.url}\n请用浏览器打开这个地址（只有本机能打开）。用完按 Ctrl+C 关闭。`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `端口 ${port} 已被占用：请换一个，例如 npm run edit -- --port 8091` : `编辑器没有启动：${(e as Error).message}`);
  process.exit(1);
}
