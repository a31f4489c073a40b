// The corpus of real 部门预算/部门决算 documents (tests/fixtures/budget/) as one county's site, set up
// as staff would: every document's workbook through `npm run import` (its --region the 地区 the
// document names, its 情况说明 with --note) into one content folder, a unit folder per unit — the same
// unit's years in one folder, so that the year-over-year checks run. The browser test
// (budget-corpus.test.ts) validates it, records the README's differences, builds it and reads it.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers.ts';
import { BUDGET_DIR, readTranscription, transcriptionIds, type Transcription } from '../fixtures/published/transcription.ts';
import { BUDGET_FILES, type BudgetKind } from '../../src/lib/site/content-layout.ts';

export interface CorpusDocument {
  id: string;
  transcription: Transcription;
  /** The unit folder's code (made up here: the documents print none) and the file the import wrote. */
  unit: string;
  year: number;
  kind: BudgetKind;
  file: string;
  noteFile: string;
  /** What `npm run import` printed. */
  stdout: string;
}

/** The README's differences per document: lines `- \`<id>\` <difference>` under “## 重算出的差异”. */
export function listedDifferences(): Map<string, string[]> {
  const readme = readFileSync(join(BUDGET_DIR, 'README.md'), 'utf8');
  const section = readme.split('## 重算出的差异')[1]?.split(/\n## /)[0] ?? '';
  const byId = new Map<string, string[]>();
  for (const m of section.matchAll(/^- `([a-z0-9-]+)` (.+)$/gm)) byId.set(m[1]!, [...(byId.get(m[1]!) ?? []), m[2]!]);
  return byId;
}

/**
 * Which unit a document is of: its 地区 and its 单位 without the bracketed note of what the document
 * covers (“（部门：本级及 4 家下属单位）”, worded differently from one year to the next).
 */
const unitKey = (t: Transcription) => `${t.地区}/${(t.单位 ?? '').replace(/（.*$/, '').trim()}`;

/** Imports every document of the corpus into a new content folder `dir` with the example county's site.yaml. */
export function importBudgetCorpus(dir: string, example: string): CorpusDocument[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['site.yaml', 'about.md']) copyFileSync(join(example, file), join(dir, file));
  const transcriptions = transcriptionIds(BUDGET_DIR).map((id) => readTranscription(id, BUDGET_DIR));
  const units = [...new Set(transcriptions.map(unitKey))].sort();
  return transcriptions.map((t) => {
    const unit = `99${String(units.indexOf(unitKey(t)) + 1).padStart(4, '0')}`;
    const kind = t.种类 as BudgetKind;
    if (!(kind in BUDGET_FILES)) throw new Error(`${t.id}: 种类“${t.种类}”不是部门预算或部门决算`);
    const result = runCli('import', [join(BUDGET_DIR, `${t.id}.xlsx`), '--unit', unit, '--region', t.地区, '--note', join(BUDGET_DIR, `${t.id}.说明.md`), '--content', dir]);
    if (result.status !== 0) throw new Error(`npm run import of ${t.id} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    // Nothing else in the unit folder: a unit-year with only its 部门预算/部门决算 has its pages.
    const file = join(dir, String(t.年度), unit, `${BUDGET_FILES[kind]}.yaml`);
    return { id: t.id, transcription: t, unit, year: t.年度, kind, file, noteFile: file.replace(/\.yaml$/, '.md'), stdout: result.stdout };
  });
}

/** Records each document's listed differences under 原表如此, as staff do once they have checked the original. */
export function recordListed(docs: CorpusDocument[], listed: Map<string, string[]>): void {
  for (const d of docs) {
    const differences = listed.get(d.id) ?? [];
    if (differences.length === 0) continue;
    const records = differences.map((text) => `  - 差异: ${JSON.stringify(text)}\n    原表如此: "原件就是这样印的（见 tests/fixtures/budget/README.md）"\n`).join('');
    writeFileSync(d.file, `${readFileSync(d.file, 'utf8')}原表如此:\n${records}`);
  }
}
