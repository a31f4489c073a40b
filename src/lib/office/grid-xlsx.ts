// Grids in Excel workbooks: every worksheet read as a grid with its merges and numbers, and grids
// written as a workbook with one bordered, printable sheet each (same input and date → same bytes).
import ExcelJS from 'exceljs';
import { deflateZip } from './zip.ts';
import { cellText, estimatedWidths, gridWidth, type Grid, type GridCell, type GridRead } from './grid.ts';
import { A4_LANDSCAPE, BORDER, LABEL_FILL, displayWidth, stampWorkbook } from './xlsx-layout.ts';

// ---------------------------------------------------------------------------------------------
// Numbers as Excel shows them.

/**
 * A number as plain decimal text at Excel's precision, 15 significant digits (so 0.1+0.2 is 0.3),
 * without an exponent and without trailing zeros: 1e-7 → 0.0000001.
 */
export function decimalText(n: number): string {
  const [mantissa, exp] = Math.abs(n).toExponential(14).split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const point = Number(exp) + 1; // digits before the decimal point
  const int = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const frac = (point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(0, point))).replace(/0+$/, '');
  return `${n < 0 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A decimal string rounded half away from zero (as Excel rounds for display) to `places` decimals. */
function round(s: string, places: number): string {
  const negative = s.startsWith('-');
  const [int, frac = ''] = s.replace('-', '').split('.') as [string, string?];
  let digits = int + frac.padEnd(places, '0').slice(0, places);
  if ((frac[places] ?? '0') >= '5') {
    // Add one to the last kept digit, carrying to the left.
    const out = [...digits];
    let i = out.length - 1;
    for (; i >= 0 && out[i] === '9'; i--) out[i] = '0';
    digits = i < 0 ? `1${out.join('')}` : [...out.slice(0, i), String(Number(out[i]) + 1), ...out.slice(i + 1)].join('');
  }
  const intPart = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, '') || '0';
  const text = places > 0 ? `${intPart}.${digits.slice(digits.length - places)}` : intPart;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** The first section of a format (the one for positive numbers), without colours, conditions, padding (`_)`) and fills (`*-`). */
const positiveSection = (numFmt: string) => numFmt.split(';')[0]!.replace(/\[[^\]]*\]|_.|\*./g, '');

/**
 * A number's text as the importer wants it: with the decimals of a plain fixed-decimal format but
 * no thousands separators (219800 in `#,##0.00` → 219800.00), a percent format as a percent
 * (0.25 in `0%` → 25%), otherwise the shortest text that reads back as the number. A negative
 * number keeps its minus sign even where the format's negative section would show it otherwise.
 */
