// The target tables of the corpus of published tables (tests/fixtures/published/, README.md there):
// each is recognised as its kind and layout, imported from its .xlsx (and .docx) with only what a
// maintainer would pass (--year, --unit), and checked by the schema a site would use; every
// non-empty cell then stands in the imported file — as a value, a key of 其他栏目, the title, the
// year or unit, or a label of its description — or in a notice to the maintainer; Word and text
// give the same files, and the site's Excel download re-imports to the same file. The tables that
// cannot be imported are refused with their exact reason, and nothing is returned.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLayoutFile, projectGrids, type LayoutImport } from '../src/lib/import/layout-table.ts';
import { departmentYaml, projectYaml } from '../src/lib/import/write-yaml.ts';
import { recognise } from '../src/lib/import/recognise.ts';
import type { GridFile } from '../src/lib/office/grid.ts';
import { readDocxGrids, writeDocxGrids } from '../src/lib/office/grid-docx.ts';
import { readTextGrids, writeTextGrids } from '../src/lib/office/grid-text.ts';
import { readXlsxGrids, writeXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { DEFAULT_FRAMEWORK, NAMED_FRAMEWORKS, type IndicatorFramework } from '../src/schema/framework.ts';
import { departmentSchemaFor } from '../src/schema/department.ts';
import { projectSchema } from '../src/schema/project.ts';
import { CAPTIONS, LABEL_READING, labelForms, labelKey, layoutNamed, readLabel, type TableLayout } from '../src/schema/table-layouts.ts';
import { readAmount } from '../src/lib/reading/money.ts';
import { PUBLISHED_DIR, readTranscription, transcriptionIds } from './fixtures/published/transcription.ts';
import { layoutContent } from './fixtures/layouts/files.ts';
import { ROOT, runCli } from './helpers.ts';

interface Case {
  id: string;
  /** The layout it is recognised as. */
  layout: string;
  /** What a maintainer passes: --year where the table prints none, --unit where it prints no code. */
  year?: number;
  unit?: string;
  /** The site's 指标体系 (site.yaml) under which its 一级 and 二级 are checked. */
  framework?: IndicatorFramework;
  /** Why it cannot be imported, exactly as the importer says it (only for those that cannot). */
  refused?: string[];
}

// Frameworks a site publishing these tables writes out in its site.yaml (指标体系): the older
// templates put 社会公众或服务对象满意度指标 under 效益指标, 东莞 and 福建 2017 have 一级 of their own.
const OLD_SATISFACTION: IndicatorFramework = [
  ...DEFAULT_FRAMEWORK.filter((f) => f.level1 !== '效益指标'),
  { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '社会公众或服务对象满意度指标'] },
];
const DONGGUAN_FRAMEWORK: IndicatorFramework = [
  { level1: '预期产出指标', level2: ['数量指标(或建筑规模指标)', '质量指标', '时效指标(工期指标、形象进度指标)', '预算(或投资规模)控制指标'] },
  { level1: '效果指标', level2: ['社会、经济、生态效益指标'] },
];

