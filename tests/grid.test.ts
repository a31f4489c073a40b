// One grid model of a table for .xlsx, .docx and tab-separated text: each writer's output reads
// back to the same grid, the writers are byte-stable, and bad files give a Chinese error.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { cellWhere, visibleCell, type Grid, type GridCell, type GridFile, type GridRead } from '../src/lib/office/grid.ts';
import { readDocxGrids, writeDocxGrids } from '../src/lib/office/grid-docx.ts';
import { decodeText, readTextGrids, writeTextGrids } from '../src/lib/office/grid-text.ts';
import { numberText, readXlsxGrids, writeXlsxGrids } from '../src/lib/office/grid-xlsx.ts';

const DATE = new Date('2024-03-01T08:00:00Z');

/**
 *   0  2023年项目绩效目标表 (title, across all 5 columns)
 *   1  项目名称 | 道路维护 (2 columns)        | 单位 | 万元
 *   2  项目 (3 rows) | 产出指标 (2 rows) | 数量指标 | 219800 (0.00)       | 两行\n文字
 *   3                |                   | 质量指标 | 1234.5 (#,##0.0000) | (empty)
 *   4                | 效益指标          | 满意度   | 0.25 (0%)           | 他说"好"\t制表
 */
function sample(name: string, source: Grid['source']): Grid {
  const c = (text: string, more: Partial<GridCell> = {}): GridCell => ({ text, ...more });
  return {
    name,
    source,
    rows: [
      [c('2023年项目绩效目标表', { colSpan: 5, style: 'title' }), null, null, null, null],
      [c('项目名称', { style: 'label' }), c('2023年道路维护', { colSpan: 2 }), null, c('单位', { style: 'label' }), c('万元')],
      [c('项目', { rowSpan: 3, style: 'label' }), c('产出指标', { rowSpan: 2, style: 'label' }), c('数量指标'), c('219800.00', { number: 219800, numFmt: '0.00' }), c('两行\n文字')],
      [null, null, c('质量指标'), c('1234.5000', { number: 1234.5, numFmt: '#,##0.0000' }), c('')],
      [null, c('效益指标', { style: 'label' }), c('满意度'), c('25%', { number: 0.25, numFmt: '0%' }), c('他说"好"\t制表')],
    ],
    before: [],
  };
}

/** What a reader gives back: no writer hints; docx and text have no numbers, text no merges. */
function expected(grid: Grid, { numbers = true, merges = true } = {}): (GridCell | null)[][] {
  return grid.rows.map((cells) =>
    cells.map((cell) => {
      if (!cell) return merges ? null : { text: '' };
      const { style: _style, number, numFmt, rowSpan, colSpan, ...rest } = cell;
      return { ...rest, ...(merges && rowSpan ? { rowSpan } : {}), ...(merges && colSpan ? { colSpan } : {}), ...(numbers && number !== undefined ? { number, numFmt } : {}) };
    }),
  );
}

function ok(read: GridRead): GridFile {
  if ('error' in read) throw new Error(read.error);
  return read;
}

/** Bytes that are no known file: a fixed pseudo-random sequence. */
const noise = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 251);

async function zipWithout(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('hello.txt', '不是 Office 文件', { date: DATE });
  return zip.generateAsync({ type: 'uint8array' });
}