export function numberText(n: number, numFmt: string): string {
  if (!Number.isFinite(n)) return String(n);
  const section = positiveSection(numFmt);
  const fixed = /^(?:#,##)?0(?:\.(0+))?$/.exec(section);
  if (fixed) return round(decimalText(n), fixed[1]?.length ?? 0);
  const percent = /^0(?:\.(0+))?%$/.exec(section);
  if (percent) {
    // ×100 on the decimal text, not the double: 0.0725 * 100 is 7.249999999999999.
    const [int, frac = ''] = decimalText(n).split('.') as [string, string?];
    const shifted = `${int}${frac.padEnd(2, '0').slice(0, 2)}.${frac.slice(2) || '0'}`;
    return `${round(shifted, percent[1]?.length ?? 0)}%`;
  }
  return String(Number(n.toPrecision(15)));
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** `2023-03-01`, with the time when it has one. Excel's dates carry no zone: exceljs gives them as UTC. */
function dateText(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000); // a serial's float noise: 08:29:59.9997
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A cell's content, or undefined when it shows nothing. */
function readCell(value: ExcelJS.CellValue, numFmt: string): GridCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { text: numberText(value, numFmt), number: value, numFmt };
  if (typeof value === 'string') return value === '' ? undefined : { text: cellText(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('richText' in value) return readCell(value.richText.map((r) => r.text).join(''), numFmt);
  if ('error' in value) return { text: String(value.error) };
  // A formula shows its cached result (none when the file was never calculated).
  if ('formula' in value || 'sharedFormula' in value) return readCell((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  if ('text' in value) return readCell(value.text as ExcelJS.CellValue, numFmt); // a hyperlink
  return undefined;
}

/** `B7` → [6, 1], 0-based. */
function position(address: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!m) throw new Error(`无法识别的单元格地址 ${address}`);
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]) - 1, col - 1];
}

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const contents = new Map<string, GridCell>();
  let height = 0;
  let width = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      // A merged range's other cells repeat its first cell's value in exceljs; the first one holds it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const read = readCell(cell.value, typeof cell.numFmt === 'string' ? cell.numFmt : 'General');
      if (!read) return;
      const [r, c] = [Number(cell.row) - 1, Number(cell.col) - 1];
      contents.set(`${r},${c}`, read);
      [height, width] = [Math.max(height, r + 1), Math.max(width, c + 1)];
    }),
  );
  // A merge whose first cell has content keeps the rows and columns it covers (a title across an
  // otherwise shorter table); merges of empty cells do not, and are cut at the table's edge.
  const merges = (sheet.model.merges ?? []).map((range) => {
    const [from, to = from] = range.split(':') as [string, string?];
    return [...position(from), ...position(to)] as [number, number, number, number];
  });
  for (const [top, left, bottom, right] of merges) {
    if (contents.has(`${top},${left}`)) [height, width] = [Math.max(height, bottom + 1), Math.max(width, right + 1)];
  }
  const rows: (GridCell | null)[][] = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => contents.get(`${r},${c}`) ?? { text: '' }));
  for (const [top, left, b, r] of merges) {
    const [bottom, right] = [Math.min(b, height - 1), Math.min(r, width - 1)];
    if (top > bottom || left > right || (top === bottom && left === right)) continue;
    // Overlapping merges are invalid (Excel repairs the file): the first one wins.
    const covered = rows.slice(top, bottom + 1).some((cells) => cells.slice(left, right + 1).some((cell) => cell === null));
    if (covered) continue;
    for (let rr = top; rr <= bottom; rr++) for (let cc = left; cc <= right; cc++) if (rr !== top || cc !== left) rows[rr]![cc] = null;
    const master = rows[top]![left]!;
    if (bottom > top) master.rowSpan = bottom - top + 1;
    if (right > left) master.colSpan = right - left + 1;
  }
  return { name: sheet.name, source: 'xlsx', rows, before: [] };
}

