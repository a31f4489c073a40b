// axe-core (WCAG 2.0/2.1 A and AA rules) on every crawled page of both builds, one tab per build,
// pages in sequence.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, runAxe } from './checks.ts';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { blockOtherOrigins } from './crawl.ts';
import { pagePath, sitesUnderTest } from './sites.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await blockOtherOrigins(context, site.origin);
      // axe-core is added to every document of this context (cheaper than a script tag per page).
      await context.addInitScript({ path: AXE_SCRIPT });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const url of site.crawl.pages) {
      it(`${pagePath(site, url)} has no axe violations of WCAG 2.1 A/AA`, async () => {
        const response = await page.goto(url, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const violations = await runAxe(page);
        expect(violations.length, `axe found ${violations.length} violation(s) on ${url}:\n${formatViolations(violations)}\n`).toBe(0);
      });
    }
  });
}
