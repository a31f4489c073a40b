// Reads a Word .docx of an approved 部门预算绩效目标 document into the line format of its text
// export; import/source-text.ts (importDocx) imports those lines with parseSourceText, so .txt and .docx go through one parser.
//
// Lines, as the text export has them (see source-text.ts):
// - a paragraph is one line; tabs and line breaks inside it become spaces (a tab would make a cell);
// - headings: a `_Toc…` bookmark (Word puts one on every heading a table of contents lists) is
//   written `[bookmark: _Toc…]` where it stands in the paragraph. A document without any such
//   bookmark falls back to paragraphs with a heading style (1–9) or an outline level, which get
//   the prefix `[bookmark: 标题]`;
// - a table row is one line per cell, `\t` + the cell's text (its paragraphs joined by a space),
//   then an empty line. `w:gridSpan` n is the cell then n−1 empty cells and a `w:vMerge`
//   continuation is an empty cell, so every row keeps the approved table's 7 column slots;
// - except the 分项绩效目标 table (the tables under a heading ending in 分项绩效目标): one line per
//   row, cells joined by tabs, and a merged 职能 cell is named only in its first row — that is how
//   the text export writes it and how parseSourceText reads it.
import JSZip from 'jszip';

// ---------------------------------------------------------------------------------------------
// A minimal XML reader: elements with local names (prefixes dropped) and text. WordprocessingML
// needs no more, and it saves a dependency.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] !== '#' ? (ENTITIES[e] ?? all) : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '', attrs: {}, children: [] };
  const stack = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g;
  let at = 0;
  for (const m of xml.matchAll(token)) {
    const parent = stack.at(-1)!;
    if (m.index > at) parent.children.push(decode(xml.slice(at, m.index)));
    at = m.index + m[0].length;
    if (m[1] !== undefined) parent.children.push(m[1]);
    else if (m[3] === undefined) continue; // comment, declaration
    else if (m[2] === '/') {
      if (stack.length === 1 || parent.name !== local(m[3])) throw new Error(`XML 结构错误：意外的 </${m[3]}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of m[4]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[local(a[1]!)] = decode(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name: local(m[3]), attrs, children: [] };
      parent.children.push(element);
      if (!m[5]) stack.push(element);
    }
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (stack.length !== 1 || !top) throw new Error('XML 结构错误：元素没有闭合');
  return top;
}

export const elements = (e: XmlElement) => e.children.filter((c): c is XmlElement => typeof c !== 'string');
export const child = (e: XmlElement | undefined, name: string) => (e ? elements(e).find((c) => c.name === name) : undefined);

/** Children of `e` named `name`, looking through content controls (w:sdt) that wrap them. */
export function items(e: XmlElement, name: string): XmlElement[] {
  return elements(e).flatMap((c) => (c.name === name ? [c] : c.name === 'sdt' ? items(child(c, 'sdtContent') ?? c, name) : []));
}

/** Paragraphs anywhere inside `e` (nested tables, content controls), not those inside a paragraph. */
export const paragraphsIn = (e: XmlElement): XmlElement[] => elements(e).flatMap((c) => (c.name === 'p' ? [c] : paragraphsIn(c)));

/**
 * The text of the runs in `p` (a paragraph, or anything holding runs): `w:tab` written as `tab`,
 * `w:br`/`w:cr` as `br`, a bookmark start as whatever `bookmark` makes of its name.
 */
export function runsText(p: XmlElement, { tab, br, bookmark }: { tab: string; br: string; bookmark?: (name: string) => string }): string {
  let out = '';
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 't') out += c.children.filter((t) => typeof t === 'string').join('');
      else if (c.name === 'tab') out += tab;
      else if (c.name === 'br' || c.name === 'cr') out += br;
      else if (c.name === 'bookmarkStart') out += bookmark?.(c.attrs.name ?? '') ?? '';
      // Paragraph and run properties hold tab stops, not tabs; deleted text and drawings are not text.
      else if (!['pPr', 'rPr', 'del', 'moveFrom', 'drawing', 'pict', 'AlternateContent'].includes(c.name)) walk(c);
    }
  };
  walk(p);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Document → lines.

export interface DocxLines {
  lines: string[];
  /** For each line, where it comes from in the document, in words a Word user can follow. */
  where: string[];
}

const TOC = /^_Toc/;
const HEADING_STYLE = /^(heading|标题)\s*[1-9]$|^[1-9]$/i;

/** Text of a paragraph (or of anything holding runs), with `_Toc` bookmarks written inline when wanted. */
function paragraphText(p: XmlElement, bookmarks: boolean): string {
  const out = runsText(p, { tab: ' ', br: ' ', bookmark: (name) => (bookmarks && TOC.test(name) ? `[bookmark: ${name}]` : '') });
  // A line break inside a w:t would split the line; a tab would make a cell.
  return out.replace(/\r\n|[\r\n\t]/g, ' ');
}

function isHeadingStyled(p: XmlElement): boolean {
  const pPr = child(p, 'pPr');
  const style = child(pPr, 'pStyle')?.attrs.val ?? '';
  const outline = child(pPr, 'outlineLvl')?.attrs.val;
  return HEADING_STYLE.test(style) || (outline !== undefined && Number(outline) < 9);
}

const hasTocBookmark = (e: XmlElement): boolean => elements(e).some((c) => (c.name === 'bookmarkStart' && TOC.test(c.attrs.name ?? '')) || hasTocBookmark(c));

export function documentLines(document: XmlElement): DocxLines {
  const body = child(document, 'body');
  if (!body) throw new Error('word/document.xml 中没有正文（w:body）');
  const lines: string[] = [];
  const where: string[] = [];
  const add = (line: string, place: string) => {
    lines.push(line);
    where.push(place);
  };
  const bookmarks = hasTocBookmark(body);
  let heading = '';
  let paragraphs = 0;
  let tables = 0;
  const after = () => (heading ? `标题“${heading}”之后` : '文件开头');

  for (const block of elements(body).flatMap((e) => (e.name === 'sdt' ? elements(child(e, 'sdtContent') ?? e) : [e]))) {
    if (block.name === 'p') {
      let line = paragraphText(block, bookmarks);
      if (!bookmarks && isHeadingStyled(block)) line = `[bookmark: 标题]${line}`;
      const title = /^\s*\[bookmark: [^\]]*\](.*)$/.exec(line);
      if (title) {
        heading = title[1]!.trim();
        [paragraphs, tables] = [0, 0];
        add(line, `标题“${heading}”`);
      } else add(line, `${after()}的第 ${++paragraphs} 段`);
    } else if (block.name === 'tbl') {
      const table = `${after()}的第 ${++tables} 个表格`;
      const rowPerLine = /分项绩效目标$/.test(heading);
      items(block, 'tr').forEach((tr, r) => {
        const cells: { text: string; place: string }[] = [];
        const gridBefore = Number(child(child(tr, 'trPr'), 'gridBefore')?.attrs.val ?? 0);
        if (!rowPerLine) for (let n = 0; n < gridBefore; n++) cells.push({ text: '', place: `${table}第 ${r + 1} 行开头的空位` });
        items(tr, 'tc').forEach((tc, c) => {
          const tcPr = child(tc, 'tcPr');
          const span = Math.max(1, Number(child(tcPr, 'gridSpan')?.attrs.val ?? 1));
          const vMerge = child(tcPr, 'vMerge');
          const continued = vMerge !== undefined && vMerge.attrs.val !== 'restart';
          if (continued && rowPerLine) return;
          const place = `${table}第 ${r + 1} 行第 ${c + 1} 格`;
          const text = continued ? '' : paragraphsIn(tc).map((p) => paragraphText(p, false)).filter((t) => t !== '').join(' ');
          cells.push({ text, place });
          for (let n = 1; n < span; n++) cells.push({ text: '', place });
        });
        if (rowPerLine) add(cells.map((c) => c.text).join('\t'), `${table}第 ${r + 1} 行`);
        else {
          for (const cell of cells) add(`\t${cell.text}`, cell.place);
          add('', `${table}第 ${r + 1} 行之后`);
        }
      });
    }
  }
  return { lines, where };
}

/** The parsed word/document.xml of a .docx; throws with a message for the user when the file is not a Word document. */
export async function docxDocument(bytes: Uint8Array): Promise<XmlElement> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  } catch {
    throw new Error('无法打开：这不是有效的 Word 文档（.docx）。.doc 格式请先用 Word 或 WPS 另存为 .docx');
  }
  if (xml === undefined) throw new Error('无法读取：文件中没有 word/document.xml，不是 Word 文档（.docx）');
  return parseXml(xml);
}

/** The lines of a .docx; throws with a message for the user when the file is not a Word document. */
export async function docxLines(bytes: Uint8Array): Promise<DocxLines> {
  return documentLines(await docxDocument(bytes));
}
