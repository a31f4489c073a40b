// Phones: every crawled page of every site of the global setup at 320, 375 and 1280 px, as
// phonePageProblems (checks.ts) measures it; one tab per site. The corpus tests run the same check on their sites.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { PHONE_WIDTHS, phonePageProblems, phoneTab, phoneUrl } from './checks.ts';
import { pagePath, sitesUnderTest } from './sites.ts';

const sites = sitesUnderTest();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

for (const site of sites) {
  describe(`${site.name} build (base ${site.basePath}) on a phone`, () => {
    let context: BrowserContext;
    let page: Page;
    const valueCellsSeen: number[] = [];
    beforeAll(async () => {
      ({ context, page } = await phoneTab(browser, site.origin));
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const url of site.crawl.pages.map((u) => phoneUrl(site, u))) {
      it(`${pagePath(site, url)}: nothing past the right edge at ${PHONE_WIDTHS.join(' / ')} px, every 指标值 visible, tables still tables`, async () => {
        const { problems, valueCells } = await phonePageProblems(page, site, url);
        valueCellsSeen.push(valueCells);
        expect(problems).toEqual([]);
      });
    }

    it('saw 指标值 cells (the check above is not empty)', () => {
      const withProjects = site.crawl.pages.some((u) => /\/projects\//.test(u));
      if (withProjects) expect(valueCellsSeen.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });
  });
}
