// The published corpus's result tables (tests/fixtures/published/, issue 21): each 项目支出绩效自评表,
// 执行监控表 and 部门整体支出绩效自评表 imported with the year and unit a maintainer would pass, then
// validated as `npm run validate` does. A table complete enough imports with no problem and keeps
// every non-empty cell it printed; one that cannot be imported (cut off before its indicators, or
// inconsistent as published) gets its reason in Chinese, and nothing is written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importResultFile, resultGrid, resultLabel, detectResultLayout, type ResultImportOptions } from '../src/lib/import/result-table.ts';
import { resultYaml } from '../src/lib/import/write-yaml.ts';
import { MONEY_LINE } from '../src/lib/import/cells.ts';
import type { Grid } from '../src/lib/office/grid.ts';
import { readTextGrids, writeTextGrids } from '../src/lib/office/grid-text.ts';
import { readAmount } from '../src/lib/reading/money.ts';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from '../src/schema/framework.ts';
import { RESULT_LAYOUTS, RESULT_READING, type ResultKind } from '../src/schema/result-layouts.ts';
import { LABEL_READING } from '../src/schema/table-layouts.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema } from '../src/schema/results.ts';
import { gridsOf, readTranscription, transcriptionIds, type Transcription } from './fixtures/published/transcription.ts';
import { EVALUATION } from './fixtures/results/samples.ts';
import { publishedEvaluation } from '../src/lib/views/results-view.ts';

/** A made-up unit code, for the tables that print none (no 填报单位 line with a code): the name then comes from the table. */
const MADE_UP_UNIT = '999001';

/** 湖北's tables print 满意度指标 as the 二级 of 满意度指标 too: a 湖北 site writes that into its framework (site.yaml 指标体系). */
const HUBEI_FRAMEWORK: IndicatorFramework = DEFAULT_FRAMEWORK.map((f) => (f.level1 === '满意度指标' ? { ...f, level2: [...f.level2, '满意度指标'] } : f));

interface Case {
  id: string;
  kind: ResultKind;
  unit: string;
  framework?: IndicatorFramework;
  /** Imports and validates with no problem; or the import refuses (its messages); or validation does (the schema's messages, at their fields). */
  expect: 'imports' | { refused: string[] } | { invalid: string[] };
}

