// axe-core (WCAG 2.0/2.1 A and AA rules) on every crawled page of every site of the global setup, one
// tab per site, pages in sequence (checks.ts: the corpus tests run the same check on their sites).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axePageProblems, axeTab } from './checks.ts';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
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
  describe(`${site.name} build (base ${site.basePath})`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await axeTab(browser, site.origin));
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const url of site.crawl.pages) {
      it(`${pagePath(site, url)} has no axe violations of WCAG 2.1 A/AA`, async () => {
        expect(await axePageProblems(page, url)).toEqual([]);
      });
    }
  });
}
