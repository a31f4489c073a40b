// What `npm run validate` says about a unit-year's 部门预算 / 部门决算 files once they match the schema:
// the tables its province's set requires, each empty table's note, every difference the checker finds
// (budget-check.ts) that the file does not record under 原表如此, and each record that no longer matches
// a difference (so a record cannot outlive the figure it excused). Problems point at the cell when the
// difference is about one cell, else at the table or the 说明 file.
import { BUDGET_TABLE_KINDS, budgetSetFor, EMPTY_TABLE_NOTE, titleMatches } from '../../schema/budget-tables.ts';
import type { BudgetDocument, BudgetTable } from '../../schema/budget.ts';
import { budgetDifferences, lastYearDifferences, subjectsOf, type BudgetDifference } from './budget-check.ts';

/** One budget file that passed its schema: where it is, its 说明 (Markdown beside it), how to find a field's line. */
export interface BudgetFile {
  file: string;
  /** The 说明 file, as the user would type its path; `text` is its content ('' when it is missing). */
  noteFile: string;
  noteText: string;
  data: BudgetDocument;
  /** The unit folder it is in (content/<year>/<unit>/): a unit's years are found by it. */
  unit: string;
  at(path: readonly (string | number)[]): { line: number; column: number };
}

/** The validator's problem shape (src/lib/check/problems.ts ContentProblem). */
export interface BudgetProblem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

/**
 * An empty table prints neither a 科目 code nor an amount: no non-zero number in any cell (the column
 * numbers of a 栏次 row aside). Codes count as numbers here, so a table listing 科目 is never empty.
 */
const NUMBER = /^-?\d[\d,]*(\.\d+)?$/;
export const isEmptyTable = (t: BudgetTable) => !t.行.some((r) => !r.some((x) => x.replace(/\s+/g, '') === '栏次') && r.some((x) => NUMBER.test(x.trim()) && Number(x.replace(/,/g, '')) !== 0));

/** The tables a set requires that the document lacks, and its empty tables without a note naming the right fund. */
function setProblems(doc: BudgetDocument): { path: (string | number)[]; message: string }[] {
  const set = budgetSetFor(doc);
  if (!set) return [{ path: ['种类'], message: `没有适用于“${doc.地区}”的${doc.种类}表套：请在“表套”写明用哪一套（见 src/schema/budget-tables.ts）` }];
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const entry of set.tables) {
    const i = doc.表格.findIndex((t) => titleMatches(entry, t.名称));
    if (i < 0) {
      if (entry.required) out.push({ path: ['表格'], message: `缺少“${entry.title.replace('{年度}', String(doc.年度))}”：${set.name}要求公开这张表（来源：${set.source}）。没有数的表也要公开，并在表下注明原因` });
      continue;
    }
    const table = doc.表格[i]!;
    const notes = (table.后文 ?? []).join('');
    if (!isEmptyTable(table)) {
      // A table with figures whose note says it has none: one of the two is wrong.
      const says = (table.后文 ?? []).findIndex((line) => EMPTY_TABLE_NOTE.test(line));
      if (says >= 0) out.push({ path: ['表格', i, '后文', says], message: `“${table.名称}”有数，表下的说明却说它没有数（“${table.后文![says]}”）：核对原件，表里的数和说明必有一处不对` });
      continue;
    }
    const fund = BUDGET_TABLE_KINDS[entry.role].fund;
    if (notes.trim() === '') out.push({ path: ['表格', i, '名称'], message: `“${table.名称}”没有数，表下却没有说明：空表也要公开，并在“后文”写明为什么没有数（例如“本单位无${fund ?? '此项'}预算财政拨款支出，故本表无数据。”）` });
    else if (fund && !notes.includes(fund)) out.push({ path: ['表格', i, '后文'], message: `“${table.名称}”是空表，表下的说明没有提到${fund}：说明应写明是哪一种资金没有（例如“本单位无${fund}预算财政拨款支出”）` });
  }
  return out;
}

/**
 * The line of the 说明 a difference is about: where the longest piece of the sentence it quotes or names
 * (a 科目 name, “…万元”, the quoted sentence) is written, lines joined as the checker reads them
 * (the 说明 breaks lines where the PDF did), brackets and thousands separators compared as the checker
 * reads them (a 说明 mixes （类） and (类), writes 115,649 and 115649). A sentence whose figures the
 * checker computed (“比上年变动 -3.59 万元”, “所列各项之和 …”) is found by a figure as the 说明 prints it
 * (“3.59万元”), else by its words alone. Line 1 when nothing is found.
 */
