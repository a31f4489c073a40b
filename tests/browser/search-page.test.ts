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
const resultTitles = () => page.$$eval('.results a', (as) => as.map((a) => a.textContent?.trim() ?? ''));

describe.each(sites.map((s) => [s.name, s] as const))('search page (%s build)', (_name, site) => {
  const searchUrl = `${site.baseUrl}search/`;

  it('shows results for a query given in the link, project names first', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('垃圾清运')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    expect(await page.inputValue('#search-q')).toBe('垃圾清运');
    const titles = await resultTitles();
    expect(titles.slice(0, 2).sort()).toEqual(['2022年村级垃圾清运及焚烧', '村垃圾清运及焚烧']);
    expect(titles).toContain('按要求的村垃圾清运数量');
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

  it('filters by 一级指标 with counts, and keeps the filter in the URL', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('按成本')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    const option = await page.$eval('select[data-filter="二级指标"]', (s) => [...(s as HTMLSelectElement).options].map((o) => o.textContent).find((t) => t?.startsWith('成本指标')));
    expect(option).toMatch(/^成本指标（\d+）$/);
    await page.selectOption('select[data-filter="一级指标"]', '效益指标');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('一级指标=效益指标');
    await expect.poll(() => status().textContent()).toContain('已筛选');
    const filtered = await resultTitles();
    // Opening the link restores the same view: the same filter and the same (filtered) results.
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => page.$eval('select[data-filter="一级指标"]', (s) => (s as HTMLSelectElement).value), { timeout: 10_000 }).toBe('效益指标');
    await expect.poll(() => status().textContent()).toContain('已筛选');
    expect(await resultTitles()).toEqual(filtered);
  });

  it('reaches a result with the keyboard and opens its indicator row', async () => {
    await page.goto(`${searchUrl}?q=${encodeURIComponent('村民满意度')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
    await page.focus('#search-q');
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
