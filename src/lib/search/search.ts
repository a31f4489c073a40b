// The search itself, on top of a loaded Pagefind (browser or Node). The query becomes bigram tokens
// (search-tokens.ts), searched once as a phrase (pages that contain it as written) and once
// loosely (every token, in any order). Results are pages: a project (or department) with the lines
// of it that matched, as Pagefind's sub-results. Pages whose name contains the query come first,
// then other exact matches, then loose ones.
import { containsQuery, needsTwoCharacters, queryTokens, scopeToken } from './search-tokens.ts';
import { LINE_FILTERS, type SearchFilter, type SearchLine } from './search-fields.ts';

/** The part of Pagefind's browser API used here. */
export interface Pagefind {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
  preload(term: string, options?: { filters?: Record<string, string> }): Promise<void>;
}
interface PagefindResult {
  id: string;
  /** Metadata fields the query matched (Pagefind ≥ 1.5): `name` when the page's name has the query's tokens. */
  matchedMetaFields?: string[];
  data(): Promise<PagefindData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter whose index is loaded, how many results each value would give. */
  filters: Record<string, Record<string, number>>;
}
export interface PagefindData {
  url: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string }[];
}

export type { SearchFilter };
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
  /** For each filter whose index the search loaded, how many pages each value would give. */
  counts: Record<string, Record<string, number>>;
  /** The query is a single Chinese character: nothing was searched (see needsTwoCharacters). */
  tooShort?: boolean;
}

/** What the search pages say instead of searching a single Chinese character (SearchOutcome.tooShort). */
export const tooShortMessage = (query: string) => `请至少输入两个字：只有一个汉字“${query}”时，搜索会漏掉很多结果。`;

/** Where a search looks: the whole site, or one page's document (“search in this project”). */
export interface SearchScope {
  /** 年度/单位编码/项目编码 of the page (SearchDocument.scope). */
  scope?: string;
}

export async function searchPages(pagefind: Pagefind, query: string, selected: SelectedFilters = {}, where: SearchScope = {}): Promise<SearchOutcome> {
  if (needsTwoCharacters(query)) return { hits: [], exactCount: 0, counts: {}, tooShort: true };
  const tokens = queryTokens(query);
  if (tokens.length === 0) return { hits: [], exactCount: 0, counts: {} };
  const filters = Object.fromEntries(Object.entries(selected).filter(([, v]) => v)) as Record<string, string>;
  // A single token is already exact: it is one word of the index.
  const phrase = tokens.length === 1 ? tokens[0]! : `"${tokens.join(' ')}"`;
  // Within one page, the scope token (metadata of that page alone) joins the loose search: every
  // term must match, so only that page can. The phrase search is site-wide and tells which is exact.
  const loosely = [...(where.scope ? [scopeToken(where.scope)] : []), ...tokens].join(' ');
  const [exact, loose] = await Promise.all([pagefind.search(phrase, { filters }), pagefind.search(loosely, { filters })]);
  const looseResults = loose?.results ?? [];
  const looseById = new Map(looseResults.map((r) => [r.id, r]));
  const named = (id: string) => looseById.get(id)?.matchedMetaFields?.includes('name') ?? false;
  // Every phrase match is also a loose match (all its tokens occur); within a scope only the loose
  // search is limited to the page.
  const exactResults = (exact?.results ?? []).filter((r) => looseById.has(r.id));
  // Name matches first, each group in Pagefind's order (Array.sort is stable).
  exactResults.sort((a, b) => Number(named(b.id)) - Number(named(a.id)));
  const exactIds = new Set(exactResults.map((r) => r.id));
  // A hit's data always comes from the loose search: Pagefind reports one occurrence of a phrase
  // per page, the loose search every occurrence of every token, so its sub-results are every line
  // that may match (hitLines keeps those with the query as written).
  const hits: SearchHit[] = [
    ...exactResults.map((r) => looseById.get(r.id)!).map((r) => ({ id: r.id, exact: true, data: () => r.data() })),
    ...looseResults.filter((r) => !exactIds.has(r.id)).map((r) => ({ id: r.id, exact: false, data: () => r.data() })),
  ];
  return { hits, exactCount: exactResults.length, counts: loose?.filters ?? {} };
}

/** One matching line of a page: its address (with the line's anchor) and what to show of it. */
export interface HitLine {
  url: string;
  /** Undefined for the page's name (the match is in the title). */
  line?: SearchLine;
}

