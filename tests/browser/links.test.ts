// No broken internal link or asset anywhere: every URL the crawler found answers 200, every
// #fragment exists, nothing loads from another origin, and every href/src/srcset in every HTML
// file of the dist folder (reachable or not) names a file under the base path (see checks.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { crawledPaths, crawlFragmentProblems, crawlStatusProblems, distLinkProblems, foreignResourceProblems } from './checks.ts';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { sitesUnderTest } from './sites.ts';

const sites = sitesUnderTest();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

describe('addresses across builds', () => {
  const root = sites.find((s) => s.name === 'root')!;
  const sub = sites.find((s) => s.name === 'sub')!;
  const county = sites.find((s) => s.name === 'county')!;

  // The sub and county sites are built from copies of content/ that are not in git, so they have
  // no version pages (…/history/<date>/, from git: tests/history-site.test.ts); root has them.
  const withoutVersions = (paths: string[]) => paths.filter((p) => !/\/history\/[^/]+\/$/.test(p));

  it('the crawler reaches the same pages and files under /yusuan/ as under /', () => {
    expect(crawledPaths(sub)).toEqual(withoutVersions(crawledPaths(root)));
  });

  it('adding a year and a unit keeps every address of the township site (permalinks)', () => {
    // Pages, downloads and content files; bundles and the search index are named by content hash.
    const addresses = (site: typeof root) => withoutVersions(crawledPaths(site)).filter((p) => !/^\/(_astro|pagefind)\//.test(p));
    const before = addresses(root);
    const after = new Set(addresses(county));
    expect(before.length).toBeGreaterThan(40);
    expect(before.filter((p) => !after.has(p))).toEqual([]);
    expect(after.size).toBeGreaterThan(before.length);
  });
});

for (const site of sites) {
  describe(`${site.name} build (base ${site.basePath})`, () => {
    it('every URL linked from a crawled page answers HTTP 200', () => {
      expect(Object.keys(site.crawl.fetched).length, 'URLs crawled').toBeGreaterThan(0);
      expect(crawlStatusProblems(site)).toEqual([]);
    });

    it('every #fragment of a crawled link exists on its page (as rendered with JavaScript)', () => {
      expect(crawlFragmentProblems(site)).toEqual([]);
    });

    it('no crawled page references a script, stylesheet, image or other resource on another origin', () => {
      expect(foreignResourceProblems(site)).toEqual([]);
    });

    it('every href, src and srcset in every HTML file of the dist resolves (fragments included)', async () => {
      expect(await distLinkProblems(browser, site)).toEqual([]);
    });
  });
}
