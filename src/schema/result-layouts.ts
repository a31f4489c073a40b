// The result tables of the performance cycle as printed — the 项目支出绩效目标执行监控表, the national
// 项目支出绩效自评表 and the 部门整体支出绩效自评表 — one description each, beside the target tables'
// (table-layouts.ts): read by the importer and the Excel writer (import/result-table.ts), the pages
// and the downloads.
//
// Which way round: the fields are listed once, in results.ts, where each YAML key gets its property
// and its type (the types the site reads are inferred from that list). The national templates print
// those fields in that order, so a layout takes its money, goal, indicator and closing columns from
// there and says here only how a field is printed when not simply under its key, every time.
import {
  EMPTY_MARKS,
  EVALUATION_CLOSING_FIELDS,
  EVALUATION_GOAL_FIELDS,
  EVALUATION_INDICATOR_FIELDS,
  EVALUATION_MONEY_COLUMNS,
  MONITORING_GOAL_FIELDS,
  MONITORING_INDICATOR_FIELDS,
  MONITORING_MONEY_COLUMNS,
  type MoneyColumn,
} from './results.ts';

export type ResultKind = 'monitoring' | 'evaluation' | 'departmentEvaluation';

/** A printed label (and other spellings seen) and the YAML key its cell fills. */
export interface ResultLabel {
  label: string;
  key: string;
  aliases?: readonly string[];
  /** Printed with the monitoring period in front: `1-6月执行数`. */
  monthly?: boolean;
  /** A provincial column: written only when a row has a value in it. */
  variant?: boolean;
}

/** A printed field with the property the site reads it under. */
export interface ResultColumn extends ResultLabel {
  property: string;
}

export interface ResultLayout {
  kind: ResultKind;
  title: string;
  /** What the downloads call the table (their 表 column, all.json) when not its title. */
  shortName?: string;
  /**
   * Words that, in a table's title, name this kind (`绩效目标自评表 (2019年度)`, `黄石市项目支出绩效监控表`).
   * The longest one found among all layouts decides which kind the title names.
   */
  titles: readonly string[];
  /** What one table is of: a 项目, or the whole 单位 (部门); the first head label names it. */
  subject: '项目' | '单位';
  /** Label | value cells above the money block; the first names the table. */
  head: readonly ResultLabel[];
  /** Columns of the money block. */
  money: readonly (ResultColumn & MoneyColumn)[];
  /** The two headers of the 年度总体目标 block: what was set, and what came of it. */
  goal: readonly [ResultColumn, ResultColumn];
  indicators: readonly ResultColumn[];
  /** The indicator header row: it names every one of these (keys)… */
  required: readonly string[];
  /** …and at least one of these, the columns only this stage's tables print (keys). */
  results: readonly string[];
  /** Label | value rows below the indicators. */
  closing: readonly ResultColumn[];
  /** Whether the indicators end with a 总分 row (分值 and 得分 columns). */
  totalRow: boolean;
  /** Whether the table counts to a month (`1-6月执行数`) and must say which. */
  monthly: boolean;
}

/**
 * How the templates print a field when not simply under its YAML key, by key (a key means the same
 * in every kind of table): another label, other spellings seen, the monitoring period in front, or
 * a provincial column that a table may lack.
 */