describe('grid model', () => {
  const grid = sample('项目表', 'xlsx');

  it('names cells the way each format does', () => {
    expect(cellWhere({ ...grid, name: 'Sheet1' }, 6, 1)).toBe('Sheet1!B7');
    expect(cellWhere(grid, 0, 27)).toBe('项目表!AB1');
    expect(cellWhere({ ...grid, name: '绩效 目标' }, 0, 0)).toBe("'绩效 目标'!A1");
    expect(cellWhere({ ...grid, name: '2023' }, 0, 0)).toBe("'2023'!A1");
    expect(cellWhere({ ...grid, name: '表格 2', source: 'docx' }, 2, 3)).toBe('第 2 个表格 第 3 行第 4 列');
    expect(cellWhere({ ...grid, source: 'text', lines: [3, 4, 12] }, 2, 2)).toBe('第 12 行第 3 列');
  });

  it('finds the cell that shows at a merged position', () => {
    expect(visibleCell(grid, 4, 0)).toEqual({ cell: grid.rows[2]![0], row: 2, col: 0 }); // 项目, 3 rows down
    expect(visibleCell(grid, 3, 1)?.cell.text).toBe('产出指标'); // the label's second row
    expect(visibleCell(grid, 2, 1)?.cell.text).toBe('产出指标'); // and its first
    expect(visibleCell(grid, 0, 4)).toMatchObject({ row: 0, col: 0, cell: { text: '2023年项目绩效目标表' } });
    expect(visibleCell(grid, 1, 2)).toMatchObject({ row: 1, col: 1 });
    expect(visibleCell(grid, 3, 2)).toMatchObject({ row: 3, col: 2, cell: { text: '质量指标' } });
    expect(visibleCell(grid, 9, 9)).toBeUndefined();
  });

  it('shows numbers with their format\'s decimals, percents ×100, without float noise', () => {
    expect(numberText(219800, '#,##0.00')).toBe('219800.00');
    expect(numberText(12.34, '0.0000')).toBe('12.3400');
    expect(numberText(1234567.891, '#,##0.0000')).toBe('1234567.8910');
    expect(numberText(3, '0.000000')).toBe('3.000000');
    expect(numberText(1.005, '0.00')).toBe('1.01'); // Excel rounds the decimal it shows, not the double
    expect(numberText(9.995, '0.00')).toBe('10.00');
    expect(numberText(-2.5, '0')).toBe('-3');
    expect(numberText(219800, '#,##0.00_ ;[Red]-#,##0.00 ')).toBe('219800.00'); // WPS's accounting-style padding
    expect(numberText(0.25, '0%')).toBe('25%');
    expect(numberText(0.0725, '0.00%')).toBe('7.25%'); // 0.0725 * 100 is 7.249999999999999
    expect(numberText(0.125, '0%')).toBe('13%');
    expect(numberText(1, '0%')).toBe('100%');
    expect(numberText(0.1 + 0.2, 'General')).toBe('0.3');
    expect(numberText(219800, 'General')).toBe('219800');
    expect(numberText(0.1 + 0.2, '"约"0.0"万"')).toBe('0.3'); // not a plain format: the number itself
  });
});