/** Every worksheet of a workbook, in order; `{ error }` when the bytes are not a readable .xlsx. */
export async function readXlsxGrids(bytes: Uint8Array): Promise<GridRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    return { error: '无法打开：这不是有效的 Excel 工作簿（.xlsx）。.xls 格式请先用 Excel 或 WPS 另存为 .xlsx' };
  }
  if (workbook.worksheets.length === 0) return { error: '无法读取：文件中没有工作表，不是 Excel 工作簿（.xlsx）' };
  try {
    return { grids: workbook.worksheets.map(sheetGrid), after: [] };
  } catch (e) {
    return { error: `无法读取 Excel 工作簿：${e instanceof Error ? e.message : String(e)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** Sheet names Excel accepts: no `*?:\/[]`, no quote at either end, at most 31 characters, unique regardless of case. */
function sheetNames(grids: Grid[]): string[] {
  const taken = new Set<string>();
  return grids.map((grid, i) => {
    const base = grid.name.replace(/[*?:\\/[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || `Sheet${i + 1}`;
    let name = base === 'History' ? 'History_' : base; // exceljs reserves it
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - `(${n})`.length)}(${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

const LINE_HEIGHT = 15;
const TITLE_LINE_HEIGHT = 24;

/**
 * One worksheet per grid, named grid.name (made acceptable to Excel), `before` paragraphs as
 * rows above the table, columns as wide as grid.widths says or as estimated from the text. The
 * same grids and `date` give the same bytes.
 */
export async function writeXlsxGrids(grids: Grid[], { date }: { date: Date }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  stampWorkbook(workbook, date);
  const names = sheetNames(grids);
  grids.forEach((grid, i) => {
    const sheet = workbook.addWorksheet(names[i]!, { views: [{ showGridLines: false }], pageSetup: { ...A4_LANDSCAPE } });
    const width = Math.max(1, gridWidth(grid));
    const estimated = estimatedWidths(grid);
    const columns = Array.from({ length: width }, (_, c) => grid.widths?.[c] ?? estimated[c] ?? 8);
    sheet.columns = columns.map((w) => ({ width: w }));
    // Row heights: Excel does not grow rows for wrapped text in merged cells, so estimate them.
    const lines = new Map<number, number>();
    const need = (row: number, count: number) => lines.set(row, Math.max(lines.get(row) ?? 1, count));
    /** Lines the text wraps to in these columns; `scale` for a larger font. */
    const linesOf = (text: string, from: number, span: number, scale = 1) => {
      const room = Math.max(1, columns.slice(from, from + span).reduce((a, b) => a + b, 0) - 1);
      return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * scale) / room)), 0);
    };

    grid.before.forEach((p, r) => {
      if (width > 1) sheet.mergeCells(r + 1, 1, r + 1, width);
      const cell = sheet.getCell(r + 1, 1);
      cell.value = p.text === '' ? null : p.text;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'left' };
      need(r + 1, linesOf(p.text, 0, width));
    });

    const top = grid.before.length + 1; // the sheet row of grid row 0
    const unbordered = new Set<number>();
    const titled = new Set<number>();
    grid.rows.forEach((cells, r) => {
      const row = top + r;
      const shown = cells.filter((cell): cell is GridCell => cell !== null);
      // Title and note rows stand outside the table's borders.
      if (shown.length > 0 && shown.every((cell) => cell.style === 'title' || cell.style === 'note')) unbordered.add(row);
      if (shown.some((cell) => cell.style === 'title')) titled.add(row);
      cells.forEach((g, c) => {
        if (!g) return;
        const cell = sheet.getCell(row, c + 1);
        const style = g.style ?? (g.number !== undefined ? 'number' : 'value');
        cell.value = g.number !== undefined ? g.number : g.text === '' ? null : g.text;
        if (g.numFmt && g.numFmt !== 'General') cell.numFmt = g.numFmt;
        const horizontal = g.align ?? (style === 'title' || style === 'label' ? 'center' : style === 'number' ? 'right' : 'left');
        cell.alignment = { wrapText: true, vertical: 'middle', horizontal };
        if (style === 'title') cell.font = { bold: true, size: 16 };
        if (style === 'label') {
          cell.font = { bold: true };
          cell.fill = LABEL_FILL;
        }
        const [rowSpan, colSpan] = [g.rowSpan ?? 1, g.colSpan ?? 1];
        if (rowSpan > 1 || colSpan > 1) sheet.mergeCells(row, c + 1, row + rowSpan - 1, c + colSpan);
        // A cell merged down shares its lines among its rows.
        const count = Math.ceil(linesOf(g.text, c, colSpan, style === 'title' ? 16 / 11 : 1) / rowSpan);
        for (let n = 0; n < rowSpan; n++) need(row + n, count);
      });
    });
    // Borders go on every cell of a bordered row, the covered cells of a merge too: Excel draws each cell's own.
    grid.rows.forEach((_, r) => {
      if (unbordered.has(top + r)) return;
      for (let c = 1; c <= width; c++) sheet.getCell(top + r, c).border = BORDER;
    });
    for (let row = 1; row < top + grid.rows.length; row++) {
      const count = lines.get(row) ?? 1;
      sheet.getRow(row).height = titled.has(row) ? Math.max(32, count * TITLE_LINE_HEIGHT + 8) : Math.max(20, count * LINE_HEIGHT + 5);
    }
  });
  // Stored by JSZip, deflated by Node's zlib and dated `date`: see deflateZip.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions> as ExcelJS.XlsxWriteOptions));
  return deflateZip(bytes, date);
}
