// Where content lives. Every unit (department) and fiscal year has its own folder, so that a
// county can publish dozens of units every year side by side without moving files or changing ids:
//   content/site.yaml                                 site configuration
//   content/<year>/<unit>/department.yaml             部门整体绩效目标
//   content/<year>/<unit>/projects/<any name>.yaml    one 项目绩效目标表 each
//   content/<year>/<unit>/monitoring/<any name>.yaml  one 执行监控表 (mid-year monitoring) each
//   content/<year>/<unit>/evaluations/<any name>.yaml one 项目支出绩效自评表 (self-evaluation) each
//   content/<year>/<unit>/department-evaluation.yaml  部门整体支出绩效自评表
//   content/<year>/<unit>/source/…                    the approved document as published
//   content/<year>/<unit>/budget.yaml, budget.md      部门预算: its tables as printed, and its 情况说明
//   content/<year>/<unit>/final-accounts.yaml, final-accounts.md   部门决算, the same
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The content folder; GONGKAI_CONTENT points elsewhere (tests build from fixtures). */
export const CONTENT_DIR = process.env.GONGKAI_CONTENT ?? 'content';

/**
 * Astro's cache folder for this content folder. Astro caches loaded content (with file paths); a
 * build from another content folder (tests, fixtures) gets its own cache so it never sees the
 * other folder's entries.
 */
export const astroCacheDirOf = (contentDir: string) =>
  contentDir === 'content' ? './node_modules/.astro' : `./node_modules/.astro-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}`;
export const ASTRO_CACHE_DIR = astroCacheDirOf(CONTENT_DIR);
export const SITE_FILE = 'site.yaml';
/** Files the site serves as they are (Astro's public folder, beside src/): the favicon, a 党政机关网站标识 image. */
export const PUBLIC_DIR = 'public';
export const DEPARTMENT_GLOB = '[0-9][0-9][0-9][0-9]/*/department.yaml';
export const PROJECT_GLOB = '[0-9][0-9][0-9][0-9]/*/projects/*.yaml';
export const MONITORING_GLOB = '[0-9][0-9][0-9][0-9]/*/monitoring/*.yaml';
export const EVALUATION_GLOB = '[0-9][0-9][0-9][0-9]/*/evaluations/*.yaml';
export const DEPARTMENT_EVALUATION_GLOB = '[0-9][0-9][0-9][0-9]/*/department-evaluation.yaml';

export type ContentFileKind =
  | { kind: 'site' }
  | { kind: 'department'; year: number; unit: string }
  | { kind: 'project'; year: number; unit: string }
  | { kind: 'monitoring'; year: number; unit: string }
  | { kind: 'evaluation'; year: number; unit: string }
  | { kind: 'departmentEvaluation'; year: number; unit: string }
  | { kind: 'budget'; year: number; unit: string; 种类: BudgetKind };

/** The file name (without .yaml / .md) of a unit-year's 部门预算 and 部门决算. */
export const BUDGET_FILES = { 部门预算: 'budget', 部门决算: 'final-accounts' } as const;
export type BudgetKind = keyof typeof BUDGET_FILES;

/** The kinds of budget document a unit-year publishes (its files exist), in the order 部门预算, 部门决算. */
export const budgetKindsOf = (year: number, unit: string, contentDir = CONTENT_DIR): BudgetKind[] =>
  (Object.keys(BUDGET_FILES) as BudgetKind[]).filter((k) => existsSync(join(contentDir, String(year), unit, `${BUDGET_FILES[k]}.yaml`)));

/** A unit's name as its 部门预算/部门决算 prints it, without the bracketed note of what the document covers (“（部门：本级及 4 家下属单位）”). */
export const budgetUnitName = (单位: string) => 单位.replace(/（.*$/, '').trim();

/** Every unit-year folder with a 部门预算 or 部门决算 file: a unit may publish those before (or without) its 绩效 tables. */
export function budgetUnitYears(contentDir = CONTENT_DIR): { year: number; unit: string }[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir)
    .filter((y) => /^\d{4}$/.test(y))
    .flatMap((y) => readdirSync(join(contentDir, y), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => ({ year: Number(y), unit: d.name })))
    .filter(({ year, unit }) => budgetKindsOf(year, unit, contentDir).length > 0);
}

/** The folder of each per-project kind of file, under content/<year>/<unit>/. */
const PROJECT_FOLDERS = { projects: 'project', monitoring: 'monitoring', evaluations: 'evaluation' } as const;

/** Classifies a path relative to the content folder (with `/` separators); undefined if unknown. */
export function classifyContentPath(relative: string): ContentFileKind | undefined {
  if (relative === SITE_FILE) return { kind: 'site' };
  const department = /^(\d{4})\/([^/]+)\/department\.yaml$/.exec(relative);
  if (department) return { kind: 'department', year: Number(department[1]), unit: department[2]! };
  const departmentEvaluation = /^(\d{4})\/([^/]+)\/department-evaluation\.yaml$/.exec(relative);
  if (departmentEvaluation) return { kind: 'departmentEvaluation', year: Number(departmentEvaluation[1]), unit: departmentEvaluation[2]! };
  const budget = /^(\d{4})\/([^/]+)\/(budget|final-accounts)\.yaml$/.exec(relative);
  if (budget) return { kind: 'budget', year: Number(budget[1]), unit: budget[2]!, 种类: budget[3] === 'budget' ? '部门预算' : '部门决算' };
  const perProject = /^(\d{4})\/([^/]+)\/(projects|monitoring|evaluations)\/[^/]+\.yaml$/.exec(relative);
  if (perProject) return { kind: PROJECT_FOLDERS[perProject[3] as keyof typeof PROJECT_FOLDERS], year: Number(perProject[1]), unit: perProject[2]! };
  return undefined;
}

/** Stable id of a project: year, unit and code, never the file name (files may be renamed). */
export function projectId(p: { fiscalYear: number; unitCode: string; code: string }): string {
  return `${p.fiscalYear}/${p.unitCode}/${p.code}`;
}
