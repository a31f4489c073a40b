// What every importer reports when a cell, a line or a field cannot be placed: where, and what to
// change, in Chinese. The command prints them all and writes nothing while there is one.
import type { GridParagraph } from '../office/grid.ts';
import { short } from './cells.ts';

export interface ImportProblem {
  /**
   * Where, as the user finds it: a cell (`Sheet1!B7`, `第 2 个表格 第 3 行第 4 列`), a paragraph
   * (`第 3 段`), a field of an imported table (`项目“村道路清理” 绩效指标[2].指标值`), or '' for the whole file.
   */
  where: string;
  message: string;
}

/**
 * The Word/text export's reader (source-text.ts) names the line instead: the command turns it into
 * the Word paragraph it came from, or `file:line`.
 */
export type LineProblem = Omit<ImportProblem, 'where'> & { line: number };

/** A paragraph before or after the tables that no field takes. */
export const strayParagraph = (p: GridParagraph, place: '表格前' | '表格之后'): ImportProblem => ({ where: p.where, message: `${place}的文字“${short(p.text)}”无法放进任何字段` });

/** The schema's issues of one imported table, at its fields: `项目“村道路清理” 绩效指标[2].指标值` (rows count from 1). */
export function schemaProblems(table: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): ImportProblem[] {
  return issues.map((issue) => ({
    where: `${table}${issue.path.length ? ` ${issue.path.map((k) => (typeof k === 'number' ? `[${k + 1}]` : `.${String(k)}`)).join('').replace(/^\./, '')}` : ''}`,
    message: issue.message,
  }));
}

/** A problem as the command prints it, after the file's name. */
export const problemLine = (file: string, p: ImportProblem) => `${file}${p.where ? `：${p.where}` : ''}  ${p.message}`;