const PRINTED: Readonly<Record<string, Omit<ResultLabel, 'key' | 'label'> & { label?: string }>> = {
  // Money: the monitoring's 调整后预算数 is the self-evaluation's 全年预算数, and so on. A score, a
  // letter or a unit in the label (`全年预算数(A)`, `得分 (20分*执行率)`) is read apart (table-layouts.ts LABEL_READING).
  年初预算数: { aliases: ['年初预算'] },
  调整后预算数: { aliases: ['全年预算数'] },
  执行数: { monthly: true },
  全年预算数: { aliases: ['调整后预算数', '预算数', '调整后预算'] },
  全年执行数: { aliases: ['执行数', '预算执行数'] },
  执行率: { aliases: ['预算执行率'] },
  得分: { aliases: ['自评得分'] },
  // 年度总体目标
  年度目标: { aliases: ['预期目标', '年初设定目标', '项目年度目标'] },
  执行情况: { monthly: true },
  预期目标: { aliases: ['年度目标', '年初设定目标', '项目年度目标'] },
  实际完成情况: { aliases: ['年度总体目标完成情况综述', '年度目标完成情况'] },
  // Indicators
  三级指标: { aliases: ['指标名称', '指标内容'] },
  年度指标值: { aliases: ['指标值', '年初目标值', '年初设定目标值'] },
  指标性质: { variant: true },
  度量单位: { variant: true, aliases: ['计量单位'] },
  当前完成值: { label: '执行情况', monthly: true, aliases: ['当前完成值', '半年度指标执行情况', '指标执行情况'] },
  偏差原因说明: { aliases: ['偏差原因分析', '原因说明'] },
  调整后指标值: { variant: true },
  实际完成值: { aliases: ['全年实际值', '完成值', '实际值'] },
  权重: { variant: true },
  是否核心指标: { variant: true },
  偏差原因分析及改进措施: { aliases: ['偏差原因分析', '未完成原因分析及改进措施', '未完成原因及拟采取的改进措施', '未完成原因分析'] },
  变更: { variant: true },
  原指标: { variant: true },
  变更理由: { variant: true },
};
const printed = <F extends { key: string; property: string }>(fields: readonly F[], block: typeof PRINTED = {}): (F & ResultColumn)[] =>
  fields.map((f) => ({ label: f.key, ...f, ...PRINTED[f.key], ...block[f.key] }));
/** The money block's own spellings: 四川 prints the 分值 of a money row as 权重 (an indicator's 权重 is a field of its own). */
const MONEY_PRINTED: typeof PRINTED = { 分值: { aliases: ['权重'] } };
/** 年度总体目标 has two fields in either stage (results.ts). */
const goalOf = (fields: readonly { key: string; property: string }[]) => printed(fields) as [ResultColumn, ResultColumn];

/**
 * The head is listed here, not taken from results.ts: the table prints the name first, the file
 * keeps the key first (and 单位编码 and 年度 are printed in lines above the table, not as cells).
 */
const PROJECT_HEAD: readonly ResultLabel[] = [
  { label: '项目名称', key: '项目名称', aliases: ['项目(专项)名称'] },
  { label: '项目编码', key: '项目编码', variant: true },
  { label: '网址标识', key: '网址标识', variant: true },
  { label: '主管部门', key: '主管部门' },
  { label: '实施单位', key: '实施单位', aliases: ['项目实施单位', '项目执行单位'] },
];

/** What a project's and a department's self-evaluation tables share: all but their head. */
const EVALUATION_BODY = {
  money: printed(EVALUATION_MONEY_COLUMNS, MONEY_PRINTED),
  goal: goalOf(EVALUATION_GOAL_FIELDS),
  indicators: printed(EVALUATION_INDICATOR_FIELDS),
  required: ['三级指标', '年度指标值'],
  results: ['实际完成值', '得分'],
  closing: printed(EVALUATION_CLOSING_FIELDS),
  totalRow: true,
  monthly: false,
} satisfies Omit<ResultLayout, 'kind' | 'title' | 'head' | 'titles' | 'subject'>;

