// The search itself, on top of a loaded Pagefind (browser or Node): the query as bigram tokens,
// searched once as a phrase (exact matches) and once loosely (every token, in any order), ranked
// with matches in a project's name first, then other exact matches, then loose ones.
import { queryTokens } from './search-tokens.ts';
import type { OPTIONAL_SEARCH_FILTERS, SEARCH_FILTERS } from './search-index.ts';

/** The part of Pagefind's browser API used here. */
export interface Pagefind {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
export interface PagefindData {
  url: string;
  meta: Record<string, string>;
}

export type SearchFilter = (typeof SEARCH_FILTERS)[number] | (typeof OPTIONAL_SEARCH_FILTERS)[number];
export type SelectedFilters = Partial<Record<SearchFilter, string>>;

export interface SearchHit {
  id: string;
  /** The query appears as written (a phrase match), not only its parts. */
  exact: boolean;
  data(): Promise<PagefindData>;
}

export interface SearchOutcome {
  hits: SearchHit[];
  exactCount: number;
  /** For each filter, how many results each value would give with the other filters kept. */
  counts: Record<string, Record<string, number>>;
}

export async function searchIndicators(pagefind: Pagefind, query: string, selected: SelectedFilters = {}): Promise<SearchOutcome> {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return { hits: [], exactCount: 0, counts: {} };
  const filters = Object.fromEntries(Object.entries(selected).filter(([, v]) => v)) as Record<string, string>;
  // A single token is already exact (a one-character query is a prefix of that character's pairs).
  const phrase = tokens.length === 1 ? tokens[0]! : `"${tokens.join(' ')}"`;
  const [inNames, exact, loose] = await Promise.all([
    pagefind.search(phrase, { filters: { ...filters, 类型: '项目名称' } }),
    pagefind.search(phrase, { filters }),
    pagefind.search(tokens.join(' '), { filters }),
  ]);
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const add = (results: PagefindSearch['results'] | undefined, isExact: boolean) => {
    for (const r of results ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      hits.push({ id: r.id, exact: isExact, data: () => r.data() });
    }
  };
  add(inNames?.results, true);
  add(exact?.results, true);
  const exactCount = hits.length;
  add(loose?.results, false);
  return { hits, exactCount, counts: loose?.filters ?? {} };
}
