// Reading the cells of a grid (office/grid.ts) the way every table importer does: a cell where it
// starts, the text shown under merges, the cells of a row, 一级/二级 carried down, the lines above a
// table, the header row that names a description's columns, and a cell's text cut short for a
// message. Used by layout-table.ts, result-table.ts and recognise.ts.
import { visibleCell, type Grid, type GridCell } from '../office/grid.ts';
import { labelKey } from '../../schema/table-layouts.ts';

/** A cell at a position that starts there (not covered by a merge from elsewhere). */
export const own = (grid: Grid, r: number, c: number): GridCell | undefined => grid.rows[r]?.[c] ?? undefined;
export const ownText = (grid: Grid, r: number, c: number) => own(grid, r, c)?.text.trim() ?? '';

/** The text shown at a position: its own cell's, or that of the merge covering it. */
export const visibleText = (grid: Grid, r: number, c: number) => visibleCell(grid, r, c)?.cell.text ?? '';

/** Whether a grid has any text (an empty table in a Word file is skipped, not refused). */
export const hasText = (grid: Grid) => grid.rows.some((row) => row.some((c) => c && c.text.trim() !== ''));

/** The cells that start in a row, left to right, with their column and trimmed text. */
export const rowCells = (grid: Grid, r: number) => (grid.rows[r] ?? []).flatMap((cell, c) => (cell ? [{ c, cell, text: cell.text.trim() }] : []));
/** Those of them that are not empty. */
export const filledCells = (grid: Grid, r: number) => rowCells(grid, r).filter((x) => x.text !== '');

/** The indicator levels a group of rows shares, printed once and merged down over the group. */
export const CARRIED_LEVELS = ['一级指标', '二级指标'] as const;

/**
 * 一级/二级 of an indicator row whose own cell is empty: the text of a merge from the rows above,
 * else — text has no merges, so a group's later rows leave it empty — the value of the row above.
 */
export function carriedDown(grid: Grid, r: number, c: number, above: string | undefined): string | undefined {
  const shown = visibleCell(grid, r, c);
  const merged = shown && shown.row < r ? shown.cell.text.trim() : '';
  return merged !== '' ? merged : above;
}

// The lines above a table (or in its first rows): the unit, with or without its code, and the money unit.
export const UNIT_LINE = /^(?:编制|预算|填报|申报)?(?:单位|部门)(?:名称)?[：:]\s*(.+)$/;
/** Matched against the line without spaces. */
export const MONEY_LINE = /^[（(]?(?:金额)?单位[：:]\s*(元|万元)[)）]?$/;
// The code is all the leading digits (`820001` is not code 82000 of unit “1”); the name may be absent.
export const UNIT_CODE = /^(\d{3,15})(?!\d)\s*[-－—_ ]?\s*(.*)$/;

/** A cell's text as a message quotes it: the first 30 characters. */
export const short = (t: string) => (t.length > 30 ? `${t.slice(0, 30)}…` : t);

/** A description's label and its other spellings, as a printed label is compared with them (schema/table-layouts.ts readLabel). */
export const labelsOf = (f: { label: string; aliases?: readonly string[] }) => [f.label, ...(f.aliases ?? [])].map(labelKey);

/** The first row at or after `from` whose own cells name every required column of a table. */
export function headerRowOf(grid: Grid, columns: readonly { label: string; aliases?: readonly string[]; required?: boolean }[], from = 0): number | undefined {
  const required = columns.filter((c) => c.required);
  if (required.length === 0) return undefined;
  for (let r = from; r < grid.rows.length; r++) {
    const texts = new Set((grid.rows[r] ?? []).map((c) => (c ? labelKey(c.text) : '')));
    if (required.every((c) => labelsOf(c).some((l) => texts.has(l)))) return r;
  }
  return undefined;
}