const CASES: Case[] = [
  // The table prints no unit code (here and below, 999001 stands for the code the site gives it).
  { id: 'ah-jinzhai-2021-project', layout: '申报表', unit: '999001 安徽金寨经济开发区管理委员会' },
  { id: 'ah-mengcheng-2024-project', layout: '申报表', unit: '999001 蒙城县卫生健康委员会' },
  // Its 申报单位 names the unit (区林业局), without a code.
  { id: 'cq-rongchang-linye-2022-project', layout: '申报表', unit: '999001' },
  { id: 'fj-anxi-shuili-2022-project', layout: '福建专项', unit: '999001 安溪县水利局' },
  // Prints its 部门预算编码 (230001) and name: nothing to pass.
  { id: 'fj-longyan-minzong-2023-project', layout: '福建专项' },
  { id: 'fj-xiuyu-shuili-2025-project', layout: '福建专项', unit: '999001 秀屿区水利局', framework: NAMED_FRAMEWORKS['财预〔2021〕101号'] },
  // 预算单位:东莞市交通运输局 names the unit without a code.
  { id: 'gd-dongguan-jiaotong-2019-project-approval', layout: '东莞', unit: '999001', framework: DONGGUAN_FRAMEWORK },
  // The code is printed inside 主管部门及编码 ([015001]), not as the table's unit.
  { id: 'hub-qingshan-2020-project', layout: '申报表', unit: '015001 武汉市青山区教育局' },
  { id: 'hub-qingshan-bxxx-2020-project', layout: '申报表', unit: '999001 化工区学校', framework: OLD_SATISFACTION },
  // 预算部门 names the unit without a code.
  { id: 'hun-xiangtan-2023-project', layout: '湖南', unit: '999001', framework: OLD_SATISFACTION },
  // Prints 部门编码 and 部门名称; its year only in the titles of the other sheets of its page.
  { id: 'jx-fuliang-linye-2026-department', layout: '江西部门整体', year: 2026 },
  // The code is printed inside 实施单位 ((433001)…).
  { id: 'nmg-wuhai-gongxiaoshe-2021-project', layout: '内蒙古', unit: '433001 乌海市供销合作社联合社' },
  { id: 'sn-qingjian-2021-project', layout: '申报表', unit: '999001 清涧县交通运输局' },
  // These cannot be imported, each for what it lacks:
  // - the stored page stops before the indicators (both): no description can read a table
  //   without its indicator header, and the message names the closest;
  {
    id: 'cq-banan-jielong-2021-project',
    layout: '',
    unit: '999001',
    refused: [
      '认不出这是哪一种表：没有一种已知的表能读它（每种表都要有它的绩效指标表头行）。最接近的是表样“申报表”（项目支出绩效目标申报表），表中有它的 14 个栏目，但没有：一级指标、二级指标、三级指标、指标值。请检查表头是否写错、表格是否完整（只保存了上半部分的表无法导入）；确是这种表时用 --layout 申报表 指定，是没见过的表样时在 src/schema/table-layouts.ts 中为它加一段描述',
    ],
  },
  {
    id: 'sh-tongzhou-2019-project',
    layout: '',
    year: 2019,
    refused: [
      '认不出这是哪一种表：没有一种已知的表能读它（每种表都要有它的绩效指标表头行）。最接近的是表样“上海”（财政项目支出绩效目标申报表），表中有它的 5 个栏目，但没有：主管部门、实施单位、年度资金申请总额、年度总体目标、一级指标、二级指标、三级指标、指标值。请检查表头是否写错、表格是否完整（只保存了上半部分的表无法导入）；确是这种表时用 --layout 上海 指定，是没见过的表样时在 src/schema/table-layouts.ts 中为它加一段描述',
    ],
  },
  // - the page stops after two of the unit's projects: its total is the whole unit's;
  {
    id: 'sc-jingyan-mata-2023-project-rows',
    layout: '四川',
    framework: NAMED_FRAMEWORKS['财预〔2021〕101号（成本在产出下）'],
    refused: ['单位合计 8,827,620.53 元 与 2 个项目的预算数之和 3,969,840.00 元 不相等（相差 4,857,780.53 元）。请按批复文件核对'],
  },
  // - the 2017 福建 table prints no amount, and every project of the site has its 预算数.
  {
    id: 'fj-tailian-2017-project',
    layout: '福建2017',
    unit: '999001 福建省台湾同胞联谊会',
    framework: [
      { level1: '投入', level2: ['成本目标'] },
      { level1: '产出', level2: ['数量目标'] },
    ],
    refused: ['项目“台胞扶贫济困生活补贴、涉台联络专项经费及调研培训费”：表中没有预算数（表样“福建2017”不印金额）。每个项目表都要有本年预算数：请按批复文件核对；原表确实没有金额的，暂时不能导入'],
  },
];

/** The file as the importer gets it: the corpus .xlsx, or its .docx where the original was Word. */
async function fileOf(id: string): Promise<GridFile> {
  const t = readTranscription(id);
  const word = t.原格式 === 'doc' || t.原格式 === 'docx';
  const bytes = readFileSync(join(PUBLISHED_DIR, `${id}.${word ? 'docx' : 'xlsx'}`));
  const read = word ? await readDocxGrids(bytes) : await readXlsxGrids(bytes);
  if ('error' in read) throw new Error(read.error);
  return read;
}

