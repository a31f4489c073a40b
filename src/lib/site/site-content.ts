// The content collections arranged the way pages need them: units per year, each with its
// department targets and its projects in document order (the order of their file names).
import { getCollection, type CollectionEntry } from 'astro:content';
import { budgetEntryOf } from './budget-entries.ts';
import { BUDGET_FILES, budgetKindsOf, budgetUnitName, budgetUnitYears } from './content-layout.ts';
import { entryOf, type FileSources, type ProjectCycle, type ProjectEntry, type UnitYear } from './entries.ts';
import { contentFilePath } from './paths.ts';
import { linkYears, type YearLinks } from './year-over-year.ts';

/** Whether any unit and year has monitoring or self-evaluation (links to them appear only then). */
export const hasResults = (uy: UnitYear) => uy.results.length > 0 || uy.departmentEvaluation !== undefined;

/** The cycle of one project of a unit's year (with empty stages when it has no results). */
export const cycleOf = (uy: UnitYear, key: string, target?: ProjectEntry): ProjectCycle =>
  uy.results.find((r) => r.key === key) ?? { key, name: target?.data.name ?? key, target };

type AnyEntry = CollectionEntry<'projects' | 'departments' | 'monitoring' | 'evaluations' | 'departmentEvaluations'>;
function fileOf(entry: AnyEntry): { file: string; sourcePath: string } {
  const { file, sourcePath } = entryOf(undefined, entry.filePath ?? '');
  return { file, sourcePath };
}

let cache: Promise<UnitYear[]> | undefined;

/** Every unit and year, newest year first, units by code. */
export function unitYears(): Promise<UnitYear[]> {
  cache ??= (async () => {
    const byKey = new Map<string, UnitYear>();
    const get = (year: number, unit: string, unitName: string) => {
      const key = `${year}/${unit}`;
      let uy = byKey.get(key);
      if (!uy) byKey.set(key, (uy = { year, unit, unitName, projects: [], results: [] }));
      return uy;
    };
    for (const entry of await getCollection('departments')) {
      get(entry.data.fiscalYear, entry.data.unitCode, entry.data.unitName).department = { data: entry.data, ...fileOf(entry) };
    }
    for (const entry of await getCollection('projects')) {
      get(entry.data.fiscalYear, entry.data.unitCode, entry.data.unitName).projects.push({ data: entry.data, ...fileOf(entry) });
    }
    for (const entry of await getCollection('departmentEvaluations')) {
      get(entry.data.fiscalYear, entry.data.unitCode, entry.data.unitName).departmentEvaluation = { data: entry.data, ...fileOf(entry) };
    }
    const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
    const monitoring = (await getCollection('monitoring')).map((e) => ({ data: e.data, ...fileOf(e) })).sort(byFile);
    const evaluations = (await getCollection('evaluations')).map((e) => ({ data: e.data, ...fileOf(e) })).sort(byFile);
    for (const m of monitoring) get(m.data.fiscalYear, m.data.unitCode, m.data.unitName);
    for (const e of evaluations) get(e.data.fiscalYear, e.data.unitCode, e.data.unitName);
    // A unit-year with only its 部门预算/部门决算 has its pages too, named as its document names the unit.
    for (const { year, unit } of budgetUnitYears()) {
      const doc = budgetKindsOf(year, unit).map((kind) => budgetEntryOf(year, unit, kind)!.data)[0]!;
      get(year, unit, budgetUnitName(doc.单位));
    }
    for (const uy of byKey.values()) {
      uy.projects.sort(byFile);
      const cycles = new Map<string, ProjectCycle>(uy.projects.map((p) => [p.data.key, { key: p.data.key, name: p.data.name, target: p }]));
      const cycle = (data: { key: string; name: string }) => cycles.get(data.key) ?? cycles.set(data.key, { key: data.key, name: data.name }).get(data.key)!;
      for (const m of monitoring) if (m.data.fiscalYear === uy.year && m.data.unitCode === uy.unit) cycle(m.data).monitoring = m;
      for (const e of evaluations) if (e.data.fiscalYear === uy.year && e.data.unitCode === uy.unit) cycle(e.data).evaluation = e;
      uy.results = [...cycles.values()].filter((c) => c.monitoring || c.evaluation);
      const budgets = budgetKindsOf(uy.year, uy.unit);
      if (budgets.length > 0) uy.budgets = budgets.map((kind) => ({ kind, file: BUDGET_FILES[kind] }));
    }
    return [...byKey.values()].sort((a, b) => b.year - a.year || a.unit.localeCompare(b.unit));
  })();
  return cache;
}

/** Whether a unit's year is published now (has an overview page): a withdrawn table's may be gone. */
export const hasUnitYear = async (year: number, unit: string) => (await unitYears()).some((uy) => uy.year === year && uy.unit === unit);

// Defined beside the entry shapes (plain TypeScript, no astro:content), kept here for the pages.
export { contentFilesOf, isCounty } from './entries.ts';

let links: Promise<YearLinks<ProjectEntry>> | undefined;

/** Each project's table of the year before, and of the year after (year-over-year.ts). */
export function projectYearLinks(): Promise<YearLinks<ProjectEntry>> {
  links ??= unitYears().then((all) => linkYears(all.flatMap((uy) => uy.projects)));
  return links;
}

/** The source documents bundled for a unit and year (content/<year>/<unit>/source/*). */
export function sourceDocumentPath(uy: UnitYear): string | undefined {
  const document = uy.projects[0]?.data.source?.document ?? uy.department?.data.source?.document;
  return document ? contentFilePath(`${uy.year}/${uy.unit}/source/${document}`) : undefined;
}

/** Sources named in the footer of an overview page: the department file and the downloads. */
export function overviewSources(uy: UnitYear | undefined): { label: string; path: string }[] {
  return [...(uy?.department ? [{ label: '部门整体绩效目标 YAML', path: uy.department.sourcePath }] : []), { label: '全部数据（数据下载）', path: 'data/' }];
}

/** The content files of the per-file downloads (file-outputs.ts), from the collections. */
export const fileSourcesOf = (all: readonly UnitYear[]): FileSources => ({
  projects: all.flatMap((uy) => uy.projects),
  monitoring: all.flatMap((uy) => uy.results.flatMap((c) => c.monitoring ?? [])),
  evaluations: all.flatMap((uy) => uy.results.flatMap((c) => c.evaluation ?? [])),
  departmentEvaluations: all.flatMap((uy) => uy.departmentEvaluation ?? []),
});
