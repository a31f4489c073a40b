// Builds a minimal Word .docx from the text export of an approved document: the inverse of
// docx.ts, so that tests can import the real document as Word without a hand-made binary fixture.
// Headings become paragraphs with their `_Toc` bookmark, the 分项绩效目标 rows (tab-separated
// lines) one table, and each run of cell lines (rows ended by an empty line) a Word table.
import JSZip from 'jszip';
import { setZipTimes } from './zip.ts';

const BOOKMARK = /^(\s*)\[bookmark: ([^\]]*)\](.*)$/;

type Cell = { text: string; span: number; vMerge?: 'restart' | 'continue' };
type Block = { kind: 'p'; text: string } | { kind: 'table'; rowPerLine: boolean; rows: string[][] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, bold = false) => (text === '' ? '' : `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`);

/** Splits the text export into paragraphs and tables; throws where a row is not ended by an empty line. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let table: Extract<Block, { kind: 'table' }> | undefined;
  let row: string[] | undefined;
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('\t')) {
      if (!row) {
        if (!table || table.rowPerLine) blocks.push((table = { kind: 'table', rowPerLine: false, rows: [] }));
        table.rows.push((row = []));
      }
      row.push(line.slice(1));
      return;
    }
    if (row) {
      if (line !== '') throw new Error(`第 ${i + 1} 行：表格行后面应是空行`);
      row = undefined; // the empty line that ends a row belongs to the row
      return;
    }
    if (line.includes('\t')) {
      if (!table || !table.rowPerLine) blocks.push((table = { kind: 'table', rowPerLine: true, rows: [] }));
      table.rows.push(line.split('\t'));
      return;
    }
    table = undefined;
    blocks.push({ kind: 'p', text: line });
  });
  if (row) throw new Error('文件结尾：表格行后面应是空行');
  return blocks;
}

function paragraphXml(text: string, id: number): string {
  const heading = BOOKMARK.exec(text);
  if (!heading) return `<w:p>${run(text)}</w:p>`;
  const [, lead, name, rest] = heading;
  return (
    `<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>${run(lead!)}<w:bookmarkStart w:id="${id}" w:name="${esc(name!)}"/>` +
    `${run(rest!, true)}<w:bookmarkEnd w:id="${id}"/></w:p>`
  );
}

/**
 * Cells of one row. Merges are only where the export evidently has them, and always so that
 * docx.ts gives the same lines back: trailing empty cells join the last filled one (gridSpan),
 * 绩效指标描述 spans its two columns, and in the indicator table an empty 一级/二级 cell continues
 * the one above (vMerge). In the 分项绩效目标 table a row that starts with the group's 职能描述
 * gets a continuation cell for the merged 职能 in front.
 */
function cellsOf(table: Extract<Block, { kind: 'table' }>): Cell[][] {
  if (table.rowPerLine) {
    let description: string | undefined;
    return table.rows.map((cells) => {
      if (description !== undefined && cells[0] === description) return [{ text: '', span: 1, vMerge: 'continue' }, ...cells.map((text) => ({ text, span: 1 }))];
      description = cells[1];
      return cells.map((text, i) => ({ text, span: 1, ...(i === 0 ? { vMerge: 'restart' as const } : {}) }));
    });
  }
  const indicators = table.rows[0]?.[0]?.trim() === '一级指标';
  const rows: Cell[][] = table.rows.map((texts, r) => {
    const cells: Cell[] = texts.map((text) => ({ text, span: 1 }));
    if (indicators && r > 0) {
      if (texts[0] === '') cells[0]!.vMerge = 'continue';
      if (texts[0] === '' && texts[1] === '') cells[1]!.vMerge = 'continue';
    }
    return cells;
  });
  // A continued cell's merge starts at the nearest filled cell above it in the same column.
  for (const column of [0, 1]) {
    rows.forEach((cells, r) => {
      if (cells[column]?.vMerge !== 'continue') return;
      const above = rows[r - 1]?.[column];
      if (above && above.vMerge === undefined) above.vMerge = 'restart';
    });
  }
  return rows.map((cells) => {
    const out: Cell[] = [];
    cells.forEach((cell, i) => {
      const previous = out.at(-1);
      const trailing = cells.slice(i).every((c) => c.text === '' && !c.vMerge);
      const description = indicators && i === 4 && previous?.text !== '';
      if (previous && previous.text !== '' && !previous.vMerge && cell.text === '' && !cell.vMerge && (trailing || description)) previous.span++;
      else out.push(cell);
    });
    return out;
  });
}

function tableXml(table: Extract<Block, { kind: 'table' }>): string {
  const rows = cellsOf(table);
  const columns = Math.max(...rows.map((cells) => cells.reduce((n, c) => n + c.span, 0)));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${Math.floor(9000 / columns)}"/>`.repeat(columns)}</w:tblGrid>`;
  const props = `<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>`;
  const rowXml = (cells: Cell[]) => {
    const missing = columns - cells.reduce((n, c) => n + c.span, 0);
    const trPr = missing > 0 ? `<w:trPr><w:gridAfter w:val="${missing}"/></w:trPr>` : '';
    const tc = (c: Cell) => {
      const tcPr = `${c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge ? '<w:vMerge/>' : ''}`;
      return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}<w:p>${run(c.text)}</w:p></w:tc>`;
    };
    return `<w:tr>${trPr}${cells.map(tc).join('')}</w:tr>`;
  };
  return `<w:tbl>${props}${grid}${rows.map(rowXml).join('')}</w:tbl>`;
}

/** The .docx bytes; `date` stamps the ZIP entries so the same text gives the same bytes. */
export async function sourceTextToDocx(text: string, { date }: { date: Date }): Promise<Uint8Array> {
  let bookmark = 0;
  const body = blocksOf(text)
    .map((block) => (block.kind === 'p' ? paragraphXml(block.text, bookmark++) : tableXml(block)))
    .join('');
  return docxPackage(body, {
    date,
    sectPr: '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>',
  });
}

/** A minimal .docx around the body's paragraphs and tables (`w:` prefix); `date` stamps the ZIP entries. */
export async function docxPackage(body: string, { date, sectPr }: { date: Date; sectPr: string }): Promise<Uint8Array> {
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    sectPr +
    '</w:body></w:document>';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    { date },
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    { date },
  );
  zip.file('word/document.xml', document, { date });
  // JSZip adds an entry for each folder (_rels/, word/) stamped with the current time, not `date`.
  return setZipTimes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), date);
}