/** Import and the schema's check, as npm run import does them: the problems, and the tables only when there are none. */
function imported(file: GridFile, c: Case): LayoutImport & { schemaProblems: string[] } {
  const result = importLayoutFile(file, { year: c.year, unit: c.unit });
  const framework = c.framework ?? DEFAULT_FRAMEWORK;
  const schemaProblems = [
    ...result.projects.flatMap((p) => projectSchema({ framework }).safeParse(p).error?.issues ?? []),
    ...result.departments.flatMap((d) => departmentSchemaFor(framework).safeParse(d).error?.issues ?? []),
  ].map((i) => `${i.path.join('.')} ${i.message}`);
  return { ...result, schemaProblems };
}

/** Every string of an imported file, keys of 其他栏目 included. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k), stringsOf(v, out);
  return out;
}

/** The labels a description prints, as compared. */
const labelsOf = (layout: TableLayout) =>
  new Set(
    [
      layout.title,
      ...(layout.titles ?? []),
      ...[...layout.fields, ...layout.indicatorColumns].flatMap((f) => [f.label, ...(f.aliases ?? [])]),
      ...(layout.extraFields ?? []),
      ...(layout.extraIndicatorColumns ?? []),
      ...(layout.captions ?? []),
      ...CAPTIONS,
    ].map(labelKey),
  );

/**
 * Where a printed cell went, or undefined when nowhere: a value (amounts as their canonical text),
 * a key of 其他栏目, a line of 原文标题, the year, the unit, a label of the description, a notice.
 */
function placeOf(text: string, file: Record<string, unknown>, layout: TableLayout, notices: string[]): string | undefined {
  const t = text.trim();
  // A title is kept as its lines, a column under a label over several as `上/下`.
  const strings = stringsOf(file).flatMap((s) => [s, ...s.split(/[\n/]/)]).map((s) => s.trim());
  const normal = (s: string) => s.replace(/\s+/g, '');
  if (strings.includes(t) || (t.length >= 4 && strings.some((s) => normal(s).includes(normal(t))))) return 'value';
  const amount = readAmount(t.replace(/\s*(万元|元|万)$/, ''));
  if (amount.ok && strings.includes(amount.text)) return 'amount';
  if (labelsOf(layout).has(labelKey(t))) return 'label';
  const year = /^[(（]?(\d{4})年度?[)）]?$/.exec(normal(t));
  if (year && Number(year[1]) === file['年度']) return 'year';
  // A label and its value in one cell, a unit line, a money-unit line.
  const inline = /^([^:：]{1,24}?)\s*[:：]\s*(.*)$/s.exec(t);
  if (inline && (labelsOf(layout).has(labelKey(inline[1]!)) || /单位/.test(inline[1]!)) && (inline[2]!.trim() === '' || /^[(（]?盖章[)）]?/.test(inline[2]!.trim()) || placeOf(inline[2]!, file, layout, notices))) return 'inline';
  if (/单位[:：]\s*(元|万元)\)?$/.test(t) && file['金额单位'] !== undefined) return 'money unit';
  if (notices.some((n) => n.includes(t))) return 'notice';
  return undefined;
}