describe('xlsx', () => {
  it('writes and reads back the same grid: merges, Chinese text, formatted numbers, an empty and a multi-line cell', async () => {
    const grid = sample('项目表', 'xlsx');
    const { grids, after } = ok(await readXlsxGrids(await writeXlsxGrids([grid, sample('第二张', 'xlsx')], { date: DATE })));
    expect(grids.map((g) => g.name)).toEqual(['项目表', '第二张']);
    expect(grids[0]).toEqual({ name: '项目表', source: 'xlsx', rows: expected(grid), before: [] });
    expect(after).toEqual([]);
  });

  it('looks like a printed table: title, labels, borders, number formats, A4 landscape', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await writeXlsxGrids([{ ...sample('项目表', 'xlsx'), before: [{ text: '单位：万元', where: '' }], widths: [10, 12, 14, 16, 30] }], { date: DATE })) as never);
    const sheet = workbook.getWorksheet('项目表')!;
    // `before` is a row above the table, merged across it.
    expect(sheet.getCell('A1').value).toBe('单位：万元');
    expect(sheet.getCell('E1').master.address).toBe('A1');
    expect(sheet.getCell('A2').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet.getCell('A2').border?.top).toBeUndefined(); // the title row stands outside the borders
    expect(sheet.getCell('A3').fill).toMatchObject({ pattern: 'solid' });
    expect(sheet.getCell('D4').numFmt).toBe('0.00');
    expect(sheet.getCell('D4').alignment?.horizontal).toBe('right');
    expect(sheet.getCell('E4').value).toBe('两行\n文字');
    expect(sheet.getCell('A6').master.address).toBe('A4');
    expect(sheet.getCell('A6').border?.bottom?.style).toBe('thin');
    expect(sheet.columns.map((c) => c.width)).toEqual([10, 12, 14, 16, 30]);
    expect(sheet.getRow(4).height).toBeGreaterThan(sheet.getRow(3).height); // two lines
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('reads rich text, formulas (their cached result), dates, booleans, errors; drops trailing empty rows and columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getCell('A1').value = { richText: [{ text: '项目', font: { bold: true } }, { text: '名称  ' }] };
    sheet.getCell('B1').value = { formula: 'C1*2', result: 0.30000000000000004 };
    sheet.getCell('C1').value = new Date(Date.UTC(2023, 2, 1));
    sheet.getCell('A2').value = true;
    sheet.getCell('B2').value = { error: '#N/A' };
    sheet.getCell('C2').value = { text: '链接', hyperlink: 'https://example.org' };
    sheet.getCell('A4').value = '';
    sheet.getCell('F6').numFmt = '0.00'; // styled but empty: not content
    const { grids } = ok(await readXlsxGrids(new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(grids[0]!.rows).toEqual([
      [{ text: '项目名称' }, { text: '0.3', number: 0.30000000000000004, numFmt: 'General' }, { text: '2023-03-01' }],
      [{ text: 'TRUE' }, { text: '#N/A' }, { text: '链接' }],
    ]);
  });

  it('gives the same bytes for the same grids and date', async () => {
    const grids = [sample('项目表', 'xlsx')];
    const first = await writeXlsxGrids(grids, { date: DATE });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock-stamped entry would now differ
    expect(await writeXlsxGrids(grids, { date: DATE })).toEqual(first);
  });

  it('answers a file that is no workbook with a Chinese error', async () => {
    expect(await readXlsxGrids(noise)).toEqual({ error: expect.stringContaining('不是有效的 Excel 工作簿') });
    expect(await readXlsxGrids(await zipWithout())).toEqual({ error: expect.stringMatching(/^无法/) });
    expect(await readXlsxGrids(await writeDocxGrids([sample('表格 1', 'docx')], { date: DATE }))).toEqual({ error: expect.stringMatching(/^无法/) });
  });
});

describe('docx', () => {
  const first: Grid = { ...sample('表格 1', 'docx'), before: [{ text: '2023年部门预算绩效目标', where: '第 1 段' }, { text: '单位：万元', where: '第 2 段' }] };
  const second: Grid = { ...sample('表格 2', 'docx'), before: [] };

  it('writes and reads back the same grids: gridSpan, vMerge, paragraphs in a cell, the paragraphs before each table', async () => {
    const { grids, after } = ok(await readDocxGrids(await writeDocxGrids([first, second], { date: DATE })));
    expect(grids).toEqual([
      { name: '表格 1', source: 'docx', rows: expected(first, { numbers: false }), before: first.before },
      { name: '表格 2', source: 'docx', rows: expected(second, { numbers: false }), before: [] },
    ]);
    expect(after).toEqual([]);
  });

  it('reads paragraphs after the last table, tabs and breaks in runs, nested tables, gridBefore, a continuation with nothing above', async () => {
    const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const body =
      `<w:p>${t('标题')}</w:p><w:p/>` +
      '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p>' + t('甲') + '</w:p></w:tc>' +
      `<w:tc><w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三  </w:t></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc><w:p>${t('内表')}</w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p>${t('乙')}</w:p></w:tc></w:tr></w:tbl>` +
      `<w:p>${t('注：单位为万元')}</w:p>`;
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
    const { grids, after } = ok(await readDocxGrids(await zip.generateAsync({ type: 'uint8array' })));
    expect(grids).toEqual([
      {
        name: '表格 1',
        source: 'docx',
        rows: [
          [{ text: '甲' }, { text: '一\t二\n三\n内表' }],
          [{ text: '' }, { text: '乙' }],
        ],
        before: [{ text: '标题', where: '第 1 段' }],
      },
    ]);
    expect(after).toEqual([{ text: '注：单位为万元', where: '第 3 段' }]);
  });

  it('gives the same bytes for the same grids and date, whatever the clock says (folder entries too)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
      const bytes = await writeDocxGrids([first, second], { date: DATE });
      vi.setSystemTime(new Date('2026-06-30T17:45:12Z'));
      expect(await writeDocxGrids([first, second], { date: DATE })).toEqual(bytes);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a file that is no Word document with a Chinese error', async () => {
    expect(await readDocxGrids(noise)).toEqual({ error: expect.stringContaining('不是有效的 Word 文档') });
    expect(await readDocxGrids(await zipWithout())).toEqual({ error: expect.stringContaining('没有 word/document.xml') });
    const broken = new JSZip();
    broken.file('word/document.xml', '<w:document><w:body><w:p></w:body></w:document>');
    expect(await readDocxGrids(await broken.generateAsync({ type: 'uint8array' }))).toEqual({ error: expect.stringContaining('XML 结构错误') });
  });
});

