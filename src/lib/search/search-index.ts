// The search index: one Pagefind document per page that has searchable content (a project page,
// a department page, a unit overview showing a department self-evaluation), built from the
// validated content, never from the page HTML, so page chrome stays out. Each searchable part of
// the page (the project table's 资金用途 and 绩效目标, each indicator row, each row of a monitoring
// or self-evaluation table) is a section with the anchor of its line on the page, so Pagefind's
// sub-results land a hit on that line. Text is indexed as CJK bigram tokens (search-tokens.ts);
// what the search page shows is the original text, carried in each section's title.
//
// One document per page, not one record per line: Pagefind's metadata file, fetched on the first
// search, has an entry per document, and adding custom records checks each URL against all earlier
// ones (quadratic); HTML documents are added in linear time.
import { readdir, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Project } from '../../schema/project.ts';
import type { Department } from '../../schema/department.ts';
import { outcomeOfRow, readLevel1, type DepartmentEvaluation, type Evaluation, type EvaluationIndicator, type Monitoring, type MonitoringIndicator } from '../../schema/results.ts';
import { OUTCOME_LABELS } from '../reading/outcome.ts';
import { resultRowAnchor } from '../views/results-view.ts';
import { indexText, scopeToken } from './search-tokens.ts';
import { OPTIONAL_SEARCH_FILTERS, type PageKind, type SearchFilter, type SearchSection } from './search-fields.ts';
import { budgetSections, type SearchBudget } from './budget-search.ts';

export { LINE_FILTERS, OPTIONAL_SEARCH_FILTERS, SEARCH_FILTERS, type LineKind, type SearchFilter, type SearchLine, type SearchSection } from './search-fields.ts';
export type { SearchBudget } from './budget-search.ts';
import { BUDGET_FILES, budgetUnitName, type BudgetKind } from '../site/content-layout.ts';
import { budgetPagePath, DEPARTMENT_TABLE_ANCHOR, departmentPath, indicatorAnchor, PROJECT_TABLE_ANCHOR, projectPath, unitYearPath } from '../site/paths.ts';

export const SEARCH_LANGUAGE = 'zh';

/** What decides whether each optional filter is shown: whether some content has its field. */
const OPTIONAL_FILTER_USED: Record<(typeof OPTIONAL_SEARCH_FILTERS)[number], (projects: readonly Project[], evaluated: boolean) => boolean> = {
  项目类别: (projects) => projects.some((p) => p.category !== undefined),
  指标性质: (projects) => projects.some((p) => p.indicators.some((i) => i.nature !== undefined)),
  达成情况: (_, evaluated) => evaluated,
};

/**
 * The optional filters that the content uses (a site of one layout shows none it lacks; 达成情况
 * only where some self-evaluation is published).
 */
export function optionalFiltersIn(projects: readonly Project[], evaluated = false): (typeof OPTIONAL_SEARCH_FILTERS)[number][] {
  return OPTIONAL_SEARCH_FILTERS.filter((name) => OPTIONAL_FILTER_USED[name](projects, evaluated));
}

/** Text of a project that only some layouts print (年度目标, 项目概况 …), searched with its goals. */
const projectTexts = (p: Project) =>
  [p.annualGoal, p.overallGoal, p.longTermGoal, p.overview, p.basis, p.department, p.implementer, p.nature, p.category, p.kind, ...Object.values(p.extra ?? {})].filter(
    (t): t is string => t !== undefined,
  );

export interface SearchDocument {
  /** The page, below the site's base path (Pagefind adds the base when searching). */
  url: string;
  /** The page's title as shown in results: the project's name. */
  title: string;
  unit: string;
  year: number;
  /** 项目编码 or 网址标识; empty for a department's or a budget's page. */
  code: string;
  /** What the page is, for the result's second line. */
  kind: PageKind;
  /** The scope of “search in this project”: 年度/单位编码/项目编码 (see scopeToken). */
  scope: string;
  sections: SearchSection[];
  filters: Partial<Record<SearchFilter, string[]>>;
}

const present = (t: string | undefined): t is string => t !== undefined && t !== '';
const said = (pairs: [string, string | undefined][]): [string, string][] => pairs.filter((p): p is [string, string] => present(p[1]));