describe('the corpus’s target tables', () => {
  it('lists every target-kind table of the corpus here', () => {
    const targets = transcriptionIds().filter((id) => /-(project|department|project-approval|project-rows)$/.test(id));
    expect(CASES.map((c) => c.id).sort()).toEqual(targets);
  });

  it.each(CASES)('$id: recognised as its layout (or, cut off before its indicators, as none)', async (c) => {
    const recognised = recognise((await fileOf(c.id)).grids);
    expect(recognised.best?.name ?? '').toBe(c.layout);
    expect(recognised.runnerUp).toBeUndefined();
  });

  for (const c of CASES.filter((x) => !x.refused)) {
    it(`${c.id}: imports in 表样“${c.layout}”, passes the schema, and keeps every non-empty cell`, async () => {
      const file = await fileOf(c.id);
      const result = imported(file, c);
      expect(result.problems).toEqual([]);
      expect(result.schemaProblems).toEqual([]);
      const [table] = [...result.projects, ...result.departments] as Record<string, unknown>[];
      expect(result.projects.length + result.departments.length).toBe(1);
      const layout = layoutNamed(c.layout)!;
      expect(table!['表样']).toBe(layout.name);
      const notices = result.notices.map((n) => n.message);
      const cells = [...file.grids.flatMap((g) => [...g.before.map((p) => p.text), ...g.rows.flat().flatMap((cell) => (cell ? [cell.text] : []))])].filter((t) => t.trim() !== '');
      const lost = cells.filter((t) => placeOf(t, table!, layout, notices) === undefined);
      expect(lost).toEqual([]);
    });
  }

  // Text has no merges: a label over several columns (区域目标值 over the areas) and a title merged
  // down beside the indicators with a row under it (湖南's 本年度绩效指标 over 财政部门审核意见) cannot
  // be told from text. Those two are read from Excel and Word only.
  const TEXT_CANNOT = new Set(['fj-longyan-minzong-2023-project', 'hun-xiangtan-2023-project']);
  it.each(CASES.filter((x) => !x.refused))('$id: the same files from a Word table and from tab-separated text', async (c) => {
    const file = await fileOf(c.id);
    const first = imported(file, c);
    const expected = [...first.projects, ...first.departments];
    const docx = await readDocxGrids(await writeDocxGrids(file.grids, { date: new Date('2000-01-01T00:00:00Z') }));
    if ('error' in docx) throw new Error(docx.error);
    const fromWord = imported(docx, c);
    expect([...fromWord.projects, ...fromWord.departments]).toEqual(expected);
    if (TEXT_CANNOT.has(c.id)) return;
    const fromText = imported(readTextGrids(writeTextGrids(file.grids)), c);
    expect(fromText.problems).toEqual([]);
    expect([...fromText.projects, ...fromText.departments]).toEqual(expected);
  });

  it.each(CASES.filter((x) => !x.refused))('$id: the site’s Excel download of it, in its layout, imports back to the same file', async (c) => {
    const first = imported(await fileOf(c.id), c);
    const [project] = first.projects;
    const [department] = first.departments;
    const table = project ?? department!;
    const bytes = await writeXlsxGrids(projectGrids(table, layoutNamed(String(table.表样))!), { date: new Date('2000-01-01T00:00:00Z') });
    const read = await readXlsxGrids(bytes);
    if ('error' in read) throw new Error(read.error);
    const again = importLayoutFile(read);
    expect(again.problems).toEqual([]);
    if (project) expect(again.projects.map(projectYaml)).toEqual([projectYaml(project)]);
    else expect(again.departments.map(departmentYaml)).toEqual([departmentYaml(department!)]);
  });

  for (const c of CASES.filter((x) => x.refused)) {
    it(`${c.id}: refused with its reason, and nothing returned`, async () => {
      const result = imported(await fileOf(c.id), c);
      expect([...result.problems.map((p) => p.message), ...result.schemaProblems]).toEqual(c.refused);
      expect(result.projects).toEqual([]);
      expect(result.departments).toEqual([]);
    });
  }

  it('takes no result table of the corpus for a target table', async () => {
    const results = transcriptionIds().filter((id) => !CASES.some((c) => c.id === id));
    for (const id of results) expect(recognise((await fileOf(id)).grids).best?.description.kind, id).not.toBe('target');
  });
});

