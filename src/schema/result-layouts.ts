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
  /** Label | value cells above the money block; the first names the table. */
  head: readonly ResultLabel[];
  /** Columns of the money block. */
  money: readonly (ResultColumn & MoneyColumn)[];
  /** The two headers of the 年度总体目标 block: what was set, and what came of it. */
  goal: readonly [ResultColumn, ResultColumn];
  indicators: readonly ResultColumn[];
  /** Indicator labels by which the kind of a table is recognised. */
  required: readonly string[];
  /** Label | value rows below the indicators. */
  closing: readonly ResultColumn[];
  /** Whether the indicators end with a 总分 row (分值 and 得分 columns). */
  totalRow: boolean;
}

/**
 * How the templates print a field when not simply under its YAML key, by key (a key means the same
 * in every kind of table): another label, other spellings seen, the monitoring period in front, or
 * a provincial column that a table may lack.
 */
const PRINTED: Readonly<Record<string, Omit<ResultLabel, 'key' | 'label'> & { label?: string }>> = {
  // Money: the monitoring's 调整后预算数 is the self-evaluation's 全年预算数, and so on.
  调整后预算数: { aliases: ['全年预算数'] },
  执行数: { monthly: true },
  全年预算数: { aliases: ['调整后预算数'] },
  全年执行数: { aliases: ['执行数'] },
  // 年度总体目标
  年度目标: { aliases: ['预期目标'] },
  执行情况: { monthly: true },
  // Indicators
  指标性质: { variant: true },
  度量单位: { variant: true, aliases: ['计量单位'] },
  当前完成值: { label: '执行情况', monthly: true, aliases: ['当前完成值'] },
  偏差原因说明: { aliases: ['偏差原因分析', '原因说明'] },
  调整后指标值: { variant: true },
  权重: { variant: true },
  是否核心指标: { variant: true },
  偏差原因分析及改进措施: { aliases: ['偏差原因分析', '未完成原因分析及改进措施'] },
  变更: { variant: true },
  原指标: { variant: true },
  变更理由: { variant: true },
};
const printed = <F extends { key: string; property: string }>(fields: readonly F[]): (F & ResultColumn)[] => fields.map((f) => ({ label: f.key, ...f, ...PRINTED[f.key] }));
/** 年度总体目标 has two fields in either stage (results.ts). */
const goalOf = (fields: readonly { key: string; property: string }[]) => printed(fields) as [ResultColumn, ResultColumn];

/**
 * The head is listed here, not taken from results.ts: the table prints the name first, the file
 * keeps the key first (and 单位编码 and 年度 are printed in lines above the table, not as cells).
 */
const PROJECT_HEAD: readonly ResultLabel[] = [
  { label: '项目名称', key: '项目名称' },
  { label: '项目编码', key: '项目编码', variant: true },
  { label: '网址标识', key: '网址标识', variant: true },
  { label: '主管部门', key: '主管部门' },
  { label: '实施单位', key: '实施单位' },
];

/** What a project's and a department's self-evaluation tables share: all but their head. */
const EVALUATION_BODY = {
  money: printed(EVALUATION_MONEY_COLUMNS),
  goal: goalOf(EVALUATION_GOAL_FIELDS),
  indicators: printed(EVALUATION_INDICATOR_FIELDS),
  required: ['三级指标', '年度指标值', '实际完成值', '得分'],
  closing: printed(EVALUATION_CLOSING_FIELDS),
  totalRow: true,
} satisfies Omit<ResultLayout, 'kind' | 'title' | 'head'>;

export const RESULT_LAYOUTS: readonly ResultLayout[] = [
  {
    kind: 'monitoring',
    title: '项目支出绩效目标执行监控表',
    shortName: '执行监控表',
    head: PROJECT_HEAD,
    money: printed(MONITORING_MONEY_COLUMNS),
    goal: goalOf(MONITORING_GOAL_FIELDS),
    indicators: printed(MONITORING_INDICATOR_FIELDS),
    required: ['三级指标', '年度指标值', '全年预计完成情况'],
    closing: [],
    totalRow: false,
  },
  { kind: 'evaluation', title: '项目支出绩效自评表', head: PROJECT_HEAD, ...EVALUATION_BODY },
  // The department's table is the project's with the department named in place of the project.
  { kind: 'departmentEvaluation', title: '部门整体支出绩效自评表', head: [{ label: '部门名称', key: '单位名称', aliases: ['单位名称'] }], ...EVALUATION_BODY },
];
export const resultLayoutOf = (kind: ResultKind) => RESULT_LAYOUTS.find((x) => x.kind === kind)!;
