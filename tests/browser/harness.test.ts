// The harness's own test: a small site made to fail every check (and one page made to pass
// them all), served and crawled like the real builds, so that no check of the site tests is one
// that cannot fail. Needs no build of the real site.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  crawledPaths,
  crawlFragmentProblems,
  crawlStatusProblems,
  distLinkProblems,
  foreignRequestProblems,
  foreignResourceProblems,
  langProblems,
  loadProblems,
  overflowProblems,
  runAxe,
  skipLinkProblems,
  tableMarkupProblems,
  tableRegionProblems,
  withoutJsProblems,
} from './checks.ts';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { blockOtherOrigins, crawlSite } from './crawl.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/commands/server.ts';
import type { SiteUnderTest } from './sites.ts';
import { Visitor, type Visit } from './visit.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BASE = '/x/';
const HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';

/** Passes every check. */
const GOOD = `<!doctype html><html lang="zh-CN"><head>${HEAD}<title>合格页面</title>
<style>.skip{position:absolute;left:-10000px}.skip:focus{left:0;top:0}.r{overflow-x:auto}</style></head>
<body><a class="skip" href="#main">跳到正文</a>
<main id="main"><h1>合格页面</h1>
<div class="r" role="region" tabindex="0" aria-labelledby="t1"><table><caption id="t1">项目表</caption>
<thead><tr><th scope="col">项目</th><th scope="col">金额（元）</th></tr></thead>
<tbody><tr><th scope="row">甲</th><td>1</td></tr></tbody></table></div>
<p><a href="bad/">不合格页面</a>，<a href="bad/#h">它的标题</a>，<a href="data.csv">数据下载</a>，<a href="#main">正文</a>。</p>
</main></body></html>`;

/** Fails every check. The "other origin" is another loopback address: nothing leaves the machine. */
const BAD = `<!doctype html><html lang="en"><head>${HEAD}<title>不合格页面</title></head>
<body><nav><a href="../">首页</a></nav>
<main><h1 id="h">不合格页面</h1>
<img src="http://127.0.0.2:9/pixel.png">
<div style="width:600px">太宽的内容</div>
<table><tr><th>项目</th></tr><tr><td>甲</td></tr></table>
<p><a href="missing/">不存在的页面</a> <a href="../#nope">不存在的锚点</a> <a href="/elsewhere/">基础路径以外</a></p>
<script>
console.error('故意的错误');
document.querySelector('main').insertAdjacentHTML('beforeend', '<div role="region"><table><caption>脚本生成的表</caption><tr><td>1</td></tr></table></div>');
throw new Error('故意抛出的异常');
</script>
</main></body></html>`;

