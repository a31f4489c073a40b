// Word and Excel for staff: the per-project workbook laid out like the approved table (and its
// blank template) reads back to the same YAML, and the approved document as a .docx imports to
// exactly the committed content.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { departmentYaml, projectYaml } from '../src/lib/import/write-yaml.ts';
import { docxLines, documentLines, parseXml } from '../src/lib/office/docx.ts';
import { importDocx } from '../src/lib/import/source-text.ts';
import { sourceTextToDocx } from '../src/lib/office/docx-writer.ts';
import { projectFileName } from '../src/lib/import/project-file.ts';
import { projectWorkbook, readProjectWorkbook, templateWorkbook } from '../src/lib/import/form-workbook.ts';
import { NOTES_SHEET } from '../src/lib/import/layout-table.ts';
import { DEFAULT_LAYOUT, type TableLayout } from '../src/schema/table-layouts.ts';
import type { ProjectInput } from '../src/schema/project.ts';
import { contentText, ROOT, runCli } from './helpers.ts';

const UNIT_DIR = join(ROOT, 'content/2023/483001');
const SOURCE_NAME = '000_450f3943667c7c22.txt';
const SOURCE_TEXT = readFileSync(join(UNIT_DIR, 'source', SOURCE_NAME), 'utf8');
const projectFiles = readdirSync(join(UNIT_DIR, 'projects'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(UNIT_DIR, 'projects', name), 'utf8') }));
const DATE = new Date('2024-03-01T08:00:00Z');
const FORM_SHEET = DEFAULT_LAYOUT.title;

const projectOf = (name: string) => parse(projectFiles.find((f) => f.name.startsWith(name))!.text) as ProjectInput;

async function open(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}