/**
 * The part of a long text around the query, as the search page shows a 情况说明 section: up to
 * `around` characters either side of the first place the query (or, for a loose match, a pair of
 * its characters) appears, with … where text was left out. A text that has neither starts the excerpt.
 */
export function excerpt(text: string, query: string, around = 40): string {
  const chars = [...text];
  if (chars.length <= around * 2 + [...query].length) return text;
  const q = [...query.trim()];
  const pairs = q.length > 2 ? q.slice(0, -1).map((c, i) => c + q[i + 1]) : [];
  const found = [q.join(''), ...pairs].map((part) => (part === '' ? -1 : text.indexOf(part))).find((at) => at >= 0) ?? -1;
  // indexOf counts UTF-16 units: the excerpt is cut by characters.
  const at = found < 0 ? 0 : [...text.slice(0, found)].length;
  const from = Math.max(0, at - around);
  const to = Math.min(chars.length, at + q.length + around);
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}

/** The texts of a line that the search page shows (and marks). */
export const lineTexts = (line: SearchLine) => [line.t, ...(line.d ?? []).map(([, text]) => text)];

/**
 * The lines of a result that matched, from its sub-results (the page's name is a line without a
 * SearchLine). For an exact hit, the lines that contain the query as written; should none of
 * them show it (it is in a field the result does not print), every line with its tokens. With a
 * line filter selected (一级指标, 达成情况 …) only lines with that value are kept.
 */
export function hitLines(data: PagefindData, hit: { exact: boolean }, query: string, selected: SelectedFilters = {}): HitLine[] {
  const wanted = LINE_FILTERS.filter((name) => selected[name]);
  const lines: HitLine[] = [];
  for (const sub of data.sub_results ?? []) {
    if (!sub.url.includes('#')) {
      if (wanted.length === 0) lines.push({ url: sub.url });
      continue;
    }
    let line: SearchLine;
    try {
      line = JSON.parse(sub.title) as SearchLine;
    } catch {
      continue; // not a line of ours (cannot happen with an index written by writeSearchIndex)
    }
    if (wanted.every((name) => line.f?.[name] === selected[name])) lines.push({ url: sub.url, line });
  }
  if (!hit.exact) return lines;
  const exact = lines.filter((l) => (l.line ? lineTexts(l.line) : [data.meta['title'] ?? '']).some((text) => containsQuery(text, query)));
  return exact.length > 0 ? exact : lines;
}

/**
 * Loads a filter's index without applying it, so that the next search counts its values. Pagefind
 * loads a filter's index only when a search uses the filter; until a reader turns to one, none is
 * downloaded (at 10,000 projects they were most of a first search's bytes).
 */
export async function loadFilter(pagefind: Pagefind, query: string, name: SearchFilter, anyValue: string): Promise<void> {
  const tokens = queryTokens(query);
  if (tokens.length > 0 && !needsTwoCharacters(query)) await pagefind.preload(tokens.join(' '), { filters: { [name]: anyValue } });
}

/** A hit with its page's data and matching lines, ready to show. */
export interface ShownHit extends SearchHit {
  page: PagefindData;
  lines: HitLine[];
}

/** How many pages a search with a line filter checks before it asks the reader to narrow it. */
export const LINE_FILTER_LIMIT = 200;

/**
 * With a line filter selected, Pagefind returns the pages that have such a line and match the
 * query somewhere; only those whose matching lines include one with the value are results. That
 * needs each page's data, so at most `limit` pages are checked (in rank order); `checked` says how
 * many were, so the page can say when the rest were not.
 */
export async function keepHitsWithLines(hits: readonly SearchHit[], query: string, selected: SelectedFilters, limit = LINE_FILTER_LIMIT): Promise<{ hits: ShownHit[]; checked: number }> {
  const checked = hits.slice(0, limit);
  const pages = await Promise.all(checked.map((h) => h.data()));
  const kept: ShownHit[] = [];
  checked.forEach((hit, n) => {
    const lines = hitLines(pages[n]!, hit, query, selected);
    if (lines.length > 0) kept.push({ ...hit, page: pages[n]!, lines });
  });
  return { hits: kept, checked: checked.length };
}

/** Whether any of the selected filters is about lines rather than pages. */
export const hasLineFilter = (selected: SelectedFilters) => LINE_FILTERS.some((name) => selected[name]);
