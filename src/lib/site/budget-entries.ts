// A unit-year's 部门预算 and 部门决算 as the site uses them — its pages, the downloads, the 公开情况 page and
// the county's sums: the YAML file (content/<year>/<unit>/budget.yaml, final-accounts.yaml) read and checked
// against its schema, with its 情况说明 (the .md beside it). The one reader of these files for the site
// (`npm run validate` reads them with line positions, lib/check). Read from disk, not through a content
// collection: a folder without these files builds exactly as before, and `npm run validate` has already
// reported any file that does not match (this throws only when the build runs without it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { budgetDocumentSchema, type BudgetDocument } from '../../schema/budget.ts';
import { BUDGET_FILES, CONTENT_DIR, type BudgetKind } from './content-layout.ts';
import { entryOf, type Entry } from './entries.ts';
import { readOnce } from './file-cache.ts';

export interface BudgetEntry extends Entry<BudgetDocument> {
  /** The folder's year and unit (content/<year>/<unit>/). */
  year: number;
  unit: string;
  种类: BudgetKind;
  /** The 情况说明 file beside the YAML (absolute, whether or not it exists) and its text ('' when there is none). */
  noteFile: string;
  noteText: string;
  /** Site path of the published 情况说明 file, when there is one. */
  noteSourcePath?: string;
}

/** The unit-year's 部门预算 or 部门决算, when its file exists. */
export function budgetEntryOf(year: number, unit: string, 种类: BudgetKind, contentDir = CONTENT_DIR): BudgetEntry | undefined {
  const base = join(contentDir, String(year), unit, BUDGET_FILES[种类]);
  const file = `${base}.yaml`;
  if (!existsSync(file)) return undefined;
  const data = readOnce(file, (f) => {
    const checked = budgetDocumentSchema.safeParse(parse(readFileSync(f, 'utf8')));
    if (!checked.success) throw new Error(`${f} 不符合${种类}文件的格式：请先运行 npm run validate，按它指出的行改正（${checked.error.issues[0]?.message ?? ''}）`);
    return checked.data;
  });
  const note = entryOf(undefined, `${base}.md`, contentDir);
  const hasNote = existsSync(note.file);
  return {
    ...entryOf(data, file, contentDir),
    year,
    unit,
    种类,
    noteFile: note.file,
    noteText: hasNote ? readOnce(note.file, (f) => readFileSync(f, 'utf8')) : '',
    ...(hasNote ? { noteSourcePath: note.sourcePath } : {}),
  };
}

/**
 * Every 部门预算 and 部门决算 of a content folder, by year, unit folder, then 部门预算 before 部门决算; `only`
 * one year's or one unit's (a unit's page reads its own years without looking into every other unit's folder).
 */
export function budgetEntries(contentDir = CONTENT_DIR, only: { year?: number; unit?: string } = {}): BudgetEntry[] {
  if (!existsSync(contentDir)) return [];
  const years = readdirSync(contentDir).filter((y) => /^\d{4}$/.test(y) && (only.year === undefined || Number(y) === only.year)).sort();
  return years.flatMap((year) =>
    (only.unit === undefined ? readdirSync(join(contentDir, year)).sort() : [only.unit]).flatMap((unit) =>
      (Object.keys(BUDGET_FILES) as BudgetKind[]).flatMap((kind) => budgetEntryOf(Number(year), unit, kind, contentDir) ?? []),
    ),
  );
}

/** The files a document's page is made of: its YAML and, when there is one, its 情况说明 (their dates date the page). */
export const budgetFilesOf = (entry: Pick<BudgetEntry, 'file' | 'noteFile' | 'noteSourcePath'>) => [entry.file, ...(entry.noteSourcePath ? [entry.noteFile] : [])];
