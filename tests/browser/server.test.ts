// The static server of the harness: base path, index.html for folders, content types, 404s (the
// site's own 404.html, with status 404, where the site has one).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, startStaticServer, type StaticServer } from '../../src/lib/commands/server.ts';

describe('static test server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-server-'));
  let sub: StaticServer;
  let root: StaticServer;
  /** A second site that has a 404 page. */
  const withPage = mkdtempSync(join(tmpdir(), 'gongkai-server-404-'));
  let pageServer: StaticServer;
  beforeAll(async () => {
    mkdirSync(join(withPage, 'a'), { recursive: true });
    writeFileSync(join(withPage, 'index.html'), '<p>首页</p>');
    writeFileSync(join(withPage, '404.html'), '<h1>找不到这个页面</h1>');
    pageServer = await startStaticServer(withPage, '/yusuan/');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<p>首页</p>');
    writeFileSync(join(dir, 'a', 'b', 'index.html'), '<p>b</p>');
    for (const ext of ['csv', 'json', 'xlsx', 'txt', 'yaml', 'js', 'css', 'svg', 'woff2']) writeFileSync(join(dir, `f.${ext}`), 'x');
    writeFileSync(join(dir, '数据.csv'), '年度\n2023\n');
    sub = await startStaticServer(dir, '/yusuan/');
    root = await startStaticServer(dir, '/');
  });
  afterAll(async () => {
    await Promise.all([sub?.close(), root?.close(), pageServer?.close()]);
    rmSync(dir, { recursive: true, force: true });
    rmSync(withPage, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 at an ephemeral port, one per server', () => {
    expect(sub.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/yusuan\/$/);
    expect(root.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(sub.origin).not.toBe(root.origin);
  });

  it('serves files under the base path only, with index.html for folders', async () => {
    const home = await fetch(sub.baseUrl);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<p>首页</p>');
    expect((await fetch(`${sub.baseUrl}a/b/`)).status).toBe(200);
    expect((await fetch(`${sub.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${sub.origin}/a/b/`)).status).toBe(404);
    expect((await fetch(`${root.baseUrl}a/b/`)).status).toBe(200);
  });

  it('redirects a folder without its trailing slash, and answers 404 for what is missing or outside', async () => {
    const folder = await fetch(`${sub.baseUrl}a/b`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/yusuan/a/b/');
    expect((await fetch(`${sub.baseUrl}nope.html`)).status).toBe(404);
    expect((await fetch(`${sub.baseUrl}a/`)).status).toBe(404); // a folder without index.html
    expect((await fetch(`${sub.baseUrl}..%2f..%2fetc/passwd`)).status).toBe(404);
    expect((await fetch(sub.baseUrl, { method: 'POST' })).status).toBe(405);
  });

  it('answers a missing address under the base path with the site’s 404.html and status 404, outside it with plain text', async () => {
    for (const path of ['nope/', 'nope', 'a/nope.html', '2023/483001/projects/X/', '..%2f..%2fetc/passwd', 'a/']) {
      const response = await fetch(`${pageServer.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await response.text(), path).toBe('<h1>找不到这个页面</h1>');
    }
    const head = await fetch(`${pageServer.baseUrl}nope/`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength('<h1>找不到这个页面</h1>')));
    const outside = await fetch(`${pageServer.origin}/nope/`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // The 404 page itself, asked for by name, is a file like any other.
    expect((await fetch(`${pageServer.baseUrl}404.html`)).status).toBe(200);
  });

  it('sends the right content types, also for non-ASCII names', async () => {
    const types: Record<string, string> = {
      csv: 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      txt: 'text/plain; charset=utf-8',
      yaml: 'application/yaml; charset=utf-8',
      js: 'text/javascript; charset=utf-8',
      css: 'text/css; charset=utf-8',
      svg: 'image/svg+xml',
      woff2: 'font/woff2',
    };
    for (const [ext, type] of Object.entries(types)) {
      const response = await fetch(`${root.baseUrl}f.${ext}`);
      expect(response.status, ext).toBe(200);
      expect(response.headers.get('content-type'), ext).toBe(type);
    }
    const csv = await fetch(`${root.baseUrl}${encodeURIComponent('数据.csv')}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toBe('年度\n2023\n');
  });

  it('as npm run preview: gzips text when asked, never binaries, and sends the headers with every answer', async () => {
    const preview = await startStaticServer(withPage, '/yusuan/', { headers: SECURITY_HEADERS, gzip: true });
    try {
      writeFileSync(join(withPage, 'big.xlsx'), 'x'.repeat(2000));
      const gzipped = await fetch(preview.baseUrl, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');
      expect(await gzipped.text()).toBe('<p>首页</p>');
      const plain = await fetch(preview.baseUrl, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength('<p>首页</p>')));
      expect((await fetch(`${preview.baseUrl}big.xlsx`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBeNull();
      const missing = await fetch(`${preview.baseUrl}nope/`, { headers: { 'accept-encoding': 'gzip' } });
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('<h1>找不到这个页面</h1>');
      for (const response of [gzipped, plain, missing]) {
        for (const [header, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(header), header).toBe(value);
      }
      // The plain servers of the tests send none of them.
      expect((await fetch(pageServer.baseUrl)).headers.get('content-security-policy')).toBeNull();
    } finally {
      await preview.close();
    }
  });
});
