// Grids in Word documents: every table of a .docx read as a grid (gridSpan and vMerge as merges,
// the paragraphs between tables kept), and grids written as a minimal .docx.
import { child, docxDocument, elements, items, paragraphsIn, runsText, type XmlElement } from './docx.ts';
import { docxPackage } from './docx-writer.ts';
import { cellText, continuations, estimatedWidths, gridWidth, visibleCell, type Grid, type GridCell, type GridParagraph, type GridRead } from './grid.ts';

// ---------------------------------------------------------------------------------------------
// Reading.

const textOf = (p: XmlElement) => runsText(p, { tab: '\t', br: '\n' });

/** A placed Word cell: where it starts in the table's grid, how many columns it spans. */
interface Placed {
  col: number;
  span: number;
  text: string;
  /** A `w:vMerge` without `restart`: the cell continues the merge above it. */
  continues: boolean;
}

function tableGrid(tbl: XmlElement, n: number, before: GridParagraph[]): Grid {
  const placed: Placed[][] = items(tbl, 'tr').map((tr) => {
    // Cells left out at the start of a row (w:gridBefore) are empty positions.
    let col = Number(child(child(tr, 'trPr'), 'gridBefore')?.attrs.val ?? 0) || 0;
    return items(tr, 'tc').map((tc) => {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, Number(child(tcPr, 'gridSpan')?.attrs.val ?? 1) || 1);
      const vMerge = child(tcPr, 'vMerge');
      // A nested table's paragraphs are part of the cell's text (paragraphsIn looks inside it).
      const cell = { col, span, text: cellText(paragraphsIn(tc).map(textOf).join('\n')), continues: vMerge !== undefined && vMerge.attrs.val !== 'restart' };
      col += span;
      return cell;
    });
  });
  const width = Math.max(0, ...placed.map((cells) => cells.reduce((end, c) => Math.max(end, c.col + c.span), 0)));
  const rows: (GridCell | null)[][] = placed.map(() => Array.from({ length: width }, () => ({ text: '' })));
  // The top-left position of the cell that starts at each position, to continue vertical merges.
  const origin: Map<number, [number, number]>[] = placed.map(() => new Map());
  placed.forEach((cells, r) =>
    cells.forEach((p) => {
      const above = p.continues ? origin[r - 1]?.get(p.col) : undefined;
      const master = above && rows[above[0]]![above[1]];
      // A continuation joins the merge above only when it spans the same columns; otherwise (a
      // damaged table, or one with nothing to continue) it is a cell of its own.
      if (master && (master.colSpan ?? 1) === p.span) {
        master.rowSpan = r - above[0] + 1;
        for (let c = p.col; c < p.col + p.span; c++) rows[r]![c] = null;
        origin[r]!.set(p.col, above);
        return;
      }
      const cell: GridCell = { text: p.text };
      if (p.span > 1) cell.colSpan = p.span;
      rows[r]![p.col] = cell;
      for (let c = p.col + 1; c < p.col + p.span; c++) rows[r]![c] = null;
      origin[r]!.set(p.col, [r, p.col]);
    }),
  );
  return { name: `表格 ${n}`, source: 'docx', rows, before };
}

/** Body-level blocks, looking through the content controls (w:sdt) that wrap some of them. */
const blocksOf = (e: XmlElement): XmlElement[] => elements(e).flatMap((c) => (c.name === 'sdt' ? blocksOf(child(c, 'sdtContent') ?? c) : [c]));

/**
 * Every table of a .docx in order, each with the non-empty paragraphs before it (since the previous
 * table; `where` is `第 N 段`, counting every body paragraph, empty ones too); the paragraphs after
 * the last table are `after`. `{ error }` when the bytes are not a readable .docx.
 */
