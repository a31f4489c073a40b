// npm run lighthouse -- [--dir dist] [--base /yusuan/] [--page 路径 …] [--require-100]
//
// Lighthouse (mobile, its default configuration) on an already built site: serves the folder on
// 127.0.0.1 the way a portal's web server would (gzip for text, directory URLs → index.html),
// audits the home page, a unit overview, a project page and the search page in headless
// Chromium, and prints the four category scores per page. Builds nothing itself. Exits 1 when a
// score is below 100 only with --require-100 (scores on a shared machine are not a test).
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, findChromium } from '../lib/commands/chromium.ts';
import { contentTypeOf } from '../lib/commands/server.ts';
import { CATEGORIES, formatScoreTable, pagesToAudit, parseLighthouseArgs, scoresOf, shortfalls, type AuditedPage, type PageScores } from '../lib/commands/lighthouse-report.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|yaml|manifest\+json)|image\/svg)/;

async function htmlFilesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name === 'index.html').map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** A static server for `root` under `base`, with gzip and cache headers as a production server sends. */
async function serve(root: string, base: string) {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const notFound = () => { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }); res.end('Not Found'); };
    if (!path.startsWith(base)) return notFound();
    const file = resolve(dir, path.slice(base.length));
    if (file !== dir && !file.startsWith(dir + sep)) return notFound();
    void (async () => {
      let target = file;
      let info = await stat(target).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) { res.writeHead(301, { location: `${url.pathname}/` }); return res.end(); }
        target = join(file, 'index.html');
        info = await stat(target).catch(() => undefined);
      }
      if (!info?.isFile()) return notFound();
      const type = contentTypeOf(target);
      // Astro's hashed assets never change; pages are revalidated.
      const cache = path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600';
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, { 'content-type': type, 'cache-control': cache, ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': String(info.size) }) });
      const stream = createReadStream(target);
      (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}${base}`, close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }) };
}

async function main() {
  let options;
  try {
    options = parseLighthouseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const dir = resolve(options.dir);
  if (!(await stat(join(dir, 'index.html')).catch(() => undefined))) {
    console.error(`${dir} 里没有构建好的网站（缺 index.html）。请先运行 npm run build，或用 --dir 指定构建好的文件夹`);
    process.exit(2);
  }
  const base = options.base ?? loadSiteConfig().base;
  const pages: AuditedPage[] = options.pages.length > 0 ? options.pages.map((path) => ({ label: path || '首页', path })) : pagesToAudit(await htmlFilesOf(dir));

  const server = await serve(dir, base);
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    // chrome-launcher adds its own defaults; --headless=new is the mode Lighthouse expects.
    chromeFlags: [...CHROMIUM_FLAGS.filter((f) => f !== '--headless'), '--headless=new'],
  });
  const rows: PageScores[] = [];
  try {
    for (const page of pages) {
      const url = `${server.baseUrl}${page.path}`;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse 没有返回 ${url} 的结果`);
      const lhr = result.lhr;
      rows.push({ page, scores: scoresOf(lhr.categories) });
      // What cost points, so that the table can be acted on.
      const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings'));
      const weighted = new Set(Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
      const notes = failing.filter((a) => weighted.has(a.id)).map((a) => `  - ${a.id}（${a.title}）${a.displayValue ? `：${a.displayValue}` : ''}`);
      console.error(`${page.label} ${url}：${CATEGORIES.map((c) => `${c} ${rows.at(-1)!.scores[c] ?? '—'}`).join('，')}${notes.length ? `\n${notes.join('\n')}` : ''}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  console.log(`\nLighthouse ${lighthouseVersion()}（移动设备预设），${options.dir}，基础路径 ${base}\n`);
  console.log(formatScoreTable(rows));
  const below = shortfalls(rows);
  if (below.length > 0) console.log(`\n低于 100：${below.join('；')}`);
  if (options.require100 && below.length > 0) process.exit(1);
}

function lighthouseVersion(): string {
  return (JSON.parse(readFileSync(join(process.cwd(), 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
}

await main();