describe('npm run import of corpus tables', () => {
  it('imports a 重庆 申报表 as published, lists the cells it kept under 其他栏目, and validates', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'gongkai-published-')), 'content');
    layoutContent(content, ROOT);
    const result = runCli('import', [join(PUBLISHED_DIR, 'cq-rongchang-linye-2022-project.xlsx'), '--unit', '999001', '--content', content]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('提示（不影响导入）：以下 4 处是“申报表”的描述里没有的');
    expect(result.stdout).toContain('表1!C9  栏目“2.市级资金”不在表样“申报表”中，它的内容“153.5184”照原样保存在“其他栏目”下');
    const [written] = readdirSync(join(content, '2022', '999001', 'projects'));
    expect(readFileSync(join(content, '2022', '999001', 'projects', written!), 'utf8')).toContain('  2.市级资金: "153.5184"');
  });

  it('refuses a table cut off before its indicators, naming the closest description, and writes nothing', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'gongkai-published-')), 'content');
    layoutContent(content, ROOT);
    const result = runCli('import', [join(PUBLISHED_DIR, 'cq-banan-jielong-2021-project.xlsx'), '--unit', '999001', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('最接近的是表样“申报表”（项目支出绩效目标申报表），表中有它的 14 个栏目，但没有：一级指标、二级指标、三级指标、指标值');
    expect(result.stderr).toContain('没有写入任何文件');
    expect(readdirSync(content).sort()).toEqual(['about.md', 'site.yaml']);
  });
});

describe('the reading rules, one at a time', () => {
  it('reads a printed label: spaces and breaks, widths, colons, markers, numbering, 其中, units and scores', () => {
    expect(readLabel('项目资金    (万元)')).toEqual({ key: '项目资金', unit: '万元' });
    expect(readLabel('资金情况 (单位:万元)')).toEqual({ key: '资金情况', unit: '万元' });
    expect(readLabel('*联系人:')).toEqual({ key: '联系人' });
    expect(readLabel('    其中 :上级资金')).toEqual({ key: '上级资金', part: true });
    expect(readLabel('其中:1.中央资金')).toEqual({ key: '中央资金', part: true, number: '1.' });
    expect(readLabel('产出指标（50分）')).toEqual({ key: '产出指标', score: '50分' });
    expect(readLabel('年度目标\n和成果')).toEqual({ key: '年度目标和成果' });
    // A bracket that says which one stays part of the label.
    expect(readLabel('二级指标(长期)').key).toBe('二级指标(长期)');
    expect(readLabel('项目(专项)名称').key).toBe('项目(专项)名称');
  });

  it('reads a label of any table by the same rules: scores as printed, letters, numbering, a unit with its bracket missing', () => {
    expect(readLabel('成本指标(0-20)分')).toEqual({ key: '成本指标', score: '0-20分' });
    expect(readLabel('得分 (20分*执行率)')).toEqual({ key: '得分', score: '20分*执行率' });
    expect(readLabel('预算执行情况(万元) (20分)')).toEqual({ key: '预算执行情况', unit: '万元', score: '20分' });
    expect(readLabel('全年预算数（Ａ）')).toEqual({ key: '全年预算数', letter: 'A' });
    expect(readLabel('指标1:完成数量')).toEqual({ key: '完成数量', number: '指标1:' });
    expect(readLabel('年度预算申请 (万元')).toEqual({ key: '年度预算申请', unit: '万元' });
    // A bracket that only starts like a unit is no unit; a note alone is no label carrying one.
    expect(readLabel('补助标准(元/人)')).toEqual({ key: '补助标准(元/人)' });
    expect(readLabel('(万元)')).toEqual({ key: '(万元)' });
    // Result tables may compare a label without its last bracket of explanation, as a last resort.
    expect(labelForms('实施单位 (盖章)')).toEqual(['实施单位(盖章)', '实施单位']);
    expect(labelForms('全年预算数(A)')).toEqual(['全年预算数(A)', '全年预算数']);
    // A label and its value in one cell, the label spaced as printed.
    expect(LABEL_READING.inline.exec('预 算 单 位 ：某某局')?.slice(1)).toEqual(['预 算 单 位', '某某局']);
    expect(LABEL_READING.inline.exec('本项目共申请预算资金90万元。其中:30万元用于设计')).toBeNull();
  });

  const form = (rows: string[][], before: string[] = []): GridFile => ({
    grids: [{ name: '表1', source: 'xlsx', rows: rows.map((r) => r.map((text) => ({ text }))), before: before.map((text, n) => ({ text, where: `第 ${n + 1} 段` })) }],
    after: [],
  });
  const indicators = [
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '完成数量', '10个'],
  ];

  it('a money cell of — is no amount where the layout says so; an amount written with another unit than the table’s is refused', () => {
    const ok = importLayoutFile(form([['项目名称', '某项目'], ['年度资金总额', '12'], ['其他资金', '—'], ...indicators], ['(2024年度)']), { unit: '999001 某局', layout: layoutNamed('申报表') });
    expect(ok.problems).toEqual([]);
    expect(ok.projects[0]).toMatchObject({ 预算数: '12', 金额单位: '万元' });
    expect(ok.projects[0]).not.toHaveProperty('其他资金');
    const mixed = importLayoutFile(form([['项目名称', '某项目', ''], ['项目资金(万元)', '年度资金总额', '12元'], ...indicators], ['(2024年度)']), { unit: '999001 某局', layout: layoutNamed('申报表') });
    expect(mixed.problems.map((p) => p.message)).toEqual(['预算数“12元”写的单位是元，而这张表的金额单位是万元。请按原表核对金额单位']);
  });

  it('a note in the middle of the head pairs with no label: refused with its cell', () => {
    const result = importLayoutFile(form([['项目名称', '某项目'], ['附注：本表为草稿', ''], ['年度资金总额', '12'], ...indicators], ['(2024年度)']), { unit: '999001 某局', layout: layoutNamed('申报表') });
    expect(result.problems).toEqual([{ where: '表1!A2', message: '“附注：本表为草稿”不是表样“申报表”的栏目，也不在栏目旁边，无法放进任何字段' }]);
    expect(result.projects).toEqual([]);
  });
});