export function noteLine(note: string, difference: string, words?: string): number {
  const same = (s: string) => s.replace(/\s+/g, '').replace(/,/g, '').replace(/（/g, '(').replace(/）/g, ')');
  let flat = '';
  const lineAt: number[] = [];
  note.split('\n').forEach((line, n) => {
    const squashed = same(line);
    flat += squashed;
    for (let k = 0; k < squashed.length; k++) lineAt.push(n + 1);
  });
  // The words the difference is about, when it says them (a section heading is found at its last
  // occurrence: the first is often the table of contents); then without a trailing “（二）”.
  for (const w of words ? [words, words.replace(/（[^）]*）$/, '')] : []) {
    const at = flat.lastIndexOf(same(w));
    if (w !== '' && at >= 0) return lineAt[at] ?? 1;
  }
  const said = difference.slice(difference.indexOf('：') + 1);
  // “ 与 ” joins what the checker compared (a name may hold 与: 文化旅游体育与传媒支出).
  const byLength = (xs: string[]) => xs.filter((x) => x.length >= 4).sort((a, b) => b.length - a.length);
  const pieces = byLength(said.split(/ 与 |[“”，、≠（）()]|按|表上|说明/).map(same));
  const figures = [...said.matchAll(/-?[\d,]+\.\d+|-?[\d,]{2,}/g)].flatMap((m) => {
    const n = Math.abs(Number(m[0].replace(/,/g, '')));
    return [`${n.toFixed(2)}万元`, `${n}万元`];
  });
  const wordPieces = byLength(said.split(/ 与 |[“”，、≠（）()]|按|表上|说明|-?[\d,.]+\s*(?:万元|%)?/).map(same));
  for (const piece of [...pieces, ...figures, ...wordPieces]) {
    const at = flat.indexOf(piece);
    if (at >= 0) return lineAt[at] ?? 1;
  }
  return 1;
}

/** `表格[2].后文`, as the validator names fields (1-based). */
const fieldOf = (path: readonly (string | number)[]) => path.map((k, i) => (typeof k === 'number' ? `[${k + 1}]` : `${i > 0 ? '.' : ''}${k}`)).join('');

/**
 * Problems of the budget files of a content folder. A 部门预算 is also compared with the same unit's
 * 部门决算 of the year before when both are there (what its 说明 says of last year's budget).
 */
export function budgetProblems(files: BudgetFile[], notices: BudgetProblem[] = []): BudgetProblem[] {
  const out: BudgetProblem[] = [];
  for (const f of files) {
    const place = (path: readonly (string | number)[], field: string, message: string) => out.push({ file: f.file, ...f.at(path), field, message });
    for (const p of setProblems(f.data)) place(p.path, fieldOf(p.path), p.message);
    if (f.noteText.trim() === '') place(['种类'], '', `缺少情况说明 ${f.noteFile}：${f.data.种类}的情况说明（收支、“三公”、机关运行经费、政府采购、国有资产、绩效目标、名词解释）照公开的原文写成 Markdown 放在这里`);

    const lastFinal = files.find((g) => g.unit === f.unit && g.data.种类 === '部门决算' && g.data.年度 === f.data.年度 - 1);
    const found: BudgetDifference[] = [
      ...budgetDifferences(f.data, f.noteText),
      ...(f.data.种类 === '部门预算' && lastFinal ? lastYearDifferences(f.data, f.noteText, lastFinal.data, lastFinal.noteText).out.map((text) => ({ text })) : []),
    ];
    const recorded = f.data.原表如此 ?? [];
    const texts = new Set(found.map((d) => d.text));
    for (const d of found.filter((x) => x.notice)) notices.push({ file: f.noteFile, line: noteLine(f.noteText, d.text, d.words), column: 1, field: '', message: d.text });
    for (const d of found.filter((x) => !x.notice)) {
      if (recorded.some((r) => r.差异 === d.text)) continue;
      const message = `${d.text}。核对原件：录入有误就改正；原件就是这样印的，就不要改数字，在“原表如此”下记录这一句（差异: 原样粘贴）并写明原因`;
      if (d.cell) place(['表格', d.cell.table, '行', d.cell.row, d.cell.col], fieldOf(['表格', d.cell.table, '行', d.cell.row, d.cell.col]), message);
      else if (/^(说明|编制说明|其他相关情况说明|\d{4}年预算说明)/.test(d.text)) out.push({ file: f.noteFile, line: noteLine(f.noteText, d.text, d.words), column: 1, field: '', message });
      else place(['表格'], '表格', message);
    }
    recorded.forEach((r, i) => {
      if (!texts.has(r.差异)) place(['原表如此', i, '差异'], fieldOf(['原表如此', i, '差异']), `记录的差异“${r.差异}”在表里已经没有了：表或说明已改，或这一句没有照检查报告原样粘贴。请删去这条记录或改正`);
    });
  }
  // One 科目 table serves every unit of a year: a code named differently in another unit's file is a slip in one of them.
  const byYear = new Map<string, { name: string; file: string }>();
  for (const f of files)
    for (const { code, name, table, row } of subjectsOf(f.data)) {
      const key = `${f.data.年度}/${code}`;
      const seen = byYear.get(key);
      if (!seen) byYear.set(key, { name, file: f.file });
      else if (seen.name !== name && seen.file !== f.file)
        out.push({ file: f.file, ...f.at(['表格', table, '行', row]), field: fieldOf(['表格', table, '行', row]), message: `科目 ${code} 写作“${name}”，${seen.file} 写作“${seen.name}”：同一年度的政府收支分类科目名称应相同，请照当年的科目表核对` });
    }
  return out;
}