async function edited(bytes: Uint8Array, edit: (form: ExcelJS.Worksheet, notes: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = await open(bytes);
  edit(workbook.getWorksheet(FORM_SHEET)!, workbook.getWorksheet(NOTES_SHEET)!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Row number of the first cell in column A with this text. */
function rowOf(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(`A${r}`).value === text) return r;
  throw new Error(`no row ${text}`);
}

describe('project workbook (XLSX laid out like the approved table)', () => {
  it('has all 14 bundled projects', () => expect(projectFiles).toHaveLength(14));

  it.each(projectFiles.map((f) => [f.name, f.text] as const))('%s: YAML → XLSX → YAML is byte-identical', async (_name, text) => {
    const { project, problems } = await readProjectWorkbook(await projectWorkbook(parse(text) as ProjectInput, { date: DATE }));
    expect(problems).toEqual([]);
    expect(projectYaml(project!)).toBe(text);
  });

  it('keeps 上年项目编码 (the link to last year\'s table) through YAML → XLSX → YAML', async () => {
    const file = join(ROOT, 'tests/fixtures/county/content/2024/483001/projects/02-13022924P00JXC4155606.yaml');
    const input = parse(readFileSync(file, 'utf8')) as ProjectInput;
    expect(input.上年项目编码).toBe('13022923P00JXC4155606');
    const { project, problems } = await readProjectWorkbook(await projectWorkbook(input, { date: DATE }));
    expect(problems).toEqual([]);
    expect(project).toEqual(input);
    expect(Object.keys(project!).indexOf('上年项目编码')).toBe(Object.keys(project!).indexOf('项目编码') + 1);
  });

  it('looks like the approved form: labels, typed amounts, empty plan cells, merged indicator groups', async () => {
    const workbook = await open(await projectWorkbook(projectOf('02-'), { date: DATE }));
    const sheet = workbook.getWorksheet(FORM_SHEET)!;
    expect(sheet.getCell('A1').value).toBe('4.2022年人饮井更新绩效目标表');
    expect(sheet.getCell('A2').value).toBe('483001玉田县林南仓镇人民政府本级');
    expect(sheet.getCell('G2').value).toBe('单位：元');
    expect([sheet.getCell('A3').value, sheet.getCell('D3').value, sheet.getCell('B3').value]).toEqual(['项目编码', '项目名称', '13022923P00JXC4155606']);
    expect(sheet.getCell('C4').value).toBe(40000);
    expect(sheet.getCell('C4').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('G4').value).toBeNull(); // no 其他资金: an empty cell
    expect(['B6', 'C6', 'D6', 'E6'].map((a) => sheet.getCell(a).value)).toEqual(['3月底', '6月底', '10月底', '12月底']);
    // 人饮井更新 plans nothing before December: empty cells, never 0.
    expect(['B7', 'C7', 'D7', 'E7'].map((a) => sheet.getCell(a).value)).toEqual([null, null, null, 1]);
    expect(sheet.getCell('E7').numFmt).toBe('0%');
    const header = rowOf(sheet, '一级指标');
    expect(['B', 'C', 'D', 'F', 'G'].map((c) => sheet.getCell(`${c}${header}`).value)).toEqual(['二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(sheet.getCell(`A${header + 2}`).master.address).toBe(`A${header + 1}`); // 一级 merged down
    expect(sheet.getCell(`A${header + 1}`).font?.bold).toBe(true);
    expect(sheet.getCell(`C${header + 1}`).border?.left?.style).toBe('thin');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const notes = workbook.getWorksheet(NOTES_SHEET)!;
    // What the approved table does not print, a label-value row each, as every layout's download has it.
    expect(notes.getCell('A1').value).toBe('说明（本网站导出时附加，不是原表内容）');
    const rows = Object.fromEntries([2, 3, 4, 5, 6].map((r) => [notes.getCell(`A${r}`).value, notes.getCell(`B${r}`).value]));
    expect(rows).toEqual({ 年度: '2023', 预算阶段: '年初预算', 原文标题: '4.2022年人饮井更新绩效目标表', 来源文件: SOURCE_NAME, 来源起止行: '188-325' });
  });

  it('gives the same bytes for the same project and date', async () => {
    const first = await projectWorkbook(projectOf('01-'), { date: DATE });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock-stamped entry would now differ
    expect(await projectWorkbook(projectOf('01-'), { date: DATE })).toEqual(first);
    expect(await templateWorkbook({ date: DATE })).toEqual(await templateWorkbook({ date: DATE }));
  });

  it('reports an unreadable amount by its cell, in Chinese, and writes no project', async () => {
    const bytes = await edited(await projectWorkbook(projectOf('01-'), { date: DATE }), (sheet) => {
      sheet.getCell('C4').value = '21.98万';
      sheet.getCell('E4').value = 219800.123;
    });
    const { project, problems } = await readProjectWorkbook(bytes);
    expect(project).toBeUndefined();
    expect(problems).toEqual([
      { where: 'C4', message: expect.stringContaining('预算数“21.98万”无法读取') },
      { where: 'E4', message: expect.stringContaining('小数超过 2 位') },
    ]);
  });

  it('accepts amounts typed as text with separators, and float noise from formulas', async () => {
    const bytes = await edited(await projectWorkbook(projectOf('01-'), { date: DATE }), (sheet) => {
      sheet.getCell('C4').value = '219,800.00';
      sheet.getCell('E4').value = { formula: 'C4', result: 219799.99999999997 };
    });
    const { project, problems } = await readProjectWorkbook(bytes);
    expect(problems).toEqual([]);
    expect([project!.预算数, project!.财政资金]).toEqual(['219800.00', '219800.00']);
  });

  it('reports text outside the table, a changed label and a content error at their cells', async () => {
    const bytes = await edited(await projectWorkbook(projectOf('01-'), { date: DATE }), (sheet) => {
      sheet.getCell('H3').value = '备注';
      sheet.getCell('D4').value = '财政拨款';
    });
    const { problems } = await readProjectWorkbook(bytes);
    expect(problems.map((p) => p.where)).toEqual(['D4', 'H3']);
    expect(problems[0]!.message).toContain('其中：财政资金');
    expect(problems[1]!.message).toContain('“备注”不在项目绩效目标表的任何一栏中');

    const wrongPair = await edited(await projectWorkbook(projectOf('01-'), { date: DATE }), (sheet) => {
      sheet.getCell(`B${rowOf(sheet, '一级指标') + 1}`).value = '经济效益指标';
    });
    const result = await readProjectWorkbook(wrongPair);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.where).toMatch(/^B\d+$/);
    expect(result.problems[0]!.message).toContain('不属于一级指标“产出指标”');
  });
});

describe('the 资金支出计划 block, drawn from the layout description', () => {
  // Months up to December, 0 (planned: nothing spent yet) apart from empty (no plan), a percent with decimals.
  const PLAN = [
    { 月份: 1, 累计比例: 0 },
    { 月份: 2, 累计比例: null },
    { 月份: 3, 累计比例: 12.5 },
    { 月份: 4, 累计比例: null },
    { 月份: 6, 累计比例: 40 },
    { 月份: 9, 累计比例: null },
    { 月份: 12, 累计比例: 100 },
  ];
  const project = { ...projectOf('02-'), 资金支出计划: PLAN };

  it('writes six checkpoints a pair of rows, months over percents; an empty percent stays empty, never 0', async () => {
    const sheet = (await open(await projectWorkbook(project, { date: DATE }))).getWorksheet(FORM_SHEET)!;
    expect(sheet.getCell('A6').value).toBe('资金支出计划（%）');
    expect(sheet.getCell('A9').master.address).toBe('A6'); // the label merged down over both pairs
    expect(['B6', 'C6', 'D6', 'E6', 'F6', 'G6', 'B8', 'C8'].map((a) => sheet.getCell(a).value)).toEqual(['1月底', '2月底', '3月底', '4月底', '6月底', '9月底', '12月底', null]);
    expect(['B7', 'C7', 'D7', 'E7', 'F7', 'G7', 'B9', 'C9'].map((a) => sheet.getCell(a).value)).toEqual([0, null, 0.125, null, 0.4, null, 1, null]);
    expect(['B7', 'C7', 'D7', 'C9'].map((a) => sheet.getCell(a).numFmt)).toEqual(['0%', '0%', '0.00%', '0%']); // empty cells keep the format
    expect(sheet.getCell('A10').value).toBe('绩效目标');
  });

  it('reads the block back to the same checkpoints, null where a cell is empty', async () => {
    const { project: read, problems } = await readProjectWorkbook(await projectWorkbook(project, { date: DATE }));
    expect(problems).toEqual([]);
    expect(read!.资金支出计划).toEqual(PLAN);
  });

  it('follows the description: another number of checkpoints a row is data, not code', async () => {
    const hebei = DEFAULT_LAYOUT;
    const layout: TableLayout = { ...hebei, drawing: { ...hebei.drawing!, head: hebei.drawing!.head.map((b) => ('plan' in b ? { ...b, perRow: 3 } : b)) } };
    const bytes = await projectWorkbook(project, { date: DATE, layout });
    const sheet = (await open(bytes)).getWorksheet(FORM_SHEET)!;
    expect(['B6', 'C6', 'D6', 'E6', 'B8', 'B10', 'C10'].map((a) => sheet.getCell(a).value)).toEqual(['1月底', '2月底', '3月底', null, '4月底', '12月底', null]);
    expect(sheet.getCell('A12').value).toBe('绩效目标');
    const { project: read, problems } = await readProjectWorkbook(bytes, { layout });
    expect(problems).toEqual([]);
    expect(projectYaml(read!)).toBe(projectYaml(project));
  });

  it('names the cell of a percent it cannot read and of a percent under no month', async () => {
    const bytes = await edited(await projectWorkbook(project, { date: DATE }), (sheet) => {
      sheet.getCell('C7').value = '约一半';
      sheet.getCell('C9').value = 0.5;
    });
    const { project: read, problems } = await readProjectWorkbook(bytes);
    expect(read).toBeUndefined();
    expect(problems).toEqual([
      { where: 'C7', message: expect.stringContaining('累计比例“约一半”无法读取') },
      { where: 'C9', message: expect.stringContaining('上方没有时点') },
    ]);
  });
});

describe('import template (npm run template)', () => {
  it('lists every 二级指标 of the framework and reads back to what is unfinished', async () => {
    const bytes = await templateWorkbook({ date: DATE });
    const workbook = await open(bytes);
    const sheet = workbook.getWorksheet(FORM_SHEET)!;
    const header = rowOf(sheet, '一级指标');
    const level2 = Array.from({ length: 9 }, (_, i) => sheet.getCell(`B${header + 1 + i}`).value);
    expect(level2).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标']);
    expect(String(workbook.getWorksheet(NOTES_SHEET)!.getCell('A9').value)).toContain('填写说明');

    const { project, problems } = await readProjectWorkbook(bytes);
    expect(project).toBeUndefined();
    const byCell = Object.fromEntries(problems.map((p) => [p.where, p.message]));
    expect(Object.keys(byCell)).toEqual(['A2', 'B3', 'E3', 'C4', 'E4', 'B5', 'B8', `C${header + 1}`, '说明!B2']);
    expect(byCell.B3).toContain('项目编码未填写');
    expect(byCell.B5).toContain('资金用途未填写'); // 河北 prints it in every table
    expect(byCell['说明!B2']).toContain('年度未填写');
    expect(byCell[`C${header + 1}`]).toContain('绩效指标未填写');
  });

  it('reads a filled-in template the way staff type it', async () => {
    const bytes = await edited(await templateWorkbook({ date: DATE }), (sheet, notes) => {
      const header = rowOf(sheet, '一级指标');
      sheet.getCell('A2').value = '483001玉田县林南仓镇人民政府本级';
      sheet.getCell('B3').value = '13022923P00JXC499999A';
      sheet.getCell('E3').value = '村道养护';
      sheet.getCell('C4').value = '1,200.5';
      sheet.getCell('E4').value = 1000.5;
      sheet.getCell('G4').value = 200;
      sheet.getCell('B5').value = '用于村道养护';
      sheet.getCell('B7').value = '25%';
      sheet.getCell('E7').value = 1;
      sheet.getCell('B8').value = '1.村道完好';
      sheet.getCell(`C${header + 1}`).value = '养护里程';
      sheet.getCell(`F${header + 1}`).value = '≥10公里';
      sheet.getCell(`C${header + 9}`).value = '群众满意度';
      sheet.getCell(`F${header + 9}`).value = '≥90%';
      notes.getCell('B2').value = 2023;
    });
    const { project, problems } = await readProjectWorkbook(bytes);
    expect(problems).toEqual([]);
    expect(project).toEqual({
      单位编码: '483001',
      单位名称: '玉田县林南仓镇人民政府本级',
      年度: 2023,
      金额单位: '元',
      预算阶段: '年初预算',
      项目编码: '13022923P00JXC499999A',
      项目名称: '村道养护',
      预算数: '1200.50',
      财政资金: '1000.50',
      其他资金: '200.00',
      资金用途: '用于村道养护',
      资金支出计划: [
        { 月份: 3, 累计比例: 25 },
        { 月份: 6, 累计比例: null },
        { 月份: 10, 累计比例: null },
        { 月份: 12, 累计比例: 100 },
      ],
      绩效目标: ['1.村道完好'],
      绩效指标: [
        { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '养护里程', 指标值: '≥10公里' },
        { 一级指标: '满意度指标', 二级指标: '服务对象满意度指标', 三级指标: '群众满意度', 指标值: '≥90%' },
      ],
    });
  });

  it('npm run template writes the template and never overwrites a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gongkai-template-')), '模板.xlsx');
    const first = runCli('template', [file]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const again = runCli('template', [file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在，没有覆盖');
  });
});

describe('.docx import (the approved document as Word tables)', () => {
  it('reads the generated .docx back to exactly the lines of the text export', async () => {
    const { lines } = await docxLines(await sourceTextToDocx(SOURCE_TEXT, { date: DATE }));
    expect(lines.join('\n')).toBe(SOURCE_TEXT);
  });

  it('imports to the committed content: department.yaml and all 14 projects byte-identical', async () => {
    const { imported, problems } = await importDocx(await sourceTextToDocx(SOURCE_TEXT, { date: DATE }), SOURCE_NAME);
    expect(problems).toEqual([]);
    expect(departmentYaml(imported.department)).toBe(readFileSync(join(UNIT_DIR, 'department.yaml'), 'utf8'));
    expect(imported.projects.map(projectYaml)).toEqual(projectFiles.map((f) => f.text));
  });

  it('names the table, row and cell of a stray text in a layout cell', async () => {
    const lines = SOURCE_TEXT.split('\n');
    expect(lines[56]).toBe('\t'); // the empty layout cell beside the first project code
    lines[56] = '\t备注：此格不应有字';
    const { problems } = await importDocx(await sourceTextToDocx(lines.join('\n'), { date: DATE }), SOURCE_NAME);
    expect(problems).toEqual([
      {
        where: '标题“2.2022年村级垃圾清运及焚烧绩效目标表”之后的第 1 个表格第 2 行第 3 格',
        message: expect.stringMatching(/“备注：此格不应有字”无法放置/),
      },
    ]);
  });

  it('expands gridSpan and vMerge into the 7 column slots, and falls back to heading styles', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string, style = '') => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
    const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
    const xml =
      `<w:document ${w}><w:body>${p('第一部分', 'Title')}${p('1.道路绩效目标表', 'Heading2')}` +
      `<w:tbl><w:tr>${tc('产出指标', '<w:vMerge w:val="restart"/>')}${tc('数量指标')}${tc('描述 &amp; 说明', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('质量指标')}</w:tr></w:tbl></w:body></w:document>`;
    expect(documentLines(parseXml(xml)).lines).toEqual([
      '第一部分',
      '[bookmark: 标题]1.道路绩效目标表',
      '\t产出指标',
      '\t数量指标',
      '\t描述 & 说明',
      '\t',
      '',
      '\t',
      '\t质量指标',
      '',
    ]);
  });
});