function indicatorSection(i: Project['indicators'][number]): SearchSection {
  return {
    anchor: indicatorAnchor(i),
    line: {
      k: '指标',
      t: i.name,
      f: { ...(i.level1 !== undefined && { 一级指标: i.level1 }), ...(i.level2 !== undefined && { 二级指标: i.level2 }), ...(i.nature !== undefined && { 指标性质: i.nature }) },
      d: said([
        ['描述', i.description ?? i.explanation],
        ['指标值', [i.nature === '定性' ? undefined : i.nature, i.value, i.unit].filter(Boolean).join('')],
        ['依据', i.basis],
      ]),
    },
    texts: [i.name, i.description, i.value, i.unit, i.explanation, i.basis, ...Object.values(i.extra ?? {})],
  };
}

/** The page's own table: 资金用途 and goals (a project), overall goals and 年度履职目标 (a department). */
function tableSection(anchor: string, title: string, described: [string, string | undefined][], texts: (string | undefined)[]): SearchSection {
  return { anchor, line: { k: '项目信息', t: title, d: said(described) }, texts };
}

type ResultRow = MonitoringIndicator | EvaluationIndicator;

/**
 * A row of a monitoring or self-evaluation table: what was published about it (当前完成值, 全年预计,
 * 实际完成值, deviation reasons) and, for a self-evaluation, the site's reading as 达成情况. It lands on
 * the row of the side-by-side results table, which monitoring and self-evaluation share.
 */
function resultSection(kind: '执行监控' | '绩效自评', row: ResultRow): SearchSection {
  const m = row as Partial<MonitoringIndicator>;
  const e = row as Partial<EvaluationIndicator>;
  const outcome = kind === '绩效自评' ? outcomeOfRow(row as EvaluationIndicator) : undefined;
  const level1 = row.level1 === undefined ? undefined : readLevel1(row.level1).name;
  return {
    anchor: resultRowAnchor(row),
    line: {
      k: kind,
      t: row.name,
      f: {
        ...(level1 !== undefined && { 一级指标: level1 }),
        ...(row.level2 !== undefined && { 二级指标: row.level2 }),
        ...(row.nature !== undefined && { 指标性质: row.nature }),
        ...(outcome && { 达成情况: OUTCOME_LABELS[outcome.status] }),
      },
      d: said([
        ['年度指标值', [row.nature === '定性' ? undefined : row.nature, e.adjustedTarget ?? row.target, row.unit].filter(Boolean).join('')],
        ['当前完成值', m.progress],
        ['全年预计完成情况', m.forecast],
        ['完成目标可能性', m.likelihood],
        ['偏差原因类别', m.deviationCategories?.join('、')],
        ['偏差原因说明', kind === '执行监控' ? row.deviation : undefined],
        ['实际完成值', e.actual],
        ['得分', e.score === undefined ? undefined : `${e.score}/${e.points ?? '-'}`],
        ['偏差原因分析及改进措施', kind === '绩效自评' ? row.deviation : undefined],
        ['本网站读法', outcome && `${OUTCOME_LABELS[outcome.status]}（${outcome.reason}）`],
      ]),
    },
    texts: [row.name, m.progress, m.forecast, m.deviationCategories?.join('、'), m.deviation, m.note, e.actual, e.deviation, row.changeReason, ...Object.values(row.extra ?? {})],
  };
}

/** The later stages' files that the search covers. */
export interface SearchResults {
  monitoring: readonly Monitoring[];
  evaluations: readonly Evaluation[];
  departmentEvaluations: readonly DepartmentEvaluation[];
}
const NO_RESULTS: SearchResults = { monitoring: [], evaluations: [], departmentEvaluations: [] };

/** Every value of every line filter in the sections, as the page's filter values. */
function lineFilterValues(sections: readonly SearchSection[]): Partial<Record<SearchFilter, string[]>> {
  const values: Partial<Record<SearchFilter, Set<string>>> = {};
  for (const s of sections) for (const [name, value] of Object.entries(s.line.f ?? {}) as [SearchFilter, string][]) (values[name] ??= new Set()).add(value);
  return Object.fromEntries(Object.entries(values).map(([name, set]) => [name, [...set].sort()]));
}

/**
 * The searchable documents of a site, one per page. A project's target table, monitoring and
 * self-evaluation are one page (and one document); so are a department's targets and its
 * self-evaluation, or, without department targets, the unit overview that shows it; and each
 * 部门预算 or 部门决算 (budget-search.ts) (every one has its page).
 */