const CASES: Case[] = [
  // Complete, or cut off after some indicators: they import.
  { id: 'hb-langfang-2019-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: 'imports' },
  { id: 'hub-ezhou-2019-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: 'imports' },
  { id: 'hub-ezhou-zwgl-2019-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: 'imports' },
  { id: 'hub-huangshi-2019-monitoring', kind: 'monitoring', unit: MADE_UP_UNIT, expect: 'imports' },
  { id: 'hub-huangshi-2022-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, framework: HUBEI_FRAMEWORK, expect: 'imports' },
  { id: 'sc-qingshen-fagai-2023-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: 'imports' },
  { id: 'sc-zhongjiang-shuili-2022-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: 'imports' },
  { id: 'yn-changning-2022-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: 'imports' },
  // Read in full, but inconsistent as published: validation says where, and the command writes nothing.
  // 濉溪: a target missed (5830元/户 against <=5300元/户) with no reason given.
  {
    id: 'ah-suixi-2019-evaluation',
    kind: 'evaluation',
    unit: '155', // printed with the 主管部门: [155]濉溪县民政局
    expect: { invalid: ['绩效指标[8].偏差原因分析及改进措施 “扶贫临时救助标准(<**元/户·年)——一户年最高5300元”未达到目标（实际完成 5,830元/户，高于目标 ≤5,300元/户）：按规定要写偏差原因分析及改进措施'] },
  },
  // 棠溪: the 年度资金总额 row prints 0 over parts of 90 (and 202.64) 万元; the second is also cut off inside 效益指标(30分).
  {
    id: 'ah-tangxi-2022-evaluation',
    kind: 'evaluation',
    unit: '219001', // printed with the 实施单位: 219001-池州市贵池区棠溪镇人民政府
    expect: {
      invalid: [
        '资金[1].年初预算数 “其中:本年财政拨款” + “上年结转资金” + “其他资金” 的年初预算数合计 90.00 万元，与“年度资金总额:”的 0.00 万元 不相等（相差 90.00 万元）。请按批复文件核对',
        '资金[1].全年预算数 “其中:本年财政拨款” + “上年结转资金” + “其他资金” 的全年预算数合计 89.974 万元，与“年度资金总额:”的 0.00 万元 不相等（相差 89.974 万元）。请按批复文件核对',
        '资金[1].全年执行数 “其中:本年财政拨款” + “上年结转资金” + “其他资金” 的全年执行数合计 89.974 万元，与“年度资金总额:”的 0.00 万元 不相等（相差 89.974 万元）。请按批复文件核对',
      ],
    },
  },
  {
    id: 'ah-tangxi-cunji-2022-evaluation',
    kind: 'evaluation',
    unit: '219001',
    expect: {
      invalid: [
        '资金[1].年初预算数 “其中:本年财政拨款” + “上年结转资金” + “其他资金” 的年初预算数合计 202.64 万元，与“年度资金总额:”的 0.00 万元 不相等（相差 202.64 万元）。请按批复文件核对',
        '资金[1].全年预算数 “其中:本年财政拨款” + “上年结转资金” + “其他资金” 的全年预算数合计 132.912 万元，与“年度资金总额:”的 0.00 万元 不相等（相差 132.912 万元）。请按批复文件核对',
        '资金[1].全年执行数 “其中:本年财政拨款” + “上年结转资金” + “其他资金” 的全年执行数合计 132.912 万元，与“年度资金总额:”的 0.00 万元 不相等（相差 132.912 万元）。请按批复文件核对',
        '绩效指标[7].一级指标 “效益指标(30分)”下各指标的分值合计 20，与标明的 30 分不相等。请按原表核对分值',
      ],
    },
  },
  // 普陀: 执行率 86.19% where 215457.6 ÷ 250000.00 is 86.18%.
  {
    id: 'sh-putuo-tiyu-2022-evaluation',
    kind: 'evaluation',
    unit: MADE_UP_UNIT,
    expect: { invalid: ['资金[1].执行率 “年度资金总额”的执行率写的是 86.19%，按 全年执行数 ÷ 全年预算数 = 215457.6 ÷ 250000.00（元）算出是 86.18%（精确到 0.01%）。请按批复文件核对执行数、预算数和执行率'] },
  },
  // Cut off before any indicator, or only the end of a table: refused, nothing returned.
  // 贯塘: the stored page ends at the 年度总体目标 header.
  { id: 'hun-guantang-2023-department-evaluation', kind: 'departmentEvaluation', unit: MADE_UP_UNIT, expect: { refused: ['表1!A1 表格“表1”没有部门整体支出绩效自评表的绩效指标表头行（应有：三级指标、年度指标值，以及实际完成值或得分）。原表不完整时，请补全后再导入'] } },
  // 大英 安可: the stored page ends inside the first indicator row, under the header.
  { id: 'sc-daying-sifa-2023-evaluation', kind: 'evaluation', unit: MADE_UP_UNIT, expect: { refused: ['表1!A13 表格“表1”的绩效指标表头行之下没有指标：原表不完整时，请补全后再导入'] } },
  // 大英 成本: only the end of a table (from its indicator header on): no money block, no 项目名称.
  {
    id: 'sc-daying-sifa-chengben-2023-evaluation',
    kind: 'evaluation',
    unit: MADE_UP_UNIT,
    expect: { refused: ['表1!A1 没有资金表头行（应有：年初预算数、全年预算数、全年执行数、分值、执行率、得分）。原表不完整时，请补全后再导入', '表1!A1 表格“表1”没有项目名称（“项目名称”一栏找不到）'] },
  },
];

const schemaOf = (kind: ResultKind, framework?: IndicatorFramework) =>
  kind === 'monitoring' ? monitoringSchema(framework && { framework }) : kind === 'evaluation' ? evaluationSchema(framework && { framework }) : departmentEvaluationSchema(framework);

const importOf = (t: Transcription, c: Case, grids: Grid[] = gridsOf(t)) => {
  const options: ResultImportOptions = { year: t.年度, unit: c.unit, framework: c.framework };
  return importResultFile({ grids, after: [] }, options);
};

/** The issues as the command prints them: the field (rows from 1), then the message. */
const issuesOf = (kind: ResultKind, table: unknown, framework?: IndicatorFramework) =>
  (schemaOf(kind, framework).safeParse(table).error?.issues ?? []).map((i) => `${i.path.map((k, n) => (typeof k === 'number' ? `[${k + 1}]` : `${n ? '.' : ''}${String(k)}`)).join('')} ${i.message}`);

/** Every key and text of an imported file, as the reader compares labels. */
function stringsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
  return value === undefined ? [] : [String(value)];
}

/**
 * Whether a printed cell (or line above the table) is in the imported file: its text (or, for an
 * amount, its reading: `215,457.6` is 215457.6) inside one of the file's texts; a label the
 * download of the file prints (a column the description names, `项目资金（万元）`); a line whose
 * meaning the file holds (the year line as 年度, `单位：万元` as 金额单位); or each `label: value` of
 * a cell that holds several.
 */
function kept(text: string, table: Record<string, unknown>, strings: string[]): boolean {
  const t = resultLabel(text);
  const amount = readAmount(text.trim());
  if ([t, ...(amount.ok ? [amount.text] : [])].some((x) => strings.some((s) => s.includes(x)))) return true;
  const year = RESULT_READING.yearLine.exec(t);
  if (year) return Number(year[1]) === table['年度'];
  const money = MONEY_LINE.exec(t);
  if (money) return money[1] === table['金额单位'];
  const segments = text.trim().split(LABEL_READING.inlineSplit).map((s) => LABEL_READING.inline.exec(s.trim()));
  if (segments.every((m) => m !== null) && (segments.length > 1 || segments[0]![2] !== '')) {
    return segments.every((m) => [m![1]!, m![2]!].every((x) => x === '' || kept(x, table, strings)));
  }
  return false;
}

describe('the published result tables', () => {
  for (const c of CASES) {
    const t = readTranscription(c.id);
    it(`${c.id}: ${typeof c.expect === 'string' ? 'imports with every cell kept' : 'refused' in c.expect ? 'refused, with why' : 'read, and validation says what is inconsistent'}`, () => {
      const result = importOf(t, c);
      expect(result.layout?.kind).toBe(c.kind);
      const where = (p: { where: string; message: string }) => `${p.where} ${p.message}`;
      if (typeof c.expect === 'object' && 'refused' in c.expect) {
        expect(result.problems.map(where)).toEqual(c.expect.refused);
        expect(result.tables).toEqual([]);
        return;
      }
      expect(result.problems.map(where)).toEqual([]);
      expect(result.tables).toHaveLength(1);
      const table = result.tables[0]!;
      expect(issuesOf(c.kind, table, c.framework)).toEqual(c.expect === 'imports' ? [] : c.expect.invalid);
      // Every non-empty cell the government printed, and every line above the table, is in the file.
      const grid = resultGrid(c.kind, table);
      const strings = [...stringsOf(table), ...grid.rows.flat().flatMap((x) => (x ? [x.text] : []))].map(resultLabel);
      const printed = t.表格.flatMap((x) => [...(x.前文 ?? []), ...x.行.flat()]).filter((x) => x.trim() !== '');
      expect(printed.filter((x) => !kept(x, table, strings))).toEqual([]);
      // The Excel download of the file (and its text form) reads back to the same file.
      const yaml = resultYaml(c.kind, table);
      for (const g of [grid, readTextGrids(writeTextGrids([grid])).grids[0]!]) {
        const again = importOf(t, c, [g]);
        expect(again.problems).toEqual([]);
        expect(resultYaml(c.kind, again.tables[0]!)).toBe(yaml);
      }
    });
  }

  it('covers every result table of the corpus', () => {
    const results = transcriptionIds().filter((id) => /evaluation|monitoring/.test(id));
    expect(CASES.map((c) => c.id).sort()).toEqual(results);
  });

  it('takes none of the corpus target tables for a result table', () => {
    const targets = transcriptionIds().filter((id) => !CASES.some((c) => c.id === id));
    expect(targets.length).toBeGreaterThanOrEqual(15);
    for (const id of targets) expect(detectResultLayout(gridsOf(readTranscription(id))), id).toBeUndefined();
  });
});

describe('what the import says beside its problems', () => {
  const notices = (id: string) => importOf(readTranscription(id), CASES.find((c) => c.id === id)!).notices.map((n) => `${n.where} ${n.message}`);

  it('lists the labelled cells it kept under 其他栏目, with their cell', () => {
    expect(notices('sc-zhongjiang-shuili-2022-evaluation')).toEqual(['表1!F3 “项目负责人及电话”不是项目支出绩效自评表描述中的栏目，已照原样保存在“其他栏目”下（“谢凯13990260322(办公)”）。如果它应是一个字段，请告诉维护者']);
    expect(notices('yn-changning-2022-evaluation')).toEqual([
      '第 1 段 表前的“附件3:”已照原样保存在“其他栏目”的“表前文字”下',
      '第 3 段 “填报日期”不是项目支出绩效自评表描述中的栏目，已照原样保存在“其他栏目”下（“2023年4月15日”）。如果它应是一个字段，请告诉维护者',
      '表1!A3 “项目类别”不是项目支出绩效自评表描述中的栏目，已照原样保存在“其他栏目”下（“1、部门预算项目 □ 2、县直专项 ☑ 3、省市对下转移支付…”）。如果它应是一个字段，请告诉维护者',
      '表1!A4 “项目属性”不是项目支出绩效自评表描述中的栏目，已照原样保存在“其他栏目”下（“1、持续性项目 ☑ 2、新增性项目 □”）。如果它应是一个字段，请告诉维护者',
    ]);
  });

  it('names the runner-up when another kind scores as well', () => {
    // Only the end of a table: the indicators and 评价结论 are a project's and a department's alike.
    expect(notices('sc-daying-sifa-chengben-2023-evaluation')[0]).toBe(' 按标题和栏目看，这是项目支出绩效自评表（15 分），其次像部门整体支出绩效自评表（15 分）。如果认错了，请核对表名和栏目名称');
  });

  it('reads a label with its score, letter or unit, and keeps it as printed', () => {
    const c = CASES.find((x) => x.id === 'hub-huangshi-2022-evaluation')!;
    const table = importOf(readTranscription(c.id), c).tables[0]!;
    expect(table['原文栏目']).toMatchObject({ 资金: '预算执行情况(万元) (20分)', '资金.全年预算数': '预算数(A)', '资金.执行率': '执行率(B/A)', '资金.得分': '得分 (20分*执行率)', 绩效指标: '年度绩效目标1 (80分)', '绩效指标.年度指标值': '年初目标值(A)' });
    expect(table['金额单位']).toBe('万元');
    const yuan = importOf(readTranscription('sh-putuo-tiyu-2022-evaluation'), CASES.find((x) => x.id === 'sh-putuo-tiyu-2022-evaluation')!).tables[0]!;
    expect(yuan['金额单位']).toBe('元'); // 项目资金\n(元)
  });

  it('keeps a score printed in a label: a 一级’s in the file and the table the page shows, checked against its rows; a caption’s in 原文栏目 and the download', () => {
    const c = CASES.find((x) => x.id === 'yn-changning-2022-evaluation')!;
    const table = importOf(readTranscription(c.id), c).tables[0]!;
    const rows = table['绩效指标'] as Record<string, unknown>[];
    expect(new Set(rows.map((r) => r['一级指标']))).toEqual(new Set(['产出指标(40分)']));
    expect(publishedEvaluation(evaluationSchema().parse(table)).rows.map((r) => r[0])).toContain('产出指标(40分)');
    expect(table['原文栏目']).toMatchObject({ 资金: '预算执行情况(万元)\n(20分)', 绩效指标: '年度绩效目标\n(80分)' });
    const download = resultGrid('evaluation', table).rows.flat().flatMap((x) => (x ? [x.text] : []));
    expect(download).toEqual(expect.arrayContaining(['预算执行情况(万元)\n(20分)', '年度绩效目标\n(80分)', '产出指标(40分)']));
    // The 一级's points are read: 中江's 产出指标(70分) rows have 分值 adding up to 70; printed as 75, that is said.
    const z = CASES.find((x) => x.id === 'sc-zhongjiang-shuili-2022-evaluation')!;
    const zhongjiang = importOf(readTranscription(z.id), z).tables[0]!;
    expect(issuesOf('evaluation', zhongjiang)).toEqual([]);
    for (const r of zhongjiang['绩效指标'] as Record<string, unknown>[]) if (r['一级指标'] === '产出指标(70分)') r['一级指标'] = '产出指标(75分)';
    expect(issuesOf('evaluation', zhongjiang)).toEqual([expect.stringContaining('“产出指标(75分)”下各指标的分值合计 70，与标明的 75 分不相等')]);
  });

  it('is told the kind (--layout) instead of guessing it', () => {
    const grids = gridsOf(readTranscription('sc-daying-sifa-chengben-2023-evaluation'));
    const result = importResultFile({ grids, after: [] }, { kind: 'departmentEvaluation', year: 2023, unit: MADE_UP_UNIT });
    expect(result.layout?.kind).toBe('departmentEvaluation');
    expect(result.notices.some((n) => n.message.includes('其次像'))).toBe(false);
  });
});

describe('reading rules met in published tables, on the example unit\'s self-evaluation', () => {
  const lines = () => writeTextGrids([resultGrid('evaluation', EVALUATION)]).split('\n').map((l) => l.split('\t'));
  const read = (rows: string[][]) => importResultFile(readTextGrids(rows.map((l) => l.join('\t')).join('\n')));

  it('a 序号 column left of the indicators is a column (kept under 其他栏目), not a caption', () => {
    const rows = lines();
    const header = rows.findIndex((l) => l.includes('一级指标'));
    const total = rows.findIndex((l) => l[0] === '总分');
    const numbered = rows.map((l, n) => (n < header || n > total ? l : [n === header ? '序号' : n === total ? '' : String(n - header), ...l]));
    const result = read(numbered);
    expect(result.problems).toEqual([]);
    const indicators = result.tables[0]!['绩效指标'] as Record<string, unknown>[];
    expect(indicators.map((i) => (i['其他栏目'] as Record<string, string>)['序号'])).toEqual(indicators.map((_, n) => String(n + 1)));
    expect(result.notices.map((x) => x.message)).toEqual([expect.stringContaining('指标栏目“序号”不是项目支出绩效自评表描述中的栏目')]);
  });

  it('labels spaced, broken over lines, full-width or with a score, letter or unit; the year with its bracket missing; 附件1 above', () => {
    const grid = structuredClone(resultGrid('evaluation', EVALUATION));
    const printed: Record<string, string> = { 年初预算数: '年初\n预算数', 全年预算数: '全年预算数（Ａ）', 执行率: '执行率(B/A)', 实际完成值: '实 际 完 成 值', '（2024年度）': '2024年度）', 得分: '得分 (20分*执行率)' };
    for (const cell of grid.rows.flat()) if (cell && printed[cell.text]) cell.text = printed[cell.text]!;
    grid.before = [{ text: '附件1', where: '第 1 段' }];
    const result = importResultFile({ grids: [grid], after: [] });
    expect(result.problems).toEqual([]);
    const table = result.tables[0]!;
    expect(table['年度']).toBe(2024);
    expect(table['原文栏目']).toEqual({ '资金.全年预算数': '全年预算数（Ａ）', '资金.执行率': '执行率(B/A)', '资金.得分': '得分 (20分*执行率)', '绩效指标.得分': '得分 (20分*执行率)' });
    expect(table['其他栏目']).toEqual({ 表前文字: '附件1' });
    const { 原文栏目: _, 其他栏目: __, ...rest } = table;
    expect(resultYaml('evaluation', rest)).toBe(resultYaml('evaluation', EVALUATION));
  });
});

describe('the result importer never crashes', () => {
  // Any grid — labels of every result description, amounts, marks, garbage, merges in odd places —
  // gets problems (and then no tables) or tables, never an exception.
  const words = [...new Set(RESULT_LAYOUTS.flatMap((l) => [l.title, ...[...l.head, ...l.money, ...l.goal, ...l.indicators, ...l.closing].flatMap((x) => [x.label, ...(x.aliases ?? [])])]))];
  const cellText = fc.oneof(fc.constantFrom(...words, ...RESULT_READING.totalLabels, ...RESULT_READING.emptyMarks, '(2024年度)', '单位：万元', '项目资金(元)', '产出指标(50分)', '项目负责人:某某', '附件1', '910001', '12.30', ''), fc.string({ maxLength: 6 }));
  const cell = fc.record({ text: cellText, rowSpan: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), colSpan: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) });
  const grid = fc.array(fc.array(fc.option(cell, { nil: null, freq: 8 }), { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 16 }).map((rows): Grid => ({ name: 'Sheet1', source: 'xlsx', rows, before: [] }));

  it('returns problems or tables for any grid', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 2 }), (grids) => {
        const result = importResultFile({ grids, after: [] }, { year: 2024, unit: '910001' });
        if (result.problems.length > 0) expect(result.tables).toEqual([]);
        for (const p of [...result.problems, ...result.notices]) expect(p.message).toMatch(/\p{Script=Han}/u);
      }),
      { numRuns: 200 },
    );
  });
});
