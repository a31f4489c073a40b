// How a real 部门预算/部门决算 (tests/fixtures/budget/) must show on its page and where `npm run validate`
// must point (tests/browser/budget-corpus.test.ts). Text is compared as corpus-cells.ts compares it
// (whitespace removed: a printed cell's line breaks are where the PDF wrapped it; full-width ASCII forms
// half-width). A cell, a line above or below a table, and a line of the 说明 each show as written (the
// 说明's Markdown marks aside).
import { comparable } from './corpus-cells.ts';

/** A table on the page: its caption and its text (cells, 前文, 后文, notes). */
export interface ShownTable {
  caption: string;
  text: string;
}

/** The non-empty cells, 前文 and 后文 lines of each table that are not in the text of the page's table at the same place. */
export function missingCells(tables: { 名称: string; 前文?: string[]; 行: string[][]; 后文?: string[] }[], shown: ShownTable[]): string[] {
  return tables.flatMap((table, i) => {
    const text = comparable(shown[i]?.text ?? '');
    return [...(table.前文 ?? []), ...table.行.flat(), ...(table.后文 ?? [])].filter((cell) => cell.trim() !== '' && !text.includes(comparable(cell))).map((cell) => `${table.名称}: “${cell}”`);
  });
}

/**
 * A line of the 说明 as the page shows its words: without the Markdown that marks a heading (`# `), a
 * quotation (`> `) or a code span (`` ` ``); a line numbered `1. ` is an item of a numbered list, whose
 * number the browser draws as the item's marker (the same number, not part of the text); a line that is
 * only an HTML comment (`<!-- PDF 第 3 页 -->`, where the transcription's pages begin) is not shown at all.
 * However far a line is indented (a PDF's paragraph indent), it is read so: a 说明 has no indented code
 * (markdown.ts noIndentedCode).
 */
const shownWords = (line: string) =>
  /^\s*<!--.*-->\s*$/.test(line) ? '' : line.replace(/^\s*(#{1,6}\s+|>\s?)/, '').replace(/^\s*\d{1,9}\.\s+/, '').replace(/`/g, '');

/** The lines of a 说明 (Markdown, as transcribed) whose words are not in the page's 情况说明. */
export function noteLinesMissing(note: string, shown: string): string[] {
  const text = comparable(shown);
  return note.split('\n').filter((line) => shownWords(line).trim() !== '' && !text.includes(comparable(shownWords(line))));
}

/** Text as the validator reads a 说明: no whitespace, no thousands separators, brackets half-width. */
const plain = (s: string) => comparable(s).replace(/,/g, '');

/**
 * Whether lines of a 说明 print what a difference is about: one of its figures as the 说明 writes
 * figures (with 万元 or %; 3.59 for a change the checker wrote as -3.59), else one of its words of four
 * characters or more (a 科目 name, “财政拨款支出预算” for a sum the checker worked out itself).
 */
export function printsWhatItIsAbout(difference: string, lines: string[]): boolean {
  const text = plain(lines.join(''));
  const said = difference.slice(difference.indexOf('：') + 1);
  const figures = [...said.matchAll(/-?[\d,]+(\.\d+)?/g)].flatMap((m) => {
    const n = Math.abs(Number(m[0].replace(/,/g, '')));
    return [String(n), n.toFixed(2)].flatMap((x) => [`${x}万元`, `${x}%`]);
  });
  // “ 与 ” joins the two sides the checker compared (a 科目 name may hold 与: 文化旅游体育与传媒支出).
  const words = said.split(/ 与 |[“”，、≠（）()]|按|表上|说明|-?[\d,.]+\s*(?:万元|%)?/).map(plain).filter((w) => w.length >= 4);
  return [...figures, ...words].some((x) => text.includes(x));
}