export function searchDocuments(projects: readonly Project[], departments: readonly Department[] = [], results: SearchResults = NO_RESULTS, budgets: readonly SearchBudget[] = []): SearchDocument[] {
  const documents = new Map<string, SearchDocument>();
  const documentOf = (url: string, make: () => Omit<SearchDocument, 'url' | 'sections' | 'filters'>) => {
    let doc = documents.get(url);
    if (!doc) documents.set(url, (doc = { url, ...make(), sections: [], filters: {} }));
    return doc;
  };
  type Named = { name: string; unitName: string; unitCode: string; fiscalYear: number; key: string; category?: string };
  const projectDocument = (p: Named) =>
    documentOf(`/${projectPath(p.fiscalYear, p.unitCode, p.key)}`, () => ({ title: p.name, unit: p.unitName, year: p.fiscalYear, code: p.key, kind: '项目', scope: `${p.fiscalYear}/${p.unitCode}/${p.key}` }));

  for (const p of projects) {
    const doc = projectDocument(p);
    if (p.category !== undefined) doc.filters.项目类别 = [p.category];
    const goals = [...(p.goals ?? []), ...projectTexts(p)];
    doc.sections.push(tableSection(PROJECT_TABLE_ANCHOR, '资金用途与绩效目标', [['资金用途', p.purpose], ['绩效目标', goals.join('；')]], [p.purpose, ...goals]));
    doc.sections.push(...p.indicators.map(indicatorSection));
  }
  for (const d of departments) {
    if (!departmentIndexed(d)) continue;
    const doc = documentOf(`/${departmentPath(d.fiscalYear, d.unitCode)}`, () => departmentDocument(d.unitName, d.fiscalYear, d.unitCode));
    const duties = (d.dutyTargets ?? []).flatMap((t) => [t.function, t.task, t.project]).filter(present);
    doc.sections.push(tableSection(DEPARTMENT_TABLE_ANCHOR, '总体目标与年度履职目标', [['总体目标', d.overallTargets.join('；')], ['年度履职目标', duties.join('；')]], [...d.overallTargets, ...duties]));
    doc.sections.push(...(d.indicators ?? []).map(indicatorSection));
  }
  for (const t of results.monitoring) projectDocument(t).sections.push(...t.indicators.map((row) => resultSection('执行监控', row)));
  for (const t of results.evaluations) projectDocument(t).sections.push(...t.indicators.map((row) => resultSection('绩效自评', row)));
  for (const t of results.departmentEvaluations) {
    // Without department targets there is no department page: the unit's overview shows the self-evaluation.
    const hasPage = departments.some((d) => d.fiscalYear === t.fiscalYear && d.unitCode === t.unitCode);
    const url = `/${hasPage ? departmentPath(t.fiscalYear, t.unitCode) : unitYearPath(t.fiscalYear, t.unitCode)}`;
    documentOf(url, () => departmentDocument(t.unitName, t.fiscalYear, t.unitCode)).sections.push(...t.indicators.map((row) => resultSection('绩效自评', row)));
  }
  // A unit-year's name is the one its pages show (site-content.ts unitYears): the first of its
  // tables', in the order unitYears reads them; without tables (only its 部门预算/部门决算, which
  // has pages all the same) as its first document prints it. One value per unit in the 单位 filter.
  const unitNames = new Map<string, string>();
  const kinds = Object.keys(BUDGET_FILES) as BudgetKind[];
  const byKind = [...budgets].sort((a, b) => kinds.indexOf(a.种类) - kinds.indexOf(b.种类));
  for (const t of [
    ...[...departments, ...projects, ...results.departmentEvaluations, ...results.monitoring, ...results.evaluations].map((t) => ({ key: `${t.fiscalYear}/${t.unitCode}`, name: t.unitName })),
    ...byKind.map((b) => ({ key: `${b.year}/${b.unit}`, name: budgetUnitName(b.data.单位) })),
  ]) {
    if (!unitNames.has(t.key)) unitNames.set(t.key, t.name);
  }
  for (const b of budgets) {
    const unitName = unitNames.get(`${b.year}/${b.unit}`)!;
    const file = BUDGET_FILES[b.种类];
    const own = projects.filter((p) => p.fiscalYear === b.year && p.unitCode === b.unit);
    const page = budgetPagePath(b.year, b.unit, file);
    const links = own.map((p) => ({ name: p.name, ...(p.code !== undefined ? { code: p.code } : {}), path: `${posix.relative(page, projectPath(p.fiscalYear, p.unitCode, p.key))}/` }));
    documentOf(`/${page}`, () => ({
      title: `${b.data.单位} ${b.data.年度}年${b.种类}`,
      unit: unitName,
      year: b.year,
      code: '',
      kind: b.种类,
      scope: `${b.year}/${b.unit}/${file}`,
    })).sections.push(...budgetSections(b, links));
  }
  return [...documents.values()].map((doc) => ({
    ...doc,
    filters: { 年度: [String(doc.year)], 单位: [doc.unit], ...doc.filters, ...lineFilterValues(doc.sections) },
  }));
}