/** Linked from nowhere: only the check of the dist's files sees it. */
const ORPHAN = `<!doctype html><html lang="zh-CN"><head>${HEAD}<title>孤立页面</title></head>
<body><main><h1>孤立页面</h1><a href="gone.html">已删除的页面</a><a href="data.csv#x">CSV 的锚点</a></main></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'gongkai-harness-'));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

let browser: Browser;
let server: StaticServer;
let site: SiteUnderTest;
const visits = new Map<string, Visit>();

beforeAll(async () => {
  write('index.html', GOOD);
  write('bad/index.html', BAD);
  write('orphan.html', ORPHAN);
  write('data.csv', '项目,金额\n甲,1\n');
  browser = await launchBrowser(inject('chromiumPath'));
  server = await startStaticServer(dir, BASE);
  site = { name: 'fixture', basePath: BASE, origin: server.origin, baseUrl: server.baseUrl, distDir: dir, crawl: await crawlSite(browser, server.baseUrl) };
  const visitor = await Visitor.open(browser, site);
  try {
    for (const page of ['', 'bad/']) visits.set(page, await visitor.visit(server.baseUrl + page));
  } finally {
    await visitor.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const good = () => visits.get('')!;
const bad = () => visits.get('bad/')!;

describe('the checks of the browser tests', () => {
  it('the crawler finds the pages and the download, not the orphan page', () => {
    expect(site.crawl.pages).toEqual([server.baseUrl, `${server.baseUrl}bad/`]);
    expect(crawledPaths(site)).toEqual(['/', '/bad/', '/data.csv']);
    expect(site.crawl.fetched[`${server.baseUrl}data.csv`]?.contentType).toBe('text/csv; charset=utf-8');
  });

  it('pass on a page that does everything right', () => {
    const v = good();
    expect({
      load: loadProblems(v),
      foreign: foreignRequestProblems(v, site.origin),
      lang: langProblems(v),
      overflow: overflowProblems(v),
      skip: skipLinkProblems(v),
      tables: tableMarkupProblems(v),
      regions: tableRegionProblems(v),
      noJs: withoutJsProblems(v),
    }).toEqual({ load: [], foreign: [], lang: [], overflow: [], skip: [], tables: [], regions: [], noJs: [] });
    expect(v.tables).toHaveLength(1);
  });

  it('see console errors, page errors and failed requests', () => {
    const problems = loadProblems(bad()).join('\n');
    expect(problems).toContain('console error: 故意的错误');
    expect(problems).toContain('page error: 故意抛出的异常');
  });

  it('see requests to another origin', () => {
    expect(foreignRequestProblems(bad(), site.origin)).toEqual([expect.stringContaining('http://127.0.0.2:9/pixel.png')]);
  });

  it('see a wrong lang', () => {
    expect(langProblems(bad())).toEqual(['<html lang="en">, expected lang="zh-CN"']);
  });

  it('see horizontal scrolling at 375 and 320 px, naming the culprit', () => {
    const problems = overflowProblems(bad());
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^at 375 px the page is 6\d\d px wide; sticking out: <div>/);
    expect(problems[1]).toMatch(/^at 320 px/);
  });

  it('see a first Tab stop that is not a skip link', () => {
    expect(skipLinkProblems(bad())).toEqual([expect.stringMatching(/^the first Tab press focused <a href="\.\.\/">.*not a skip link/)]);
  });

  it('see tables without caption or scope, and tables outside a focusable named region', () => {
    expect(tableMarkupProblems(bad())).toEqual(['table #1: no <caption>', 'table #1: header cells without scope: <th>项目']);
    expect(tableRegionProblems(bad())).toEqual([
      'table #1 is not inside an element with role="region"',
      expect.stringMatching(/^table “脚本生成的表” its region <div> has tabindex missing .*; no accessible name .*; overflow-x: visible/),
    ]);
  });

  it('see content that needs JavaScript', () => {
    expect(withoutJsProblems(bad())).toEqual(['1 table(s) without JavaScript, 2 with it', 'tables missing without JavaScript: “脚本生成的表”']);
  });

  it('see broken links, missing fragments and resources from another origin', () => {
    const base = server.baseUrl;
    expect(crawlStatusProblems(site).sort()).toEqual([
      `404 ${server.origin}/elsewhere/ (linked from /bad/)`,
      `404 ${base}bad/missing/ (linked from /bad/)`,
    ].sort());
    expect(crawlFragmentProblems(site)).toEqual([`/bad/: <a> ${base}#nope points to #nope, which is not an id on the target page`]);
    expect(foreignResourceProblems(site)).toEqual(['/bad/: <img> http://127.0.0.2:9/pixel.png']);
  });

  it('see the same problems in the dist files, and those of pages linked from nowhere', async () => {
    const base = server.baseUrl;
    expect((await distLinkProblems(browser, site)).sort()).toEqual(
      [
        `bad/index.html: <img> http://127.0.0.2:9/pixel.png loads from another origin`,
        `bad/index.html: <a> ${base}bad/missing/ has no bad/missing/index.html in the dist`,
        `bad/index.html: <a> ${base}#nope points to #nope, which is not an id on the target page`,
        `bad/index.html: <a> ${server.origin}/elsewhere/ is outside the base path ${BASE}`,
        `orphan.html: <a> ${base}gone.html names no file in the dist`,
        `orphan.html: <a> ${base}data.csv#x has a fragment #x, but its target is not an HTML page`,
      ].sort(),
    );
  });

  it('see axe violations (and none on the good page)', async () => {
    const context = await browser.newContext();
    try {
      await blockOtherOrigins(context, site.origin);
      await context.addInitScript({ path: AXE_SCRIPT });
      const page = await context.newPage();
      await page.goto(server.baseUrl);
      expect(await runAxe(page)).toEqual([]);
      await page.goto(`${server.baseUrl}bad/`);
      expect((await runAxe(page)).map((v) => v.id)).toContain('image-alt');
    } finally {
      await context.close();
    }
  });
});
