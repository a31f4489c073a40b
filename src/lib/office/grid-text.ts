// Tables in tab-separated text, as copying a table from Excel, WPS or Word into a .txt gives it (or
// Excel's “Unicode 文本” save): a line with a tab is a row, consecutive rows are one table.
import { cellText, type Grid, type GridCell, type GridFile, type GridParagraph } from './grid.ts';

/**
 * A text file's bytes as a string: a byte-order mark says the encoding (Excel's “Unicode 文本” is
 * UTF-16LE with one); without one UTF-8, or GB18030 (what Chinese Windows saves as “ANSI”) when
 * the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The fields of the record starting at `pos`, and where the next record starts. A field that
 * starts with a double quote is quoted as Excel writes it (doubled quotes inside, tabs and line
 * breaks allowed) only when its closing quote is followed by a tab, a line end or the end of the
 * text; otherwise the quote is just part of the text (`"中国"制造`).
 */
function record(text: string, pos: number): { fields: string[]; next: number } {
  const fields: string[] = [];
  for (;;) {
    let field: string | undefined;
    if (text[pos] === '"') {
      let j = pos + 1;
      let buf = '';
      while (j < text.length && !(text[j] === '"' && text[j + 1] !== '"')) {
        buf += text[j];
        j += text[j] === '"' ? 2 : 1;
      }
      if (j < text.length && (j + 1 === text.length || text[j + 1] === '\t' || text[j + 1] === '\n')) {
        field = buf;
        pos = j + 1;
      }
    }
    if (field === undefined) {
      const end = text.slice(pos).search(/[\t\n]/);
      field = end < 0 ? text.slice(pos) : text.slice(pos, pos + end);
      pos += field.length;
    }
    fields.push(field);
    if (text[pos] !== '\t') return { fields, next: pos + 1 };
    pos++;
  }
}

/** Every table of the text in order; lines before a table are its `before`, lines after the last one `after`. */
export function readTextGrids(input: string): GridFile {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const grids: Grid[] = [];
  let pending: GridParagraph[] = [];
  let table: Grid | undefined;
  let line = 1;
  for (let pos = 0; pos < text.length; ) {
    const { fields, next } = record(text, pos);
    if (fields.length >= 2) {
      if (!table) {
        grids.push((table = { name: `表格 ${grids.length + 1}`, source: 'text', rows: [], before: pending, lines: [] }));
        pending = [];
      }
      table.rows.push(fields.map((f): GridCell => ({ text: cellText(f) })));
      table.lines!.push(line);
      line += (text.slice(pos, next).match(/\n/g) ?? []).length;
      pos = next;
      continue;
    }
    // Not a row: one physical line (a lone quoted field spanning lines is not taken as one).
    const end = text.indexOf('\n', pos);
    const raw = text.slice(pos, end < 0 ? text.length : end);
    table = undefined;
    if (raw.trim() !== '') pending.push({ text: raw.trimEnd(), where: `第 ${line} 行` });
    line++;
    pos = end < 0 ? text.length : end + 1;
  }
  for (const grid of grids) {
    const width = Math.max(...grid.rows.map((cells) => cells.length));
    for (const cells of grid.rows) while (cells.length < width) cells.push({ text: '' });
  }
  return { grids, after: pending };
}

/** A field as Excel writes it: in double quotes, quotes doubled, when it holds a tab, line break or quote. */
const field = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * The grids as text: each grid's `before` lines, then one line per row, a blank line between
 * tables. Text has no merges: a merged cell's text stands in its top-left, covered positions are
 * empty. A tab in a `before` line becomes a space (it would make the line a row); a one-column
 * grid has no tabs and so does not read back as a table.
 */
export function writeTextGrids(grids: Grid[]): string {
  return grids
    .map((grid) => {
      const before = grid.before.filter((p) => p.text.trim() !== '').map((p) => p.text.replaceAll('\t', ' ') + '\n');
      const rows = grid.rows.map((cells) => cells.map((cell) => field(cell?.text ?? '')).join('\t') + '\n');
      return before.join('') + rows.join('');
    })
    .join('\n');
}
