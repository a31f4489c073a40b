// Generic checks of every page the crawler reached, on both builds (base `/` and `/yusuan/`).
// Each page is opened once with JavaScript (1280 px wide, then 375 and 320 px) and once without,
// in sequence (see visit.ts); the tests assert on what those visits saw (see checks.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  foreignRequestProblems,
  langProblems,
  loadProblems,
  overflowProblems,
  skipLinkProblems,
  tableMarkupProblems,
  tableRegionProblems,
  withoutJsProblems,
} from './checks.ts';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { isSearchPage, pagePath, sitesUnderTest } from './sites.ts';
import { Visitor, type Visit } from './visit.ts';

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
    let visitor: Visitor;
    beforeAll(async () => {
      visitor = await Visitor.open(browser, site);
    });
    afterAll(async () => {
      await visitor?.close();
    });

    it('the crawl started at the root page', () => {
      expect(site.crawl.pages[0], `the root page ${site.baseUrl} (status ${site.crawl.fetched[site.baseUrl]?.status})`).toBe(site.baseUrl);
    });

    for (const url of site.crawl.pages) {
      describe(pagePath(site, url), () => {
        let v: Visit;
        beforeAll(async () => {
          v = await visitor.visit(url);
        });

        it('loads with HTTP 200 and no console errors, page errors or failed requests', () => {
          expect(loadProblems(v), `problems while loading ${url}`).toEqual([]);
        });

        it('sends no request to another origin', () => {
          expect(foreignRequestProblems(v, site.origin)).toEqual([]);
        });

        it('declares <html lang="zh-CN">', () => {
          expect(langProblems(v)).toEqual([]);
        });

        it('has no horizontal scroll at 375 px and 320 px', () => {
          expect(overflowProblems(v)).toEqual([]);
        });

        it('focuses a visible skip link with the first Tab press, and its target exists', () => {
          expect(skipLinkProblems(v)).toEqual([]);
        });

        // Only pages that have tables (as the crawler saw them) get the table tests.
        if ((site.crawl.tables[url] ?? 0) > 0) {
          it('gives every table a caption and every header cell a scope', () => {
            expect(v.tables.length, 'tables on the page').toBeGreaterThan(0);
            expect(tableMarkupProblems(v)).toEqual([]);
          });

          it('puts every table in a focusable, named scroll region', () => {
            expect(v.tables.length, 'tables on the page').toBeGreaterThan(0);
            expect(tableRegionProblems(v)).toEqual([]);
          });
        }

        // The search page may need JavaScript; every other page must work without it.
        if (!isSearchPage(site, url)) {
          it('works without JavaScript: main content and tables are there', () => {
            expect(withoutJsProblems(v)).toEqual([]);
          });
        }
      });
    }
  });
}
