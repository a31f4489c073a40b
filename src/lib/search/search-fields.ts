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

/**
 * Kinds of line: a page's own table (资金用途, 绩效目标 …), an indicator row, a row of a later stage;
 * on a 部门预算 or 部门决算 page, a row of its tables (科目), a row naming a project (项目支出), a
 * section of its 情况说明.
 */
export type LineKind = '项目信息' | '指标' | '执行监控' | '绩效自评' | '部门预算科目' | '部门决算科目' | '项目支出' | '情况说明';

/**
 * How the search page shows each kind of line: whether it names the kind after the line's title
 * (an indicator's row is plain; a row of a later stage or of a budget says what it is), and
 * whether its text is cut to the part around the query (a 说明 section runs to paragraphs).
 */
export const LINE_KINDS: Record<LineKind, { named: boolean; excerpt: boolean }> = {
  项目信息: { named: false, excerpt: false },
  指标: { named: false, excerpt: false },
  执行监控: { named: true, excerpt: false },
  绩效自评: { named: true, excerpt: false },
  部门预算科目: { named: true, excerpt: false },
  部门决算科目: { named: true, excerpt: false },
  项目支出: { named: true, excerpt: false },
  情况说明: { named: true, excerpt: true },
};

/** Kinds of page a result is: a project, a department, a unit-year's 部门预算 or 部门决算. */
export type PageKind = '项目' | '部门' | '部门预算' | '部门决算';

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
  /** Described: [label, text] pairs as the page prints them (描述, 指标值, 实际完成值 …); an empty label shows the text alone. */
  d?: [string, string][];
  /**
   * The 绩效目标 page of the project a 项目支出 line names, relative to the line's page
   * (../projects/<项目编码>/), so that it holds under any base path and in the province's merged search.
   */
  p?: string;
}


/** One searchable line of a page, as the indexer writes it (search-index.ts documentHtml). */
export interface SearchSection {
  /** The line's anchor on the page. */
  anchor: string;
  line: SearchLine;
  /** The texts indexed for this line (each field separately, so that no bigram spans two fields). */
  texts: (string | undefined)[];
}