export async function readDocxGrids(bytes: Uint8Array): Promise<GridRead> {
  try {
    const body = child(await docxDocument(bytes), 'body');
    if (!body) return { error: '无法读取：word/document.xml 中没有正文（w:body）' };
    const grids: Grid[] = [];
    let pending: GridParagraph[] = [];
    let paragraphs = 0;
    for (const block of blocksOf(body)) {
      if (block.name === 'p') {
        paragraphs++;
        const text = cellText(textOf(block));
        if (text.trim() !== '') pending.push({ text, where: `第 ${paragraphs} 段` });
      } else if (block.name === 'tbl') {
        grids.push(tableGrid(block, grids.length + 1, pending));
        pending = [];
      }
    }
    return { grids, after: pending };
  } catch (e) {
    // docxDocument's messages are for the user already; a damaged document.xml says what is wrong with its XML.
    const message = e instanceof Error ? e.message : String(e);
    return { error: message.startsWith('无法') ? message : `无法读取 Word 文档：${message}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** Text for XML: escaped, without the control characters XML 1.0 does not allow (Word refuses the file). */
const esc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** One run: tabs as w:tab, line breaks as w:br. */
function run(text: string, rPr = ''): string {
  if (text === '') return '';
  const parts = text.split(/\r\n?|\n/).map((line) =>
    line
      .split('\t')
      .map((t) => (t === '' ? '' : `<w:t xml:space="preserve">${esc(t)}</w:t>`))
      .join('<w:tab/>'),
  );
  return `<w:r>${rPr}${parts.join('<w:br/>')}</w:r>`;
}

const paragraph = (text: string, pPr = '', rPr = '') => `<w:p>${pPr}${run(text, rPr)}</w:p>`;

// Landscape A4 like the Excel sheets: 16838 × 11906 twips, 2.54 cm margins.
const PAGE = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
const TEXT_WIDTH = 16838 - 2 * 1440;

function tableXml(grid: Grid): string {
  const width = gridWidth(grid);
  const estimated = estimatedWidths(grid);
  const total = estimated.reduce((a, b) => a + b, 0);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const tblPr = `<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>`;
  const tblGrid = `<w:tblGrid>${estimated.map((w) => `<w:gridCol w:w="${Math.floor((TEXT_WIDTH * w) / total)}"/>`).join('')}</w:tblGrid>`;
  const continued = continuations(grid);
  const tc = (tcPr: string, content: string) => `<w:tc><w:tcPr>${tcPr}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
  const span = (n: number | undefined) => ((n ?? 1) > 1 ? `<w:gridSpan w:val="${n}"/>` : '');
  const rows = grid.rows.map((cells, r) => {
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      if (!cell) {
        // Below a merge's first row Word wants a continuing cell as wide as the merge; the other
        // covered positions belong to a cell already written. A position nothing covers stays a cell.
        const above = continued.get(`${r},${c}`);
        if (above) out.push(tc(`${span(above.colSpan)}<w:vMerge/>`, '<w:p/>'));
        else if (!visibleCell(grid, r, c)) out.push(tc('', '<w:p/>'));
        continue;
      }
      const style = cell.style ?? (cell.number !== undefined ? 'number' : 'value');
      const jc = style === 'title' || style === 'label' ? 'center' : style === 'number' ? 'right' : '';
      const pPr = jc ? `<w:pPr><w:jc w:val="${jc}"/></w:pPr>` : '';
      const rPr = style === 'title' ? '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>' : style === 'label' ? '<w:rPr><w:b/></w:rPr>' : '';
      const shd = style === 'label' ? '<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>' : '';
      // Each line of the cell is a paragraph of its own, as Word users type them.
      const content = cell.text.split(/\r\n?|\n/).map((line) => paragraph(line, pPr, rPr)).join('');
      out.push(tc(`${span(cell.colSpan)}${(cell.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : ''}${shd}`, content));
    }
    return `<w:tr>${out.join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${tblGrid}${rows.join('')}</w:tbl>`;
}

/**
 * The grids as a .docx on landscape A4: each grid's `before` paragraphs, then its table. An empty
 * grid writes no table (Word requires a row). The same grids and `date` give the same bytes.
 */
export async function writeDocxGrids(grids: Grid[], { date }: { date: Date }): Promise<Uint8Array> {
  const body = grids
    .map((grid, i) => {
      const before = grid.before.map((p) => paragraph(p.text)).join('');
      // Word joins tables that touch into one: an empty paragraph keeps them apart.
      return (before || (i > 0 ? '<w:p/>' : '')) + (grid.rows.length > 0 && gridWidth(grid) > 0 ? tableXml(grid) : '');
    })
    .join('');
  // Word ends the body with a paragraph after a last table.
  return docxPackage(`${body}<w:p/>`, { date, sectPr: PAGE });
}