export const RESULT_LAYOUTS: readonly ResultLayout[] = [
  {
    kind: 'monitoring',
    title: '项目支出绩效目标执行监控表',
    shortName: '执行监控表',
    titles: ['项目支出绩效目标执行监控表', '绩效目标执行监控表', '执行监控表', '绩效监控表', '监控表'],
    subject: '项目',
    head: PROJECT_HEAD,
    money: printed(MONITORING_MONEY_COLUMNS),
    goal: goalOf(MONITORING_GOAL_FIELDS),
    indicators: printed(MONITORING_INDICATOR_FIELDS),
    required: ['三级指标', '年度指标值'],
    results: ['当前完成值', '全年预计完成情况', '完成目标可能性'],
    closing: [],
    totalRow: false,
    monthly: true,
  },
  {
    kind: 'evaluation',
    title: '项目支出绩效自评表',
    // 四川's 部门预算项目支出绩效自评表, 上海's 财政项目支出绩效自评表, 安徽's and 四川's 绩效目标自评表.
    titles: ['项目支出绩效自评表', '绩效目标自评表', '项目自评表', '绩效自评表', '自评表'],
    subject: '项目',
    head: PROJECT_HEAD,
    ...EVALUATION_BODY,
  },
  // The department's table is the project's with the department named in place of the project.
  {
    kind: 'departmentEvaluation',
    title: '部门整体支出绩效自评表',
    titles: ['部门整体支出绩效自评表', '整体支出绩效自评表', '部门整体绩效自评表'],
    subject: '单位',
    head: [{ label: '部门名称', key: '单位名称', aliases: ['单位名称', '部门', '预算部门', '预算部门、单位名称', '部门(单位)名称', '预算单位名称'] }],
    ...EVALUATION_BODY,
  },
];
export const resultLayoutOf = (kind: ResultKind) => RESULT_LAYOUTS.find((x) => x.kind === kind)!;

// ---------------------------------------------------------------------------------------------
// How every result table is read, for the three kinds alike (import/result-table.ts): what a cell
// prints for “nothing”, and where the title, the year and the captions are. Each was met in a published table
// (tests/fixtures/published/); a new way of printing is added here, not in the reader.

export const RESULT_READING = {
  // Labels are read as every table's are (table-layouts.ts LABEL_READING): spaces, widths and
  // colons aside, with their score, letter and money unit read and taken off (`产出指标(50分)`,
  // `全年预算数(A)`, `项目资金(万元)`), then without a last bracket of explanation (`实施单位(盖章)`).
  /** A cell that prints one of these has no value: kept as written, read as empty (amounts, 分值, 得分, 执行率; a 三级指标 `……` marks a template row). */
  emptyMarks: EMPTY_MARKS,
  /** The year line, with or without its brackets and spaces (`（2024年度）`, `2019年度)`, `( 2021 年度)`); on the line with spaces removed. */
  yearLine: /^[(]?(\d{4})年度?[)]?$/,
  /** A year inside the title line (`2022年度黄石市…项目自评表`, `绩效目标自评表 (2019年度)`). */
  titleYear: /(\d{4})\s*年/,
  /** An attachment mark above the title (`附件1`, `附件二`, `附件:`, `附表1`): kept under 其他栏目 as PREFACE_KEY. */
  prefaceMark: /^附[件表]\s*[\d一二三四五六七八九十]*\s*[:：]?$/,
  /** The caption of the 年度总体目标 block, in its first cell. */
  goalCaptions: ['年度总体目标', '项目基本情况'],
  /** The label of the row that ends the indicators with their sums. */
  totalLabels: ['总分', '合计', '总计'],
  /** Where the total row's cells go, by their column: 得分 is the table's 总分; the others are kept under 其他栏目. */
  totalCells: { 得分: '总分', 分值: '总分分值', 权重: '总分权重' } as Readonly<Record<string, string>>,
  /**
   * The captions and names this site prints (the writer's): a printed one that differs, notes
   * aside, is kept under 原文栏目 at the key on the left (a column's at `资金.全年预算数`).
   */
  captions: { 资金: '项目资金', '资金.栏目': '', 年度总体目标: '年度总体目标', '年度总体目标.栏目': '', 绩效指标: '', 总分: '总分' } as Readonly<Record<string, string>>,
  /** Scores this close (or closer) leave the kind in some doubt: the import names the runner-up. */
  closeScore: 2,
  /** What a title naming the kind counts for, against one point per label found. */
  titleWeight: 3,
} as const;

/** The 其他栏目 key of the lines printed above the title that no field takes (`附件1`). */
export const PREFACE_KEY = '表前文字';
