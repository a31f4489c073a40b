// One search over every county of a province (the portal's search page, and its test in Node):
// the first county's Pagefind is loaded and every other county's index merged into it
// (Pagefind's multisite search, `mergeIndex`). Each county's site lives under /<区划代码>/, its
// index under /<区划代码>/pagefind/, so a result's URL starts with the county's folder.
// Browser-safe: no Node modules (the portal bundles this file with esbuild).
import type { Pagefind } from './search.ts';

export interface PortalCounty {
  /** 区划代码: the county's folder under the portal, and its site's base path /<code>/. */
  code: string;
  /** The county's 网站名称 (site.yaml). */
  name: string;
}

/** The parts of Pagefind's module used for a merged search, beyond what a single site uses. */
export interface PagefindModule extends Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options: object): Promise<void>;
}

export const countyBase = (code: string) => `/${code}/`;
export const countyIndex = (code: string) => `/${code}/pagefind/`;

/**
 * Loads the merged index. `importPagefind` loads the first county's pagefind.js (a dynamic
 * import in the browser; a file import with a fetch shim in Node). Merged indexes use the
 * primary's WebAssembly, so every county must be built by the same Pagefind version (one
 * package-lock.json for the whole province).
 */
export async function loadProvinceIndex(counties: readonly PortalCounty[], importPagefind: (url: string) => Promise<PagefindModule>): Promise<PagefindModule> {
  const [first, ...others] = counties;
  if (!first) throw new Error('没有县可以搜索');
  const pagefind = await importPagefind(`${countyIndex(first.code)}pagefind.js`);
  // basePath given explicitly: Pagefind otherwise derives it from its script's URL, which in Node
  // is a file: URL.
  await pagefind.options({ basePath: countyIndex(first.code), baseUrl: countyBase(first.code), mergeFilter: { 县: first.name } });
  await pagefind.init();
  // All merges at once: each fetches its own index's entry file and metadata, so the first search
  // waits for the slowest county rather than for the sum of them.
  await Promise.all(
    // baseUrl makes a county's result URLs point into its own site; the synthetic 县 filter lets a
    // search be narrowed to one county (the primary gets it above).
    others.map((county) => pagefind.mergeIndex(countyIndex(county.code), { baseUrl: countyBase(county.code), mergeFilter: { 县: county.name }, indexWeight: 1 })),
  );
  return pagefind;
}

/** The county a result belongs to, from its URL (/<区划代码>/…). */
export function countyOfUrl(counties: readonly PortalCounty[], url: string): PortalCounty | undefined {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return counties.find((c) => path.startsWith(countyBase(c.code)));
}
