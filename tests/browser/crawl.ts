// Crawls a served site from its root: every same-origin `<a href>` is followed, and the targets of
// `<link href>`, `<script src>` and `<img src>` are collected, so that the tests know every HTML
// page and every linked asset or download. Each same-origin URL is fetched once (without its
// fragment) to learn its status and type; HTML pages are then opened in Chromium (JavaScript on,
// as a reader sees them) to read their links and ids.
import type { Browser, BrowserContext } from 'playwright-core';

export type RefKind = 'a' | 'link' | 'script' | 'img' | 'other';

export interface Ref {
  /** The page the reference is on. */
  from: string;
  kind: RefKind;
  /** Absolute URL as the browser resolved it, fragment included; the raw attribute if invalid. */
  url: string;
  /** The `rel` of a `<link>`. */
  rel?: string;
  invalid?: boolean;
}

export interface Fetched {
  status: number;
  contentType: string;
  /** `location` of a redirect. */
  location?: string;
}

export interface CrawlResult {
  start: string;
  /** Every HTML page reached (URL without fragment), in crawl order. */
  pages: string[];
  /** Every same-origin URL that was linked (without fragment), with what the server answered. */
  fetched: Record<string, Fetched>;
  /** Every reference found on every page, same-origin or not. */
  refs: Ref[];
  /** The ids (and `<a name>`s) of each page, for fragment checks. */
  ids: Record<string, string[]>;
  /** How many `<table>`s each page has (with JavaScript on). */
  tables: Record<string, number>;
}

export interface PageRefs {
  refs: Omit<Ref, 'from'>[];
  ids: string[];
}

/**
 * Runs in the page: the references of the document and its ids. A self-contained function
 * (it is serialised into the browser), used by the crawler and by the dist check.
 */
export function collectRefsInPage(selectors: string): PageRefs {
  const refs: Omit<Ref, 'from'>[] = [];
  const add = (kind: string, raw: string, rel?: string) => {
    try {
      refs.push({ kind: kind as RefKind, url: new URL(raw, document.baseURI).href, ...(rel === undefined ? {} : { rel }) });
    } catch {
      refs.push({ kind: kind as RefKind, url: raw, invalid: true, ...(rel === undefined ? {} : { rel }) });
    }
  };
  for (const element of Array.from(document.querySelectorAll(selectors))) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'base') continue;
    const kind = tag === 'a' || tag === 'area' ? 'a' : tag === 'link' || tag === 'script' || tag === 'img' ? tag : 'other';
    const rel = tag === 'link' ? (element.getAttribute('rel') ?? '').trim().toLowerCase() : undefined;
    const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
    if (href !== null) add(kind, href, rel);
    const src = element.getAttribute('src');
    if (src !== null) add(kind, src);
    const srcset = element.getAttribute('srcset');
    if (srcset !== null) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) add(kind, url);
      }
    }
  }
  const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
  for (const a of Array.from(document.querySelectorAll('a[name]'))) ids.push(a.getAttribute('name') ?? '');
  return { refs, ids };
}

/** What the crawler follows and collects. */
export const CRAWL_SELECTORS = 'a[href], area[href], link[href], script[src], img[src], img[srcset], picture source[srcset]';
/** Everything in a document that names a URL, for the check of the dist's HTML files. */
export const ALL_URL_SELECTORS = '[href], [src], [srcset]';

export const withoutFragment = (url: string) => url.replace(/#.*$/s, '');

/**
 * The id a URL fragment (without `#`) points to, decoded the way browsers do it (HTML "find a
 * potential indicated element": percent-decode the bytes, then UTF-8 decode): a `%` that does
 * not start a valid escape stays as it is instead of failing like decodeURIComponent.
 */
export function decodeFragment(fragment: string): string {
  const bytes = new TextEncoder().encode(fragment);
  const out: number[] = [];
  const hex = (b: number | undefined) => b !== undefined && /^[0-9a-fA-F]$/.test(String.fromCharCode(b));
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25 && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
      i += 2;
    } else out.push(b);
  }
  return new TextDecoder().decode(new Uint8Array(out));
}

/**
 * Aborts (and so never sends) every request that leaves `origin` (by default: that leaves
 * 127.0.0.1); returns the list of what was attempted, filled in as requests happen.
 */
export async function blockOtherOrigins(context: BrowserContext, origin?: string): Promise<string[]> {
  const attempted: string[] = [];
  await context.route(
    (url) => !isLocalUrl(url.href, origin),
    async (route) => {
      attempted.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return attempted;
}

/**
 * True for URLs that need no network (data:, blob:, about:) or stay on this machine's test
 * server: on `origin` when given, else anywhere on 127.0.0.1.
 */
export function isLocalUrl(url: string, origin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return origin === undefined ? parsed.hostname === '127.0.0.1' : parsed.origin === origin;
}

/**
 * Crawls from `start`, and from `also` (addresses no page links to, such as the 404 page at its
 * own address: /404.html), after it.
 */
export async function crawlSite(browser: Browser, start: string, maxPages = 20_000, also: readonly string[] = []): Promise<CrawlResult> {
  const origin = new URL(start).origin;
  const result: CrawlResult = { start, pages: [], fetched: {}, refs: [], ids: {}, tables: {} };
  const queue: string[] = [...new Set([start, ...also].map(withoutFragment))];
  const queued = new Set(queue);
  const context = await browser.newContext();
  await blockOtherOrigins(context, origin);
  const page = await context.newPage();
  try {
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      const fetched: Fetched = { status: response.status, contentType: response.headers.get('content-type') ?? '' };
      const location = response.headers.get('location');
      if (location) fetched.location = location;
      result.fetched[url] = fetched;
      if (fetched.status !== 200 || !fetched.contentType.startsWith('text/html')) continue;
      if (result.pages.length >= maxPages) throw new Error(`crawl stopped: more than ${maxPages} pages from ${start}`);
      result.pages.push(url);
      await page.goto(url, { waitUntil: 'load' });
      const found = await page.evaluate(collectRefsInPage, CRAWL_SELECTORS);
      result.ids[url] = found.ids;
      result.tables[url] = await page.locator('table').count();
      for (const ref of found.refs) {
        result.refs.push({ from: url, ...ref });
        if (ref.invalid) continue;
        const target = new URL(ref.url);
        if (target.origin !== origin) continue;
        const key = withoutFragment(target.href);
        if (!queued.has(key)) {
          queued.add(key);
          queue.push(key);
        }
      }
    }
  } finally {
    await context.close();
  }
  return result;
}
