// A unit-year's 部门预算 and 部门决算 as pages use them: the YAML file (content/<year>/<unit>/budget.yaml,
// final-accounts.yaml) read and checked against its schema, with its 情况说明 (the .md beside it). Read
// from disk, not through a content collection: a folder without these files builds exactly as before,
// and `npm run validate` has already reported any file that does not match (this throws only when the
// build runs without it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { budgetDocumentSchema, type BudgetDocument } from '../../schema/budget.ts';
import { BUDGET_FILES, CONTENT_DIR, type BudgetKind } from './content-layout.ts';
import { entryOf, type Entry } from './entries.ts';
import { readOnce } from './file-cache.ts';

export interface BudgetEntry extends Entry<BudgetDocument> {
  种类: BudgetKind;
  /** The 情况说明 as written ('' when there is none). */
  note: string;
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
  const noteFile = `${base}.md`;
  const hasNote = existsSync(noteFile);
  return {
    ...entryOf(data, file, contentDir),
    种类,
    note: hasNote ? readOnce(noteFile, (f) => readFileSync(f, 'utf8')) : '',
    ...(hasNote ? { noteSourcePath: entryOf(undefined, noteFile, contentDir).sourcePath } : {}),
  };
}
