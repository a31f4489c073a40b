// Opening a page as the tests need it: with JavaScript at 1280 px (console, errors, requests,
// document, tables, first Tab), then at 375 and 320 px, then again without JavaScript.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { blockOtherOrigins, isLocalUrl } from './crawl.ts';
import {
  documentFactsInPage,
  focusFactsInPage,
  overflowFactsInPage,
  tableFactsInPage,
  type DocumentFacts,
  type FocusFacts,
  type OverflowFacts,
  type TableFacts,
} from './page-facts.ts';
import { isSearchPage, type SiteUnderTest } from './sites.ts';

export const NARROW_WIDTHS = [375, 320] as const;
const DESKTOP = { width: 1280, height: 800 };

export interface Visit {
  status: number | undefined;
  /** Console errors, page errors, failed or 4xx/5xx requests. */
  problems: string[];
  /** Requests that tried to leave the site's origin (blocked). */
  foreign: string[];
  doc: DocumentFacts;
  tables: TableFacts[];
  firstTab: FocusFacts;
  narrow: OverflowFacts[];
  /** The same page with JavaScript disabled; undefined for the search page. */
  withoutJs?: { status: number | undefined; doc: DocumentFacts };
}

/**
 * Opens pages of one site in sequence, reusing one tab with JavaScript and one without (a new tab
 * per page costs a renderer process, ~0.5 s). Listeners are attached once and collect into the
 * record of the page being visited.
 */
export class Visitor {
  private problems: string[] = [];
  private foreign: string[] = [];
  private readonly inFlight = new Set<Request>();

  private constructor(
    private readonly site: SiteUnderTest,
    private readonly contexts: BrowserContext[],
    private readonly page: Page,
    private readonly plainPage: Page,
    foreign: string[],
  ) {
    this.foreign = foreign;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location();
      this.problems.push(`console error: ${message.text()}${where.url ? ` (at ${where.url}:${where.lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('request', (request) => this.inFlight.add(request));
    page.on('requestfinished', (request) => this.inFlight.delete(request));
    page.on('requestfailed', (request) => {
      this.inFlight.delete(request);
      if (isLocalUrl(request.url(), site.origin)) this.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
    });
  }

  static async open(browser: Browser, site: SiteUnderTest): Promise<Visitor> {
    const context = await browser.newContext({ viewport: DESKTOP });
    const plainContext = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const foreign = await blockOtherOrigins(context, site.origin);
    await blockOtherOrigins(plainContext, site.origin);
    return new Visitor(site, [context, plainContext], await context.newPage(), await plainContext.newPage(), foreign);
  }

  async close() {
    for (const context of this.contexts) await context.close();
  }

  /** Waits until no request has been in flight for 200 ms (at most 10 s). */
  private async settle() {
    const deadline = Date.now() + 10_000;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.inFlight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 200) return;
      await new Promise((done) => setTimeout(done, 25));
    }
  }

  async visit(url: string): Promise<Visit> {
    const { page, site } = this;
    this.problems = [];
    this.foreign.length = 0;
    this.inFlight.clear();
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(url, { waitUntil: 'load' });
    await this.settle();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const doc = await page.evaluate(documentFactsInPage);
    const tables = await page.evaluate(tableFactsInPage);
    await page.keyboard.press('Tab');
    const firstTab = await page.evaluate(focusFactsInPage);
    const narrow: OverflowFacts[] = [];
    for (const width of NARROW_WIDTHS) {
      await page.setViewportSize({ width, height: DESKTOP.height });
      // Let responsive scripts (charts) catch up with the new width before measuring.
      await page
        .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 2_000, polling: 'raf' })
        .catch(() => undefined);
      narrow.push(await page.evaluate(overflowFactsInPage));
    }
    const result: Visit = { status: response?.status(), problems: [...this.problems], foreign: [...this.foreign], doc, tables, firstTab, narrow };
    if (!isSearchPage(site, url)) {
      const plainResponse = await this.plainPage.goto(url, { waitUntil: 'load' });
      result.withoutJs = { status: plainResponse?.status(), doc: await this.plainPage.evaluate(documentFactsInPage) };
    }
    return result;
  }
}