/**
 * The values each filter offers, from the documents the index holds (the search page lists them,
 * so that no filter's index is downloaded before a reader turns to it). Years newest first, other
 * values in Chinese collation.
 */
export function filterValues(documents: readonly SearchDocument[], names: readonly SearchFilter[]): { name: SearchFilter; values: string[] }[] {
  return names.map((name) => {
    const values = [...new Set(documents.flatMap((d) => d.filters[name] ?? []))];
    return { name, values: name === '年度' ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b, 'zh-CN')) };
  });
}

const departmentDocument = (unitName: string, year: number, unitCode: string): Omit<SearchDocument, 'url' | 'sections' | 'filters'> => ({
  title: `${unitName}部门整体绩效目标`,
  unit: unitName,
  year,
  code: '',
  kind: '部门',
  scope: `${year}/${unitCode}/department`,
});

/**
 * Whether a department's own table is searched (部门整体支出绩效目标表: its goals and 年度履职目标,
 * each indicator). The bundled unit's department text has never been indexed (only its projects),
 * so a department without these parts gives none.
 */
export const departmentIndexed = (d: Department) => d.dutyTargets !== undefined || d.indicators !== undefined;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const tokens = (texts: readonly (string | undefined)[]) => texts.filter(present).map(indexText).join(' ');

/**
 * The HTML Pagefind indexes for one document (never served). The page's name comes first, weighted
 * so that a project named with the query ranks first, and again as the metadata field `name`,
 * whose match Pagefind reports (matchedMetaFields) so that the search page can put name matches
 * first. Each section's anchor has its line as its title (data-pagefind-title), which is what
 * the sub-result carries. The scope token is metadata only: it takes no place in the text, so it
 * cannot join a phrase.
 */
export function documentHtml(doc: SearchDocument): string {
  const meta = (key: string, value: string) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`;
  const filters = Object.entries(doc.filters).flatMap(([name, values]) => (values ?? []).map((v) => `<span data-pagefind-filter="${name}">${escapeHtml(v)}</span>`));
  const sections = doc.sections.map((s) => `<p id="${escapeHtml(s.anchor)}" data-pagefind-title="${escapeHtml(JSON.stringify(s.line))}">${tokens(s.texts)}</p>`);
  return (
    `<!doctype html><html lang="${SEARCH_LANGUAGE}"><head><title>${escapeHtml(doc.title)}</title></head><body>` +
    `<div data-pagefind-ignore>${meta('title', doc.title)}${meta('unit', doc.unit)}${meta('year', String(doc.year))}${meta('code', doc.code)}${meta('kind', doc.kind)}` +
    `${meta('name', tokens([doc.title]))}${meta('scope', scopeToken(doc.scope))}${filters.join('')}</div>` +
    `<main data-pagefind-body><h1 data-pagefind-weight="10">${tokens([doc.title])}</h1>${sections.join('')}</main></body></html>`
  );
}

/** Writes the Pagefind index of the documents into `outputPath` (a `pagefind/` folder of the site). */
export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string): Promise<void> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`无法建立搜索索引：${errors.join('；')}`);
  try {
    // All documents in flight at once: Pagefind's service answers them in order, and awaiting each
    // one first made the round trips, not the indexing, the cost.
    const added = await Promise.all(documents.map((doc) => index.addHTMLFile({ url: doc.url, content: documentHtml(doc) })));
    added.forEach(({ errors }, n) => {
      if (errors.length) throw new Error(`搜索索引出错（${documents[n]!.url}）：${errors.join('；')}`);
    });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`写入搜索索引出错：${written.errors.join('；')}`);
    // Pagefind also writes its ready-made UIs; the search page has its own, so they are not published.
    for (const file of await readdir(outputPath)) {
      if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(file)) await rm(join(outputPath, file));
    }
  } finally {
    await pagefind.close();
  }
}
