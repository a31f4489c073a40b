// The search index: Pagefind custom records built from the validated content (never from page
// HTML, so page chrome stays out). One record per project name, one for its goals and 资金用途,
// and one per indicator row; each record's text is indexed as CJK bigram tokens (search-tokens.ts)
// and its original text kept as metadata for display.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../schema/project.ts';
import type { Department } from '../schema/department.ts';
import { indexText } from './search-tokens.ts';
import { DEPARTMENT_TABLE_ANCHOR, departmentPath, indicatorAnchor, PROJECT_TABLE_ANCHOR, projectPath } from './paths.ts';

export const SEARCH_LANGUAGE = 'zh';

/** Record kinds: the search ranks a match in a project's name above one in its indicators. */
export type RecordKind = '项目名称' | '项目信息' | '指标';

/** The filters shown on the search page, in order; 类型 is internal (ranking). */
export const SEARCH_FILTERS = ['一级指标', '二级指标', '项目', '单位', '年度'] as const;
/** Filters of fields that only some layouts print: shown only when some content has them. */
export const OPTIONAL_SEARCH_FILTERS = ['项目类别', '指标性质'] as const;

/** The optional filters that the content uses (a site of one layout shows none it lacks). */
export function optionalFiltersIn(projects: readonly Project[]): (typeof OPTIONAL_SEARCH_FILTERS)[number][] {
  return OPTIONAL_SEARCH_FILTERS.filter((name) =>
    name === '项目类别' ? projects.some((p) => p.category !== undefined) : projects.some((p) => p.indicators.some((i) => i.nature !== undefined)),
  );
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

/** Record URLs are below the site's base path: Pagefind adds the base (its `baseUrl`) when searching. */
export function searchRecords(projects: Project[], departments: readonly Department[] = []): SearchRecord[] {
  return [...projectSearchRecords(projects), ...departmentSearchRecords(departments)];
}

function projectSearchRecords(projects: Project[]): SearchRecord[] {
  // A project is named in the filter by its name; the same name in another unit or year gets
  // the unit and year added so that the filter stays unambiguous.
  const names = new Map<string, number>();
  for (const p of projects) names.set(p.name, (names.get(p.name) ?? 0) + 1);
  const label = (p: Project) => (names.get(p.name)! > 1 ? `${p.name}（${p.unitName}，${p.fiscalYear}年）` : p.name);

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