describe('其他栏目 in the place the table printed them', () => {
  const c = CASES.find((x) => x.id === 'cq-rongchang-linye-2022-project')!;

  it('records after which field or 其他栏目 each was printed, in reading order', async () => {
    const [project] = imported(await fileOf(c.id), c).projects;
    // 项目负责人 | 联系电话 on the row under 项目属性; the numbered funds under 年度资金总额 (预算数); 项目概况及立项依据 after them.
    expect(project!.其他栏目位置).toEqual({ 项目负责人: '项目属性', 联系电话: '项目负责人', '其中:1.中央资金': '预算数', '2.市级资金': '其中:1.中央资金', '3.区级资金': '2.市级资金', 项目概况及立项依据: '3.区级资金' });
  });

  it('the Excel download prints each there, and reads back to the same places', async () => {
    const [project] = imported(await fileOf(c.id), c).projects;
    const [grid] = projectGrids(project!, layoutNamed('申报表')!);
    const labels = grid!.rows.map((r) => r.find((x) => x && x.text.trim() !== '')?.text);
    const at = (label: string) => labels.indexOf(label);
    expect(at('项目负责人')).toBe(at('项目属性') + 1);
    expect(at('联系电话')).toBe(at('项目负责人') + 1);
    expect(at('其中:1.中央资金')).toBe(at('年度资金总额') + 1);
  });

  it('a place must name a 其他栏目 of the file, after something the file has', () => {
    const project = { 表样: '申报表', 单位编码: '999001', 单位名称: '某局', 年度: 2024, 金额单位: '万元', 网址标识: 'sb-00000001', 项目名称: '某项目', 预算数: '12', 年度目标: '完成', 绩效指标: [{ 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '数量', 指标值: '1个' }], 其他栏目: { 项目负责人: '某某' } };
    const issues = (places: Record<string, string>) => (projectSchema().safeParse({ ...project, 其他栏目位置: places }).error?.issues ?? []).map((i) => `${i.path.join('.')} ${i.message}`);
    expect(issues({ 项目负责人: '项目名称' })).toEqual([]);
    expect(issues({ 项目负责人: '绩效指标' })).toEqual([]);
    expect(issues({ 联系电话: '项目名称' })).toEqual(['其他栏目位置.联系电话 其他栏目位置写了“联系电话”，其他栏目中却没有这一栏。请核对栏目名，或删去这一行']);
    expect(issues({ 项目负责人: '主管部门' })).toEqual(['其他栏目位置.项目负责人 “项目负责人”写在“主管部门”之后，但本表没有“主管部门”（不是本表已写的字段，也不是其他栏目）。请写它在原表中前面那一栏的字段名']);
  });
});
