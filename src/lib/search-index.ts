// The search index: Pagefind custom records built from the validated content (never from page
// HTML, so page chrome stays out). One record per project name, one for its goals and 资金用途,
// and one per indicator row; each record's text is indexed as CJK bigram tokens (search-tokens.ts)
// and its original text kept as metadata for display.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../schema/project.ts';
import type { Department } from '../schema/department.ts';
import { readLevel1, type DepartmentEvaluation, type Evaluation, type EvaluationIndicator, type Monitoring, type MonitoringIndicator } from '../schema/results.ts';
import { OUTCOME_LABELS } from './outcome.ts';
import { outcomeOfRow } from './result-exports.ts';
import { resultRowAnchor } from './results-view.ts';
import { indexText } from './search-tokens.ts';
import { DEPARTMENT_TABLE_ANCHOR, departmentPath, indicatorAnchor, PROJECT_TABLE_ANCHOR, projectPath, unitYearPath } from './paths.ts';

export const SEARCH_LANGUAGE = 'zh';

/** Record kinds: the search ranks a match in a project's name above one in its indicators. */
export type RecordKind = '项目名称' | '项目信息' | '指标';

/** The filters shown on the search page, in order; 类型 is internal (ranking). */
export const SEARCH_FILTERS = ['一级指标', '二级指标', '项目', '单位', '年度'] as const;
/** Filters of fields that only some layouts print: shown only when some content has them. */
export const OPTIONAL_SEARCH_FILTERS = ['项目类别', '指标性质', '达成情况'] as const;

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

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const fields = (...texts: (string | undefined)[]) => texts.filter((t): t is string => !!t).map(indexText).join(' ');

/**
 * Records of a department-level table (部门整体支出绩效目标表): its goals and 年度履职目标 in one,
 * each indicator in its own, under the department page. The bundled unit's department text has
 * never been indexed (only its projects), so a department without these parts gives none.
 */
export const departmentIndexed = (d: Department) => d.dutyTargets !== undefined || d.indicators !== undefined;

export function departmentSearchRecords(departments: readonly Department[]): SearchRecord[] {
  return departments.flatMap((d) => {
    if (!departmentIndexed(d)) return [];
    const page = `/${departmentPath(d.fiscalYear, d.unitCode)}`;
    const title = `${d.unitName}部门整体绩效目标`;
    const common = { 项目: [title], 单位: [d.unitName], 年度: [String(d.fiscalYear)] };
    const meta = { project: title, code: '', unit: d.unitName, year: String(d.fiscalYear) };
    const duties = (d.dutyTargets ?? []).flatMap((t) => [t.function, t.task, t.project]).filter((t): t is string => t !== undefined);
    const records: SearchRecord[] = [
      {
        url: `${page}#${DEPARTMENT_TABLE_ANCHOR}`,
        content: fields(...d.overallTargets, ...duties),
        language: SEARCH_LANGUAGE,
        meta: { ...meta, title: `${title}：总体目标与年度履职目标`, kind: '项目信息', purpose: duties.join('；'), goals: d.overallTargets.join('\n') },
        filters: { ...common, 类型: ['项目信息'] },
      },
    ];
    for (const i of d.indicators ?? []) records.push(indicatorRecord(page, meta, common, i));
    return records;
  });
}

function indicatorRecord(page: string, meta: Record<string, string>, common: Record<string, string[]>, i: Project['indicators'][number]): SearchRecord {
  return {
    url: `${page}#${encodeURIComponent(indicatorAnchor(i))}`,
    content: fields(i.name, i.description, i.value, i.unit, i.explanation, i.basis, ...Object.values(i.extra ?? {})),
    language: SEARCH_LANGUAGE,
    meta: {
      ...meta, title: i.name, kind: '指标', level1: i.level1 ?? '', level2: i.level2 ?? '', description: i.description ?? i.explanation ?? '',
      value: [i.nature === '定性' ? undefined : i.nature, i.value, i.unit].filter(Boolean).join(''), basis: i.basis ?? '',
    },
    filters: {
      ...common,
      一级指标: i.level1 === undefined ? [] : [i.level1],
      二级指标: i.level2 === undefined ? [] : [i.level2],
      ...(i.nature !== undefined && { 指标性质: [i.nature] }),
      类型: ['指标'],
    },
  };
}