describe('npm run import with Word and Excel files', () => {
  it('imports the .docx to the committed content and keeps it with its text form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-docx-'));
    const docx = join(dir, SOURCE_NAME.replace(/\.txt$/, '.docx'));
    writeFileSync(docx, await sourceTextToDocx(SOURCE_TEXT, { date: DATE }));
    const content = join(dir, 'content');
    mkdirSync(content);
    writeFileSync(join(content, 'site.yaml'), readFileSync(join(ROOT, 'content/site.yaml')));
    const result = runCli('import', [docx, '--content', content]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = join(content, '2023/483001');
    expect(contentText(join(out, 'department.yaml'))).toBe(contentText(join(UNIT_DIR, 'department.yaml')));
    expect(readdirSync(join(out, 'projects')).sort()).toEqual(projectFiles.map((f) => f.name));
    for (const f of projectFiles) expect(contentText(join(out, 'projects', f.name))).toBe(contentText(join(UNIT_DIR, 'projects', f.name)));
    expect(readFileSync(join(out, 'source', SOURCE_NAME), 'utf8')).toBe(SOURCE_TEXT);
    expect(existsSync(join(out, 'source', SOURCE_NAME.replace(/\.txt$/, '.docx')))).toBe(true);
  });

  it('imports an .xlsx as one project: same code → same file, a new code → the next number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-xlsx-'));
    const content = join(dir, 'content');
    const projects = join(content, '2023/483001/projects');
    mkdirSync(content);
    writeFileSync(join(content, 'site.yaml'), readFileSync(join(ROOT, 'content/site.yaml')));
    // The workbook names the approved document as its 来源: it must be in the unit's source/ folder.
    cpSync(join(ROOT, 'content/2023/483001/source'), join(content, '2023/483001/source'), { recursive: true });
    const workbook = join(dir, '项目.xlsx');
    writeFileSync(workbook, await projectWorkbook(projectOf('11-'), { date: DATE }));
    for (let run = 0; run < 2; run++) {
      const result = runCli('import', [workbook, '--content', content]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('已导入项目表');
      expect(readdirSync(projects)).toEqual(['01-13022923P000BR010638N.yaml']);
    }
    expect(contentText(join(projects, '01-13022923P000BR010638N.yaml'))).toBe(contentText(join(UNIT_DIR, 'projects', projectFiles.find((f) => f.name.startsWith('11-'))!.name)));
    writeFileSync(workbook, await projectWorkbook(projectOf('02-'), { date: DATE }));
    runCli('import', [workbook, '--content', content]);
    expect(readdirSync(projects).sort()).toEqual(['01-13022923P000BR010638N.yaml', '02-13022923P00JXC4155606.yaml']);

    writeFileSync(workbook, await edited(await projectWorkbook(projectOf('02-'), { date: DATE }), (sheet) => void (sheet.getCell('C4').value = '四万元')));
    const broken = runCli('import', [workbook, '--content', content]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('单元格 C4');
    expect(broken.stderr).toContain('没有写入任何文件');
  });

  it('numbers a new project after the highest existing number, keeping the width', () => {
    expect(projectFileName([], '13022923P00JXC415564L')).toBe('01-13022923P00JXC415564L.yaml');
    const existing = [{ name: '01-A.yaml', code: 'A' }, { name: '14-B.yaml', code: 'B' }, { name: 'notes.yaml' }];
    expect(projectFileName(existing, 'B')).toBe('14-B.yaml');
    expect(projectFileName(existing, 'C')).toBe('15-C.yaml');
    expect(projectFileName([{ name: '099-X.yaml', code: 'X' }], 'Y')).toBe('100-Y.yaml');
  });
});
