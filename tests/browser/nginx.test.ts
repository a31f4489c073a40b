// The nginx settings of docs/发布.md, exercised: real nginx (Debian's package) serves every test
// site with the two documented blocks (the `map` for http { } and the `location`), only the folder,
// base path and port put in. The configuration must pass `nginx -t`; the responses carry the
// documented headers (the same CSP as `npm run preview`, SECURITY_HEADERS), gzip, cache times,
// the right types, the 404 page; and every page opens in Chromium without a Content Security
// Policy violation, its inline scripts running and the search still finding (WebAssembly).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { SECURITY_HEADERS } from '../../src/lib/commands/server.ts';
import { ROOT } from '../helpers.ts';
import { blockOtherOrigins } from './crawl.ts';
import { sitesUnderTest, type SiteUnderTest } from './sites.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';
/** The folder and base path the documented blocks are written for. */
const DOC_DIR = '/srv/yusuan/dist/';
const DOC_BASE = '/yusuan/';

/** Like findChromium: the browser tests need it, so its absence fails with how to install it. */
function findNginx(): string {
  if (existsSync(NGINX) && existsSync(MIME_TYPES)) return NGINX;
  throw new Error(`nginx not found at ${NGINX}${process.env.NGINX_PATH ? ' (from NGINX_PATH)' : ''} (or ${MIME_TYPES} missing). The nginx settings of docs/发布.md are tested with real nginx. Install it (as root):\n  apt-get update && apt-get install -y nginx\nor set NGINX_PATH to an nginx executable.`);
}

/** The `nginx` code blocks of docs/发布.md: the map (http level), then the location. */
function documentedBlocks(): { map: string; location: string } {
  const doc = readFileSync(join(ROOT, 'docs/发布.md'), 'utf8');
  const blocks = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const map = blocks.find((b) => b.trimStart().startsWith('map '));
  const location = blocks.find((b) => b.trimStart().startsWith('location '));
  if (!map || !location) throw new Error('docs/发布.md must have an nginx block starting with `map` and one starting with `location`');
  return { map, location };
}

/** The blocks for one site: its folder, base path and a variable name of its own. */
function siteBlocks(site: SiteUnderTest, index: number) {
  const { map, location } = documentedBlocks();
  const adapt = (block: string) =>
    block
      .replaceAll(DOC_DIR, `${site.distDir}/`)
      .replaceAll(DOC_BASE, site.basePath)
      .replaceAll('$yusuan_cache_control', `$site${index}_cache_control`);
  return { map: adapt(map), location: adapt(location) };
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Documented header names → the values SECURITY_HEADERS sends (what npm run preview sends). */
function documentedHeaders(location: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const m of location.matchAll(/add_header\s+([\w-]+)\s+("([^"]*)"|(\S+?))\s+always;/g)) headers[m[1]!.toLowerCase()] = m[3] ?? m[4]!;
  return headers;
}

const sites = sitesUnderTest();
const dir = mkdtempSync(join(tmpdir(), 'gongkai-nginx-'));
let nginx: ChildProcess | undefined;
let browser: Browser;
/** Each site's address as nginx serves it. */
const served = new Map<string, string>();

beforeAll(async () => {
  const binary = findNginx();
  const servers: string[] = [];
  const maps: string[] = [];
  for (const [i, site] of sites.entries()) {
    const port = await freePort();
    const { map, location } = siteBlocks(site, i);
    maps.push(map);
    servers.push(`server {\n listen 127.0.0.1:${port};\n server_name localhost;\n${location}\n}`);
    served.set(site.name, `http://127.0.0.1:${port}${site.basePath}`);
  }
  // `include mime.types;` in the location is relative to the configuration's folder, as in /etc/nginx/.
  copyFileSync(MIME_TYPES, join(dir, 'mime.types'));
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // As root the workers would otherwise run as nobody, who may not read the test builds.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      'access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
      ...maps,
      ...servers,
      '}',
    ].join('\n'),
  );
  const conf = join(dir, 'nginx.conf');
  // nginx -t: the documented blocks parse (it prints to stderr; a failure throws with its message).
  execFileSync(binary, ['-t', '-q', '-p', dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx = spawn(binary, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = served.values().next().value!;
  for (let tries = 0; ; tries++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${stderr}${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    if (await fetch(first).then(() => true, () => false)) break;
    if (tries > 100) throw new Error(`nginx did not answer at ${first}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchBrowser(inject('chromiumPath'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the documented nginx settings (docs/发布.md)', () => {
  it('send the security headers npm run preview sends', () => {
    expect(documentedHeaders(documentedBlocks().location)).toEqual({
      'cache-control': expect.stringMatching(/^\$/),
      ...Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([name, value]) => [name, value])),
    });
  });

  it.each(sites.map((s) => [s.name, s] as const))('serve the %s build with headers, gzip, cache times, types and the 404 page', async (name) => {
    const base = served.get(name)!;
    const page = await fetch(base, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(header), header).toBe(value);
    const html = await page.text();
    const asset = /"([^"]*\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const css = await fetch(new URL(asset!, base));
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    // Content files and downloads keep the types a browser needs under nosniff.
    expect((await fetch(`${base}content/site.yaml`)).headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    const csv = readdirSync(join(sites.find((s) => s.name === name)!.distDir, 'data')).find((f) => f.endsWith('.csv'));
    if (csv) expect((await fetch(`${base}data/${encodeURIComponent(csv)}`)).headers.get('content-type')).toMatch(/^text\/csv/);
    // A folder address without its slash gets it, by a relative redirect.
    const folder = await fetch(`${base}about`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`${new URL(base).pathname}about/`);
    const missing = await fetch(`${base}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(join(sites.find((s) => s.name === name)!.distDir, '404.html'), 'utf8'));
    expect(missing.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['content-security-policy']);
  });

  describe.each(sites.map((s) => [s.name, s] as const))('every page of the %s build under its CSP', (name, site) => {
    let page: Page;
    const violations: string[] = [];
    beforeAll(async () => {
      const context = await browser.newContext();
      await blockOtherOrigins(context);
      // Each violation, as the page's own event (the console message says the same in words).
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)),
      );
      page = await context.newPage();
      page.on('console', (m) => {
        if (/Content Security Policy|CSP violation/.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
      });
    });
    afterAll(() => page?.context().close());

    it('loads each page without a violation, the inline scripts running', async () => {
      const base = served.get(name)!;
      const notRun: string[] = [];
      for (const url of site.crawl.pages) {
        const address = url.replace(site.baseUrl, base);
        await page.goto(address, { waitUntil: 'load' });
        // The text-size script (inline, allowed by its hash) shows the button it controls.
        const hidden = await page.$eval('.text-size', (b) => (b as HTMLButtonElement).hidden).catch(() => undefined);
        if (hidden === true) notRun.push(address);
      }
      expect(site.crawl.pages.length).toBeGreaterThan(0);
      expect(violations).toEqual([]);
      expect(notRun).toEqual([]);
    }, 600_000);

    it('finds with the search (WebAssembly allowed)', async () => {
      const word = site.name === 'example' ? '示例' : site.name === 'layouts' ? '项目' : '满意度';
      await page.goto(`${served.get(name)!}search/?q=${encodeURIComponent(word)}`);
      await expect.poll(() => page.locator('.results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    });
  });
});
