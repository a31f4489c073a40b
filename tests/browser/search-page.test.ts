// The search page as a reader uses it: a shared ?q= link, typing, a filter, the keyboard, an
// empty result, the header search box, and a clear message without JavaScript.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, runAxe } from './checks.ts';
import { openDesktopPage } from './desktop-page.ts';
import { sitesUnderTest } from './sites.ts';

// The township's own content under both base paths (the county site has more projects).
const sites = sitesUnderTest().filter((s) => s.name === 'root' || s.name === 'sub');
let browser: Browser;
let page: Page;
openDesktopPage((opened, launched) => ((page = opened), (browser = launched)));

const status = () => page.locator('[data-search-status]');
/** Every link of the results: each project, then its matching lines. */
const resultTitles = () => page.$$eval('.results a', (as) => as.map((a) => a.textContent?.trim() ?? ''));
/** The projects found, one per result. */
const projectTitles = () => page.$$eval('.results > li > a', (as) => as.map((a) => a.textContent?.trim() ?? ''));

describe.each(sites.map((s) => [s.name, s] as const))('search page (%s build)', (_name, site) => {
  const searchUrl = `${site.baseUrl}search/`;

  it('shows results for a query given in the link, project names first, each with its matching lines', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('垃圾清运')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    expect(await page.inputValue('#search-q')).toBe('垃圾清运');
    expect((await projectTitles()).slice(0, 2).sort()).toEqual(['2022年村级垃圾清运及焚烧', '村垃圾清运及焚烧']);
    expect(await resultTitles()).toContain('按要求的村垃圾清运数量');
    // The line links to its row on the project page.
    const line = await page.$eval('.results .lines a', (a) => (a as HTMLAnchorElement).hash);
    expect(line).not.toBe('');
    const links = await page.$$eval('.results a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    for (const path of links) expect(path.startsWith(`${site.basePath}2023/483001/projects/`)).toBe(true);
  });

  it('updates the results and the URL as the reader types', async () => {
    await page.goto(searchUrl);
    await page.fill('#search-q', '群众满意');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`q=${encodeURIComponent('群众满意')}`);
    await expect.poll(() => status().textContent()).toContain('“群众满意”');
    expect((await resultTitles()).length).toBeGreaterThan(0);
  });

  it('downloads no filter index before a reader turns to a filter; then counts its values', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${searchUrl}?q=${encodeURIComponent('满意度')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    expect(requested.filter((p) => p.includes('/pagefind/filter/'))).toEqual([]);
    // Every value is listed from the start (from the page itself), without counts.
    const years = () => page.$eval('select[data-filter="年度"]', (s) => [...(s as HTMLSelectElement).options].map((o) => o.textContent));
    expect(await years()).toEqual(['全部', '2023']);
    await page.focus('select[data-filter="年度"]');
    await expect.poll(years).toEqual(['全部', '2023（14）']);
    expect(requested.some((p) => p.includes('/pagefind/filter/'))).toBe(true);
    page.removeAllListeners('request');
  });

  it('filters by 一级指标, showing only the lines of that kind, and keeps the filter in the URL', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('群众')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    await page.selectOption('select[data-filter="一级指标"]', '满意度指标');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('一级指标=满意度指标');
    await expect.poll(() => status().textContent()).toContain('已筛选');
    const levels = await page.$$eval('.results .levels', (spans) => spans.map((s) => s.textContent ?? ''));
    expect(levels.length).toBeGreaterThan(0);
    for (const level of levels) expect(level.startsWith('满意度指标')).toBe(true);
    const filtered = await resultTitles();
    // Opening the link restores the same view: the same filter and the same (filtered) results.
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => page.$eval('select[data-filter="一级指标"]', (s) => (s as HTMLSelectElement).value), { timeout: 10_000 }).toBe('满意度指标');
    await expect.poll(() => status().textContent()).toContain('已筛选');
    expect(await resultTitles()).toEqual(filtered);
  });

  it('reaches a result with the keyboard and opens its indicator row', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('村民满意度')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    await page.focus('#search-q');
    // The first result link is the project; the next, its matching line.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toMatch(/projects\/[^/#]+\/$/);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(focused).toContain('#');
    await page.keyboard.press('Enter');
    await page.waitForURL(/projects\/.+#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.$eval(`[id="${id}"]`, (row) => row.textContent)).toContain('村民满意度');
  });

  it('says when nothing is found and suggests a shorter query', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('航天飞机')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('没有找到');
    expect(await status().textContent()).toContain('更短');
    expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
  });

  it('asks for two characters instead of searching one', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('垃')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('请至少输入两个字');
    expect(await resultTitles()).toEqual([]);
  });

  it('searches in one project from its page, and in one unit from its overview', async () => {
    await page.goto(`${site.baseUrl}2023/483001/projects/13022923P00JXC414321L/`);
    await page.fill('#project-search-q', '满意度');
    await page.press('#project-search-q', 'Enter');
    await page.waitForURL(/search\/\?/);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('已筛选');
    expect(await projectTitles()).toEqual(['村垃圾清运及焚烧']);
    expect(await page.isVisible('[data-search-scope]')).toBe(true);
    await page.click('[data-search-scope] button');
    await expect.poll(async () => (await projectTitles()).length).toBeGreaterThan(1);
    expect(decodeURIComponent(page.url())).not.toContain('项目=');

    await page.goto(`${site.baseUrl}2023/483001/`);
    await page.fill('#unit-search-q', '道路');
    await page.press('#unit-search-q', 'Enter');
    await page.waitForURL(/search\/\?/);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('已筛选');
    expect(await page.$eval('select[data-filter="单位"]', (s) => (s as HTMLSelectElement).value)).toBe('玉田县林南仓镇人民政府本级');
  });

  it('is reached from the search box in the header of any page', async () => {
    await page.goto(`${site.baseUrl}about/`);
    await page.fill('#site-search-q', '道路');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/search\/\?q=/);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('“道路”');
    expect((await resultTitles())[0]).toContain('道路');
  });

  it('has no accessibility violations with results and filters shown (axe, WCAG 2.1 AA)', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('垃圾')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('explains that search needs JavaScript when it is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${searchUrl}?q=${encodeURIComponent('垃圾')}`);
    expect(await tab.textContent('main')).toContain('搜索需要浏览器启用 JavaScript');
    await context.close();
  });
});