/** The later stages' files that the search covers. */
export interface SearchResults {
  monitoring: readonly Monitoring[];
  evaluations: readonly Evaluation[];
  departmentEvaluations: readonly DepartmentEvaluation[];
}
const NO_RESULTS: SearchResults = { monitoring: [], evaluations: [], departmentEvaluations: [] };

/** Record URLs are below the site's base path: Pagefind adds the base (its `baseUrl`) when searching. */
export function searchRecords(projects: Project[], departments: readonly Department[] = [], results: SearchResults = NO_RESULTS): SearchRecord[] {
  // A project is named in the filter by its name; the same name in another unit or year gets
  // the unit and year added so that the filter stays unambiguous. A project with results only
  // (no target table) is named the same way.
  type Named = { name: string; unitName: string; fiscalYear: number; unitCode: string; key: string };
  const named = new Map<string, Named>();
  for (const p of [...projects, ...results.monitoring, ...results.evaluations]) named.set(`${p.fiscalYear}/${p.unitCode}/${p.key}`, p);
  const names = new Map<string, number>();
  for (const p of named.values()) names.set(p.name, (names.get(p.name) ?? 0) + 1);
  const label = (p: Named) => (names.get(p.name)! > 1 ? `${p.name}（${p.unitName}，${p.fiscalYear}年）` : p.name);
  return [...projectSearchRecords(projects, label), ...departmentSearchRecords(departments), ...resultSearchRecords(results, departments, label)];
}

function projectSearchRecords(projects: Project[], label: (p: Project) => string): SearchRecord[] {
  return projects.flatMap((p) => {
    const page = `/${projectPath(p.fiscalYear, p.unitCode, p.key)}`;
    const common = { 项目: [label(p)], 单位: [p.unitName], 年度: [String(p.fiscalYear)], ...(p.category !== undefined && { 项目类别: [p.category] }) };
    const goals = [...(p.goals ?? []), ...projectTexts(p)];
    const meta = { project: p.name, code: p.key, unit: p.unitName, year: String(p.fiscalYear) };
    const records: SearchRecord[] = [
      { url: page, content: fields(p.name), language: SEARCH_LANGUAGE, meta: { ...meta, title: p.name, kind: '项目名称' }, filters: { ...common, 类型: ['项目名称'] } },
      {
        // Pagefind keeps one record per URL: the goals and 资金用途 point at the table that shows them.
        url: `${page}#${PROJECT_TABLE_ANCHOR}`,
        content: fields(p.purpose, ...goals),
        language: SEARCH_LANGUAGE,
        meta: { ...meta, title: `${p.name}：资金用途与绩效目标`, kind: '项目信息', purpose: p.purpose ?? '', goals: goals.join('\n') },
        filters: { ...common, 类型: ['项目信息'] },
      },
    ];
    for (const i of p.indicators) records.push(indicatorRecord(page, meta, common, i));
    return records;
  });
}

/**
 * Records of the later stages: one per indicator row of a monitoring or self-evaluation table,
 * holding what was published about it (当前完成值, 全年预计完成情况, 实际完成值, deviation reasons)
 * and, for a self-evaluation, the site's reading as the 达成情况 filter. Each lands on the results
 * section of its project page; Pagefind keeps one record per URL, so a query naming the stage and
 * row (which a static server ignores) tells the records apart. They are shown as indicator results
 * (kind 指标) whose description says what was published, so the search page's script is unchanged.
 */
