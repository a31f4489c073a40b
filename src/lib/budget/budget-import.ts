// Reading a 部门预算/决算 as published from a workbook, one sheet per table (as a budget system exports it,
// or as transcribed): the lines above the table (表册标题, 表名, 编制部门, “单位：万元”) are 前文, the notes
// under it (注：…) 后文, everything between is the table, every cell kept as its text with its merges.
// Each sheet is recognised by its title, else by its heading labels, against every set of
// src/schema/budget-tables.ts; the set most sheets belong to is the document's.
import { BUDGET_SETS, MONEY_UNIT_LINE, TABLE_NUMBER_LINE, titleMatches, UNIT_NAME_LINE, type BudgetSet, type BudgetTableInSet } from '../../schema/budget-tables.ts';
import type { BudgetDocument, BudgetTable } from '../../schema/budget.ts';
import { normalLabel } from '../../schema/table-layouts.ts';
import { columnLetters, type Grid, type GridFile } from '../office/grid.ts';
import { placeholder } from '../site/placeholders.ts';

/** A line under a table: a note, not a row (a row has more than one cell or is a label of the table). */
const NOTE_LINE = /^(注|说明|备注|填表说明)\s*[：:\d一]|^(无|本(单位|部门|年度))/;

const textOf = (grid: Grid, r: number) => grid.rows[r]!.map((cell) => cell?.text ?? '');
const filled = (cells: string[]) => cells.filter((x) => x.trim() !== '');

/** One sheet as a table as printed: 前文 up to the unit line, 后文 the note lines under it, merges as A1 ranges. */
export function tableOfGrid(grid: Grid): BudgetTable {
  const height = grid.rows.length;
  // The unit line: one cell (merged across), or two (编制部门 at the left, 单位 at the right).
  const unitRow = grid.rows.slice(0, 6).findIndex((_, r) => {
    const cells = filled(textOf(grid, r));
    return cells.length >= 1 && cells.length <= 2 && (MONEY_UNIT_LINE.test(cells.at(-1)!) || UNIT_NAME_LINE.test(cells[0]!.trim()));
  });
  const top = unitRow + 1; // 0 when no unit line: the table starts at once (a form with its title inside)
  let bottom = height;
  while (bottom > top) {
    const cells = textOf(grid, bottom - 1);
    const only = filled(cells);
    if (only.length === 1 && cells[0]!.trim() !== '' && NOTE_LINE.test(cells[0]!.trim()) && !(grid.rows[bottom - 1]![0]?.colSpan ?? 0)) bottom--;
    else break;
  }
  const rows = Array.from({ length: bottom - top }, (_, i) => textOf(grid, top + i));
  const merges: string[] = [];
  for (let r = top; r < bottom; r++)
    grid.rows[r]!.forEach((cell, c) => {
      if (!cell || ((cell.rowSpan ?? 1) === 1 && (cell.colSpan ?? 1) === 1)) return;
      const last = [Math.min(r - top + (cell.rowSpan ?? 1), bottom - top), c + (cell.colSpan ?? 1)];
      merges.push(`${columnLetters(c)}${r - top + 1}:${columnLetters(last[1]! - 1)}${last[0]}`);
    });
  const before = Array.from({ length: top }, (_, r) => filled(textOf(grid, r)).join(' '));
  const after = Array.from({ length: height - bottom }, (_, i) => filled(textOf(grid, bottom + i)).join(' '));
  const title = before.find((line) => !MONEY_UNIT_LINE.test(line) && !UNIT_NAME_LINE.test(line) && !TABLE_NUMBER_LINE.test(line.trim()) && !/部门(预|决)算(表|公开)$|^第.部分/.test(line.replace(/\s+/g, ''))) ?? rows[0]?.find((x) => x.trim() !== '') ?? grid.name;
  return { 名称: title.trim(), ...(before.length ? { 前文: before } : {}), 行: rows, ...(merges.length ? { 合并: merges } : {}), ...(after.length ? { 后文: after } : {}) };
}

