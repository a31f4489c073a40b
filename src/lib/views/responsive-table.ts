// Column names for the phone layout of data tables (ONS / GOV.UK "responsive table"): below a
// breakpoint each body row reads as a block and each cell shows its column's name, taken from a
// `data-label` attribute (CSS `attr()`), so the name never becomes text of the cell itself.
// The labels are computed here, once, from the table's own <thead>, for every table that
// TableRegion wraps: no .astro file repeats a header's words.

/** What a cell of the rendered HTML needs for the column arithmetic. */
interface CellTag {
  /** Offset of the opening tag's `>`-less end, where an attribute can be inserted. */
  insertAt: number;
  tag: 'td' | 'th';
  attributes: string;
  colspan: number;
  rowspan: number;
  /** Inner HTML (header rows only). */
  inner: string;
}

const CELL_OPEN = /<(td|th)(?=[\s>])([^>]*)>/g;
const ROW_OPEN = /<tr(?=[\s>])[^>]*>/g;

// Compiled once: spanOf runs twice for every cell of every table (tens of thousands per overview page).
const SPAN = { colspan: /\scolspan\s*=\s*["']?(\d+)/i, rowspan: /\srowspan\s*=\s*["']?(\d+)/i };

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const m = SPAN[name].exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** Header text as a reader sees it: tags removed, white space collapsed (entities kept as they are). */
export function textOfHtml(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

function escapeAttribute(text: string): string {
  // Entities from the HTML (&amp; …) stay valid inside an attribute; only quotes need escaping.
  return text.replace(/"/g, '&quot;');
}

/** The cells of each row between `start` and `end` (offsets into html). */
function rowsIn(html: string, start: number, end: number, withInner: boolean): CellTag[][] {
  const section = html.slice(start, end);
  const rowStarts = [...section.matchAll(ROW_OPEN)].map((m) => m.index);
  return rowStarts.map((rowStart, r) => {
    const rowEnd = rowStarts[r + 1] ?? section.length;
    const row = section.slice(rowStart, rowEnd);
    const cells: CellTag[] = [];
    for (const m of row.matchAll(CELL_OPEN)) {
      const tag = m[1] as 'td' | 'th';
      const attributes = m[2] ?? '';
      let inner = '';
      if (withInner) {
        const close = row.indexOf(`</${tag}>`, m.index + m[0].length);
        inner = row.slice(m.index + m[0].length, close === -1 ? row.length : close);
      }
      cells.push({
        insertAt: start + rowStart + m.index + 1 + tag.length,
        tag,
        attributes,
        colspan: spanOf(attributes, 'colspan'),
        rowspan: spanOf(attributes, 'rowspan'),
        inner,
      });
    }
    return cells;
  });
}

/**
 * Walks rows as the HTML table model does (cells taking the first free column, rowspans holding
 * columns below them) and calls `visit` with each cell's first column.
 */
function placeCells(rows: CellTag[][], visit: (cell: CellTag, column: number, row: number) => void) {
  const held: number[] = []; // held[column] = rows still covered by a rowspan above
  rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while ((held[column] ?? 0) > 0) column++;
      visit(cell, column, r);
      for (let c = column; c < column + cell.colspan; c++) held[c] = Math.max(held[c] ?? 0, cell.rowspan);
      column += cell.colspan;
    }
    for (let c = 0; c < held.length; c++) if ((held[c] ?? 0) > 0) held[c]!--;
  });
}

/** The name of each column, from the header rows; stacked headers are joined (`预算数 财政资金`). */
function columnLabels(headerRows: CellTag[][]): string[] {
  const labels: string[][] = [];
  placeCells(headerRows, (cell, column) => {
    const text = textOfHtml(cell.inner);
    if (!text) return;
    for (let c = column; c < column + cell.colspan; c++) {
      const parts = (labels[c] ??= []);
      if (parts[parts.length - 1] !== text) parts.push(text);
    }
  });
  return Array.from(labels, (parts) => (parts ?? []).join(' '));
}

/**
 * Adds `data-label="<column name>"` to every body cell of every table in `html` that has a
 * <thead>, unless the cell is a header itself (a row header is the title of its block) or already
 * has a label. A cell spanning several columns gets the first one's name. Tables without a
 * <thead> (a sheet of row headers and values) are left as they are.
 */
export function labelTableCells(html: string): string {
  const inserts: { at: number; text: string }[] = [];
  const tables = /<table(?=[\s>])[\s\S]*?<\/table>/g;
  for (const table of html.matchAll(tables)) {
    const tableStart = table.index;
    const tableEnd = tableStart + table[0].length;
    const head = /<thead(?=[\s>])[^>]*>([\s\S]*?)<\/thead>/.exec(table[0]);
    if (!head) continue;
    const headStart = tableStart + head.index;
    const labels = columnLabels(rowsIn(html, headStart, headStart + head[0].length, true));
    const bodyStart = headStart + head[0].length;
    placeCells(rowsIn(html, bodyStart, tableEnd, false), (cell, column) => {
      if (cell.tag === 'th' || /\sdata-label\s*=/.test(cell.attributes)) return;
      const label = labels[column];
      if (label) inserts.push({ at: cell.insertAt, text: ` data-label="${escapeAttribute(label)}"` });
    });
  }
  // One pass over the page, joining the pieces between insertion points. (Splicing each label
  // into the whole string copied the page once per labelled cell: on a unit's indicators page,
  // ~7,000 cells × 0.5 MB, a quarter of the build's CPU time at 1,000 projects.)
  inserts.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let from = 0;
  for (const { at, text } of inserts) {
    parts.push(html.slice(from, at), text);
    from = at;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
