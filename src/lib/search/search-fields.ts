// What the search index and the search page agree on: the filters, and what a matching line
// carries. Its own module because the search page's script imports it: search-index.ts (which
// builds the index) would pull the indexer and the content schemas into the browser.

/** The filters shown on the search page, in order. */
export const SEARCH_FILTERS = ['年度', '单位', '一级指标', '二级指标'] as const;
/** Filters of fields that only some layouts print: shown only when some content has them. */
export const OPTIONAL_SEARCH_FILTERS = ['项目类别', '指标性质', '达成情况'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number] | (typeof OPTIONAL_SEARCH_FILTERS)[number];
/** Filters that describe a line of a page (an indicator), not the page: the search page shows only the lines that have the value. */
export const LINE_FILTERS: readonly SearchFilter[] = ['一级指标', '二级指标', '指标性质', '达成情况'];

/** Kinds of line: a page's own table (资金用途, 绩效目标 …), an indicator row, a row of a later stage. */
export type LineKind = '项目信息' | '指标' | '执行监控' | '绩效自评';

/**
 * What the search page shows of a matching line, in its original text (the index holds tokens).
 * Short keys: it is stored in the fragment of every page a reader's search opens.
 */
export interface SearchLine {
  /** Kind of line. */
  k: LineKind;
  /** Its title: the indicator's name, or the page's table. */
  t: string;
  /** 一级指标, 二级指标, 指标性质 and 达成情况 of an indicator row (the line filters). */
  f?: Partial<Record<SearchFilter, string>>;
  /** Described: [label, text] pairs as the page prints them (描述, 指标值, 实际完成值 …). */
  d?: [string, string][];
}

