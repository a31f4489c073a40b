// The crawl checks (axe, phones, HTML validity, links: the same functions of checks.ts that axe.test.ts,
// phone.test.ts, html-valid.test.ts and links.test.ts run per page on the global setup's sites) for a
// site that a test file builds itself in its beforeAll (the corpus sites): its pages are known only
// once it is built, so each check is one test over every page, listing every problem it found.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StaticServer } from '../../src/lib/commands/server.ts';
import {
  axePageProblems,
  axeTab,
  crawlFragmentProblems,
  crawlStatusProblems,
  distLinkProblems,
  foreignResourceProblems,
  htmlValidityProblems,
  phonePageProblems,
  phoneTab,
  phoneUrl,
} from './checks.ts';
import { crawlSite } from './crawl.ts';
import type { SiteUnderTest } from './sites.ts';

/** Crawls a served build (base `/`) as the global setup crawls its sites: from the root page, and the 404 page. */
export async function crawledSite(browser: Browser, name: string, distDir: string, server: StaticServer): Promise<SiteUnderTest> {
  const crawl = await crawlSite(browser, server.baseUrl, undefined, [`${server.baseUrl}404.html`]);
  return { name, basePath: '/', origin: server.origin, baseUrl: server.baseUrl, distDir, crawl };
}

/** Generous: one test goes over every page of a site (about a second a page on a busy machine). */
const WHOLE_SITE_TIMEOUT = 900_000;

/**
 * Registers the crawl checks of the site that `get` returns once the file's beforeAll has built,
 * served and crawled it (crawledSite). `searchQuery`: a word the site's search finds, for the phone
 * check of the search page with its results shown.
 */
export function describeSiteChecks(get: () => { browser: Browser; site: SiteUnderTest }, searchQuery?: string): void {
  describe('the crawl checks of every other site, on every page of this one', () => {
    it('the crawl reached pages beyond the home page', () => {
      expect(get().site.crawl.pages.length).toBeGreaterThan(2);
    });

    it('every page has no axe violations of WCAG 2.1 A/AA', async () => {
      const { browser, site } = get();
      const { context, page } = await axeTab(browser, site.origin);
      const problems: string[] = [];
      try {
        for (const url of site.crawl.pages) problems.push(...(await axePageProblems(page, url)));
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    }, WHOLE_SITE_TIMEOUT);

    it('every page at 320, 375 and 1280 px: nothing past the right edge, every 指标值 visible, tables still tables', async () => {
      const { browser, site } = get();
      const { context, page } = await phoneTab(browser, site.origin);
      const problems: string[] = [];
      try {
        for (const url of site.crawl.pages) problems.push(...(await phonePageProblems(page, site, phoneUrl(site, url, searchQuery))).problems);
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    }, WHOLE_SITE_TIMEOUT);

    it('every page passes the Nu HTML Checker with no errors', () => {
      expect(htmlValidityProblems(get().site.distDir)).toEqual([]);
    }, WHOLE_SITE_TIMEOUT);

    it('every linked URL answers 200, every #fragment exists, nothing loads from another origin, every href/src of the dist resolves', async () => {
      const { browser, site } = get();
      expect(crawlStatusProblems(site)).toEqual([]);
      expect(crawlFragmentProblems(site)).toEqual([]);
      expect(foreignResourceProblems(site)).toEqual([]);
      expect(await distLinkProblems(browser, site)).toEqual([]);
    }, WHOLE_SITE_TIMEOUT);
  });
}