describe('tab-separated text', () => {
  const first: Grid = { ...sample('表格 1', 'text'), before: [{ text: '2023年部门预算绩效目标', where: '第 1 行' }] };
  const second: Grid = { ...sample('表格 2', 'text'), before: [{ text: '单位：万元', where: '' }] };

  it('writes and reads back the same texts (no merges in text: a merged cell\'s text stands in its first position)', () => {
    const text = writeTextGrids([first, second]);
    const { grids, after } = readTextGrids(text);
    expect(grids.map((g) => g.rows)).toEqual([expected(first, { numbers: false, merges: false }), expected(second, { numbers: false, merges: false })]);
    expect(grids.map((g) => g.before)).toEqual([[{ text: '2023年部门预算绩效目标', where: '第 1 行' }], [{ text: '单位：万元', where: '第 9 行' }]]);
    // The multi-line cell takes two lines: rows start at lines 2, 3, 4, 6 (after 两行\n文字), 7.
    expect(grids[0]!.lines).toEqual([2, 3, 4, 6, 7]);
    expect(cellWhere(grids[0]!, 3, 3)).toBe('第 6 行第 4 列');
    expect(after).toEqual([]);
    expect(writeTextGrids([first, second])).toBe(text);
  });

  it('reads Excel\'s quoted cells, a BOM and CRLF; a blank or untabbed line ends a table', () => {
    const text =
      '\uFEFF部门预算绩效目标表\r\n单位：万元   \r\n' +
      '指标\t说明\t备注\r\n' +
      '满意度\t"第一行\n第二行"\t"他说""好"""\r\n' +
      '"中国"制造\t""\t\r\n' +
      '\r\n' +
      '"引号开头\r\n' +
      'a\tb\r\n' +
      '注：以上为预算数';
    const { grids, after } = readTextGrids(text);
    expect(grids).toEqual([
      {
        name: '表格 1',
        source: 'text',
        rows: [
          [{ text: '指标' }, { text: '说明' }, { text: '备注' }],
          [{ text: '满意度' }, { text: '第一行\n第二行' }, { text: '他说"好"' }],
          [{ text: '"中国"制造' }, { text: '' }, { text: '' }],
        ],
        before: [
          { text: '部门预算绩效目标表', where: '第 1 行' },
          { text: '单位：万元', where: '第 2 行' },
        ],
        lines: [3, 4, 6],
      },
      { name: '表格 2', source: 'text', rows: [[{ text: 'a' }, { text: 'b' }]], before: [{ text: '"引号开头', where: '第 8 行' }], lines: [9] },
    ]);
    expect(after).toEqual([{ text: '注：以上为预算数', where: '第 10 行' }]);
  });

  it('decodes Excel\'s Unicode text (UTF-16LE), UTF-8 and GB18030 bytes', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'项目\t值'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toBe('项目\t值');
    expect(decodeText(new TextEncoder().encode('项目\t值'))).toBe('项目\t值');
    expect(decodeText(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
  });
});
