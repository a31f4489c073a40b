// What a check of the content reports and what it hands on: the problem (file, line, column,
// field, message in Chinese) and the files that passed. Their own module, so that the validator
// and the checks across files (results-check.ts) share them without importing each other.
import type { Department } from '../../schema/department.ts';
import type { Project } from '../../schema/project.ts';
import type { DepartmentEvaluation, Evaluation, Monitoring } from '../../schema/results.ts';
import type { SiteConfig } from '../../schema/site.ts';
import type { BudgetFile } from '../budget/budget-validate.ts';

export interface ContentProblem {
  /** Path as the user would type it, relative to the working directory. */
  file: string;
  line: number;
  column: number;
  /** Chinese key path, with 1-based item numbers: `绩效指标[4].二级指标`. */
  field: string;
  message: string;
}

/** A file that passed, with a way to find where a field is written (for later reports). */
export interface ValidFile<T> {
  file: string;
  data: T;
  /** The file's text and its YAML mapping as written (the history reads them instead of parsing the file again). */
  text: string;
  raw: unknown;
  /** Line and column of a field, by its Chinese key path. */
  at(path: readonly (string | number)[]): { line: number; column: number };
}

export interface ValidatedContent {
  problems: ContentProblem[];
  site?: SiteConfig;
  departments: ValidFile<Department>[];
  projects: ValidFile<Project>[];
  monitoring: ValidFile<Monitoring>[];
  evaluations: ValidFile<Evaluation>[];
  departmentEvaluations: ValidFile<DepartmentEvaluation>[];
  /** 部门预算 and 部门决算 files that match their schema, with their 说明 (their checks are in problems). */
  budgets: BudgetFile[];
  /** What could be read but not checked (a 说明 sentence in a wording no family describes): printed, never blocking. */
  notices: ContentProblem[];
  files: number;
}