/** Whether a table's heading (its first rows) prints every label the set gives it. */
function headedAs(entry: BudgetTableInSet, table: BudgetTable): boolean {
  if (entry.columns.length === 0) return false;
  const labels = new Set(table.行.slice(0, 5).flat().map(normalLabel));
  return entry.columns.every((c) => labels.has(normalLabel(c)));
}

/** The one entry of a set whose heading labels a table prints (none when two fit: 政府性基金 and 国有资本经营 tables print the same heading). */
function byHeading(set: BudgetSet, table: BudgetTable): BudgetTableInSet | undefined {
  const fits = set.tables.filter((e) => headedAs(e, table));
  return fits.length === 1 ? fits[0] : undefined;
}
const byTitle = (set: BudgetSet, table: BudgetTable, sheetName: string) => set.tables.find((e) => titleMatches(e, table.名称) || titleMatches(e, sheetName));

export type BudgetImport =
  | { document: BudgetDocument; set: BudgetSet; recognised: { sheet: string; title: string; by: '表名' | '表头' }[]; unknown: string[] }
  | { error: string };

/**
 * The document a workbook holds, or why it is none: undefined when no sheet is a budget table (the
 * file is something else: a 绩效 table alone is no budget document even where a set lists one), an error
 * when it is one but lacks what the file must say.
 */
export function readBudgetWorkbook(file: GridFile, options: { year?: number; 地区?: string; 单位?: string } = {}): BudgetImport | undefined {
  const tables = file.grids.map((grid) => ({ grid, table: tableOfGrid(grid) }));
  const scored = BUDGET_SETS.map((set) => ({ set, hits: tables.filter((t) => (byTitle(set, t.table, t.grid.name) ?? byHeading(set, t.table))?.required).length })).sort((a, b) => b.hits - a.hits);
  const best = scored[0];
  if (!best || best.hits === 0) return undefined;
  const set = best.set;
  const lines = tables.flatMap((t) => [...(t.table.前文 ?? []), t.table.名称, t.grid.name]);
  const year = options.year ?? Number(lines.map((l) => /(\d{4})\s*年/.exec(l)?.[1]).find(Boolean));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { error: '表名和表上方的文字里没有年度：请用 --year 写明，例如 --year 2026' };
  const recognised: { sheet: string; title: string; by: '表名' | '表头' }[] = [];
  const unknown: string[] = [];
  const out: BudgetTable[] = tables.map(({ grid, table }) => {
    const titled = byTitle(set, table, grid.name);
    const entry = titled ?? byHeading(set, table);
    if (!entry) {
      unknown.push(grid.name);
      return table;
    }
    // A table recognised by its heading takes the set's title (the year from the document).
    const title = titled ? (titleMatches(entry, table.名称) ? table.名称 : grid.name) : entry.title.replace('{年度}', String(year));
    recognised.push({ sheet: grid.name, title, by: titled ? '表名' : '表头' });
    return { ...table, 名称: title };
  });
  // 编制部门：X (上海), 单位名称：X (重庆), 部门：X (苏州) or “X 2024 年度部门决算表” above a table names the unit.
  const unit = options.单位 ?? lines.map((l) => /(?:编制部门|单位名称|^部门)[：:]\s*(\S+)/.exec(l)?.[1] ?? /^(?:第.部分\s*)?(\S.*?)\s*\d{4}\s*年度?\s*部门(?:预|决)算表$/.exec(l)?.[1]).find((x) => x && !x.startsWith('单位'));
  return {
    set,
    recognised,
    unknown,
    document: {
      地区: options.地区 ?? placeholder('地区，以省级名称开头，例如 上海市普陀区'),
      单位: unit ?? placeholder('单位名称，照表册'),
      年度: year,
      种类: set.种类,
      表套: set.name,
      原格式: 'xlsx',
      表格: out,
    },
  };
}
