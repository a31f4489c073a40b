// One model of a table for every format a province may publish in (Excel, Word, tab-separated
// text): a plain rectangle of cells with its merges, so an importer can find cells by their labels.
// Readers and writers per format: grid-xlsx.ts, grid-docx.ts, grid-text.ts.
//
// Error convention: a reader never throws on a bad file. readXlsxGrids and readDocxGrids resolve to
// `{ error }` (a Chinese message for the user) when the bytes are not such a file; reading text
// cannot fail.
import { displayWidth } from './xlsx-layout.ts';

export interface GridCell {
  /** The cell's text as shown: strings as written (paragraphs/line breaks inside a cell joined with '\n', no trimming except trailing whitespace of each line); numbers formatted (see grid-xlsx.ts). */
  text: string;
  /** Top-left of a merged range: its size (absent = 1). */
  rowSpan?: number;
  colSpan?: number;
  /** xlsx only: the numeric value and its number format ('General' when none), when the cell holds a number. A writer also gives an empty cell the format of what is to be typed there. */
  number?: number;
  numFmt?: string;
  /** Writer hint (ignored by readers): how the cell looks in the written file. */
  style?: 'title' | 'label' | 'value' | 'number' | 'note';
  /** Writer hint: the cell's alignment where it is not its style's (the money unit at the right). */
  align?: 'left' | 'center' | 'right';
}

/** A paragraph outside the tables, with where it is (`第 N 段` in a .docx, `第 N 行` in text). */
export interface GridParagraph {
  text: string;
  where: string;
}

export interface Grid {
  /** Sheet name (xlsx), `表格 N` (docx and text, N from 1). */
  name: string;
  source: 'xlsx' | 'docx' | 'text';
  /** rows[r][c] for every position of the rectangle (all rows padded to the same width); a position covered by a merge but not its top-left is null. Empty cells are { text: '' }. */
  rows: (GridCell | null)[][];
  /** Paragraphs that stand before the table (docx: between the previous table and this one; text: non-tabbed lines before the table). Empty for xlsx. */
  before: GridParagraph[];
  /** text only: the 1-based line number of each row (where the row starts). */
  lines?: number[];
  /** Writer hint: column widths in Excel character units, where the layout fixes them (else estimated). */
  widths?: number[];
}

/** What a file holds: its tables in order, and the paragraphs after the last one (docx, text; none in xlsx). */
export interface GridFile {
  grids: Grid[];
  after: GridParagraph[];
}

/** A reader's answer: the tables, or why the file cannot be read, in Chinese. */
export type GridRead = GridFile | { error: string };

/**
 * How every reader normalises text: line breaks as '\n', trailing whitespace removed from each line
 * and from the whole (so a cell's empty last paragraph, which shows nothing, is dropped too).
 */
export const cellText = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

/** `A`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Where a cell is, in Chinese, for error messages: xlsx `Sheet1!B7`, docx `第 2 个表格 第 3 行第 4 列`, text `第 12 行第 3 列`. */
export function cellWhere(grid: Grid, row: number, col: number): string {
  if (grid.source === 'xlsx') {
    // Excel quotes a sheet name with spaces or punctuation, or starting with a digit, in a reference ('2023 表'!B7).
    const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(grid.name) ? grid.name : `'${grid.name.replaceAll("'", "''")}'`;
    return `${name}!${columnLetters(col)}${row + 1}`;
  }
  if (grid.source === 'docx') {
    // Columns count grid positions, not Word's cells: a merged cell takes as many as it spans.
    const table = /^表格 (\d+)$/.exec(grid.name);
    return `${table ? `第 ${table[1]} 个表格` : `表格“${grid.name}”`} 第 ${row + 1} 行第 ${col + 1} 列`;
  }
  return `第 ${grid.lines?.[row] ?? row + 1} 行第 ${col + 1} 列`;
}

const covers = (cell: GridCell, r: number, c: number, row: number, col: number) =>
  r + (cell.rowSpan ?? 1) > row && c + (cell.colSpan ?? 1) > col;

/** The cell that shows at a position: the top-left of the merge covering it (so a label merged over 2 rows is found from both). */
export function visibleCell(grid: Grid, row: number, col: number): { cell: GridCell; row: number; col: number } | undefined {
  // The top-left is above and to the left; merges are small, so the search starts next to the position.
  for (let r = row; r >= 0; r--) {
    for (let c = col; c >= 0; c--) {
      const cell = grid.rows[r]?.[c];
      if (cell && covers(cell, r, c, row, col)) return { cell, row: r, col: c };
    }
  }
  return undefined;
}

/** The grid's width: all rows have it. */
export const gridWidth = (grid: Grid) => Math.max(0, ...grid.rows.map((cells) => cells.length));

/**
 * For each position, whether a merge from above continues there (its top-left's colSpan), for
 * writers that mark continuations (Word's vMerge) or leave covered cells empty.
 */
export function continuations(grid: Grid): Map<string, GridCell> {
  const out = new Map<string, GridCell>();
  grid.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      for (let n = 1; cell && n < (cell.rowSpan ?? 1); n++) out.set(`${r + n},${c}`, cell);
    }),
  );
  return out;
}

/** Column widths in Excel character units for the writers: the widest unmerged line, within 8…40 (longer text wraps). */
export function estimatedWidths(grid: Grid): number[] {
  return Array.from({ length: gridWidth(grid) }, (_, c) => {
    let widest = 0;
    for (const cells of grid.rows) {
      const cell = cells[c];
      if (cell && (cell.colSpan ?? 1) === 1) widest = Math.max(widest, ...cell.text.split('\n').map(displayWidth));
    }
    return Math.min(40, Math.max(8, widest + 2));
  });
}
