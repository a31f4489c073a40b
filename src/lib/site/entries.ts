// The shapes every part of the site shares for a content file: an entry (its data, the file on
// disk and the published path), a project through its cycle, a unit's year. Their own module, so
// that the pages' arrangement (site-content.ts), the downloads (outputs/) and the build's file
// writer share them without importing each other. Plain TypeScript (no astro:content): used inside
// Astro and by the build's file writer outside it, so both read a file the same way.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Department } from '../../schema/department.ts';
import type { Project } from '../../schema/project.ts';
import type { DepartmentEvaluation, Evaluation, Monitoring } from '../../schema/results.ts';
import { CONTENT_DIR, type BUDGET_FILES, type BudgetKind } from './content-layout.ts';
import { readOnce } from './file-cache.ts';
import { contentFilePath } from './paths.ts';

/** A content file as pages and downloads use it: its data, the file on disk, and the site path of the published YAML. */
/** A content file as pages use it: its data, the file on disk, and the site path of the published YAML. */
export interface Entry<T> {
  data: T;
  /** The YAML file on disk (absolute). */
  file: string;
  /** Site path of the published YAML file. */
  sourcePath: string;
}

export type ProjectEntry = Entry<Project>;

/**
 * One project through the cycle: its approved targets, its monitoring and its self-evaluation,
 * linked by year and key (项目编码 / 网址标识). A result may stand without targets.
 */
export interface ProjectCycle {
  key: string;
  name: string;
  target?: ProjectEntry;
  monitoring?: Entry<Monitoring>;
  evaluation?: Entry<Evaluation>;
}

export interface UnitYear {
  year: number;
  unit: string;
  unitName: string;
  department?: Entry<Department>;
  departmentEvaluation?: Entry<DepartmentEvaluation>;
  projects: ProjectEntry[];
  /** Every project with monitoring or a self-evaluation: those with targets in document order, then the others by file name. */
  results: ProjectCycle[];
  /** The 部门预算 / 部门决算 it publishes (content/<year>/<unit>/budget.yaml, final-accounts.yaml), when any: each with its file's name. */
  budgets?: { kind: BudgetKind; file: (typeof BUDGET_FILES)[BudgetKind] }[];
}

/** The content files the outputs are made from (each with its data, file and published path). */
export interface FileSources {
  projects: readonly Entry<Project>[];
  monitoring: readonly Entry<Monitoring>[];
  evaluations: readonly Entry<Evaluation>[];
  departmentEvaluations: readonly Entry<DepartmentEvaluation>[];
}

/** A content file's YAML mapping exactly as written (parsed once per file until it changes), for downloads that must equal the YAML. */
export const rawOf = (entry: { file: string }): unknown => readOnce(entry.file, (file) => parse(readFileSync(file, 'utf8')) as unknown);

/**
 * A content file as an entry: its data, the file on disk (absolute) and the site path of the
 * published file. The one definition for Astro's entries (site-content.ts) and the validator's
 * files (the build's file writer), so both name a file alike.
 */
export function entryOf<T>(data: T, file: string, contentDir = CONTENT_DIR): Entry<T> {
  const absolute = resolve(file);
  return { data, file: absolute, sourcePath: contentFilePath(relative(resolve(contentDir), absolute).split('\\').join('/')) };
}

/** The content files a unit's year is built from: its projects and its department targets. */
export const contentFilesOf = (uy: UnitYear): string[] => [...uy.projects.map((p) => p.file), ...(uy.department ? [uy.department.file] : [])];

/** A county's site (several units) gets a landing page by year and an overview of each year. */
export const isCounty = (all: readonly UnitYear[]) => new Set(all.map((uy) => uy.unit)).size > 1;
