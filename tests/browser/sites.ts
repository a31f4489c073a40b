// What the global setup hands to the browser tests (through vitest's provide/inject): the built
// and served sites and what the crawler found on each.
import { inject } from 'vitest';
import type { CrawlResult } from './crawl.ts';

export interface SiteUnderTest {
  /**
   * `root` (built from content/ with base `/`), `sub` (same content, base `/yusuan/`), or
   * `county` (content/ plus the fictitious 2024 tables of tests/fixtures/county, base `/`), or
   * `layouts` (the fictitious tables of other provinces in tests/fixtures/layouts, imported by the CLI),
   * or `example` (the demonstration county of examples/county: 示例数据 with monitoring and self-evaluations),
   * or `history` (a git repository of the township's tables with corrections, an adjusted budget and a withdrawn project: tests/history-repo.ts).
   */
  name: string;
  /** The base path, `/` or `/yusuan/`. */
  basePath: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** origin + base path: the site's root page. */
  baseUrl: string;
  /** Absolute path of the built site. */
  distDir: string;
  crawl: CrawlResult;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    sites: SiteUnderTest[];
  }
}

export function sitesUnderTest(): SiteUnderTest[] {
  const sites = inject('sites');
  if (!sites || sites.length === 0) throw new Error('no sites provided: run the browser tests through vitest with vitest.config.ts (its browser project has the global setup)');
  return sites;
}

/** A page's path below the base, for test names: `/`, `/2023/483001/`. */
export function pagePath(site: SiteUnderTest, url: string): string {
  const { pathname, search } = new URL(url);
  return (pathname.startsWith(site.basePath) ? `/${pathname.slice(site.basePath.length)}` : pathname) + search;
}

/** The search page may require JavaScript (everything else must work without it). */
export function isSearchPage(site: SiteUnderTest, url: string): boolean {
  return /^\/search\/(index\.html)?$/.test(pagePath(site, url));
}