function resultSearchRecords(results: SearchResults, departments: readonly Department[], label: (p: { name: string; unitName: string; fiscalYear: number; unitCode: string; key: string }) => string): SearchRecord[] {
  type Row = MonitoringIndicator | EvaluationIndicator;
  const tables = [
    ...results.monitoring.map((t) => ({ kind: '执行监控' as const, page: projectPath(t.fiscalYear, t.unitCode, t.key), title: t.name, project: label(t), code: t.key, t, rows: t.indicators as Row[] })),
    ...results.evaluations.map((t) => ({ kind: '绩效自评' as const, page: projectPath(t.fiscalYear, t.unitCode, t.key), title: t.name, project: label(t), code: t.key, t, rows: t.indicators as Row[] })),
    ...results.departmentEvaluations.map((t) => {
      const title = `${t.unitName}部门整体支出绩效自评`;
      // Without department targets there is no department page: the unit's overview shows the self-evaluation.
      const hasPage = departments.some((d) => d.fiscalYear === t.fiscalYear && d.unitCode === t.unitCode);
      return { kind: '绩效自评' as const, page: hasPage ? departmentPath(t.fiscalYear, t.unitCode) : unitYearPath(t.fiscalYear, t.unitCode), title, project: title, code: '', t, rows: t.indicators as Row[] };
    }),
  ];
  return tables.flatMap(({ kind, page, title, project, code, t, rows }) =>
    rows.map((row): SearchRecord => {
      const m = row as Partial<MonitoringIndicator>;
      const e = row as Partial<EvaluationIndicator>;
      const outcome = kind === '绩效自评' ? outcomeOfRow(row as EvaluationIndicator) : undefined;
      const level1 = row.level1 === undefined ? undefined : readLevel1(row.level1).name;
      const said = (label: string, text: string | undefined) => (text === undefined || text === '' ? [] : [`${label}：${text}`]);
      const description = [
        ...said('当前完成值', m.progress), ...said('全年预计完成情况', m.forecast), ...said('完成目标可能性', m.likelihood),
        ...said('偏差原因类别', m.deviationCategories?.join('、')), ...said('偏差原因说明', kind === '执行监控' ? row.deviation : undefined),
        ...said('实际完成值', e.actual), ...said('得分', e.score === undefined ? undefined : `${e.score}/${e.points ?? '-'}`),
        ...said('偏差原因分析及改进措施', kind === '绩效自评' ? row.deviation : undefined),
        ...said('本网站读法', outcome && `${OUTCOME_LABELS[outcome.status]}（${outcome.reason}）`),
      ].join('；');
      return {
        // Pagefind keeps one record per address: the stage in the query keeps the monitoring and the
        // self-evaluation of one indicator apart, while both land on its line of the side-by-side table.
        url: `/${page}?stage=${kind === '执行监控' ? 'monitoring' : 'evaluation'}#${resultRowAnchor(row)}`,
        content: fields(row.name, m.progress, m.forecast, m.deviationCategories?.join('、'), m.deviation, m.note, e.actual, e.deviation, row.changeReason, ...Object.values(row.extra ?? {})),
        language: SEARCH_LANGUAGE,
        meta: {
          project: title, code, unit: t.unitName, year: String(t.fiscalYear), title: `${row.name}（${kind}）`, kind: '指标',
          level1: level1 ?? '', level2: row.level2 ?? '', description,
          value: [row.nature === '定性' ? undefined : row.nature, e.adjustedTarget ?? row.target, row.unit].filter(Boolean).join(''), basis: '',
        },
        filters: {
          项目: [project], 单位: [t.unitName], 年度: [String(t.fiscalYear)],
          一级指标: level1 === undefined ? [] : [level1],
          二级指标: row.level2 === undefined ? [] : [row.level2],
          ...(outcome && { 达成情况: [OUTCOME_LABELS[outcome.status]] }),
          类型: ['指标'],
        },
      };
    }),
  );
}

/** Writes the Pagefind index for the records into `outputPath` (a `pagefind/` folder of the site). */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<void> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`无法建立搜索索引：${errors.join('；')}`);
  try {
    // All records in flight at once: Pagefind's service answers them in order, and awaiting each
    // one first made the round trips, not the indexing, the cost (6.5 s → 3.0 s for 11,297
    // records; the written index is byte-identical).
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach(({ errors }, n) => {
      if (errors.length) throw new Error(`搜索索引出错（${records[n]!.url}）：${errors.join('；')}`);
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
