// Phones: every crawled page of every site at 320, 375 and 1280 px. Nothing reaches past the
// viewport's right edge (measured on every element, also inside regions that scroll), nothing
// scrolls sideways, every cell of an 指标值 column is entirely on screen, every body cell of a
// table with a header row carries its column's name for the block layout, and at 375 px the
// tables are still tables, rows and cells in Chromium's accessibility tree. One tab per site;
// each width measured in one evaluate call.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { blockOtherOrigins } from './crawl.ts';
import { phoneFactsInPage, type PhoneFacts } from './page-facts.ts';
import { isSearchPage, pagePath, sitesUnderTest } from './sites.ts';

const WIDTHS = [320, 375, 1280] as const;
const HEIGHT = 800;
/** A word that the search finds on every site, so that the phone check sees a result list. */
const SEARCH_QUERY = '满意';

const sites = sitesUnderTest();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

interface TableTree {
  domTables: number;
  domCells: number;
  /** Roles of Chromium's accessibility tree (not ignored nodes), counted. */
  roles: Record<string, number>;
}

async function tableTree(page: Page): Promise<TableTree> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value?: unknown } }[] };
    const roles: Record<string, number> = {};
    for (const n of nodes) {
      const role = String(n.role?.value ?? '');
      if (!n.ignored && ['table', 'row', 'cell', 'gridcell', 'columnheader', 'rowheader'].includes(role)) roles[role] = (roles[role] ?? 0) + 1;
    }
    const dom = await page.evaluate(() => ({ domTables: document.querySelectorAll('table').length, domCells: document.querySelectorAll('td').length }));
    return { ...dom, roles };
  } finally {
    await cdp.detach();
  }
}

function problemsAt(f: PhoneFacts): string[] {
  return [
    ...f.offenders.map((o) => `at ${f.width} px, past the right edge: ${o}`),
    ...f.scrolling.map((s) => `at ${f.width} px, ${s}`),
    ...f.hiddenValues.map((h) => `at ${f.width} px, 指标值 not entirely visible: ${h}`),
    ...f.unlabelled.map((u) => `at ${f.width} px, a body cell without its column's name (data-label): ${u}`),
  ];
}

for (const site of sites) {
  describe(`${site.name} build (base ${site.basePath}) on a phone`, () => {
    let context: BrowserContext;
    let page: Page;
    const valueCellsSeen: number[] = [];
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: WIDTHS[0], height: HEIGHT }, hasTouch: true });
      await blockOtherOrigins(context, site.origin);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    const urls = site.crawl.pages.map((url) => (isSearchPage(site, url) ? `${url}?q=${encodeURIComponent(SEARCH_QUERY)}` : url));
    for (const url of urls) {
      it(`${pagePath(site, url)}: nothing past the right edge at ${WIDTHS.join(' / ')} px, every 指标值 visible, tables still tables`, async () => {
        await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
        const response = await page.goto(url, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        if (isSearchPage(site, url.replace(/\?.*$/, ''))) {
          await page.waitForSelector('[data-search-results] li', { timeout: 10_000 });
        }
        const problems: string[] = [];
        let tree: TableTree | undefined;
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT });
          // Let the charts' resize catch up with the new width before measuring.
          await page
            .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 2_000, polling: 'raf' })
            .catch(() => undefined);
          const facts = await page.evaluate(phoneFactsInPage);
          problems.push(...problemsAt(facts));
          if (width === 375) {
            valueCellsSeen.push(facts.valueCells);
            if (facts.tables > 0) tree = await tableTree(page);
          }
          if (isSearchPage(site, url.replace(/\?.*$/, ''))) expect(facts.searchResults, 'search results shown').toBeGreaterThan(0);
        }
        expect(problems, `problems on ${url}`).toEqual([]);
        if (tree) {
          // Chromium keeps table semantics under the block layout: every table, and a cell per <td>.
          expect(tree.roles['table'] ?? 0, 'tables in the accessibility tree at 375 px').toBe(tree.domTables);
          expect((tree.roles['cell'] ?? 0) + (tree.roles['gridcell'] ?? 0), 'cells in the accessibility tree at 375 px').toBe(tree.domCells);
          expect(tree.roles['row'] ?? 0, 'rows in the accessibility tree at 375 px').toBeGreaterThan(0);
        }
      });
    }

    it('saw 指标值 cells (the check above is not empty)', () => {
      const withProjects = site.crawl.pages.some((u) => /\/projects\//.test(u));
      if (withProjects) expect(valueCellsSeen.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });
  });
}
