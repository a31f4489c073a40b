// Download tables of the later stages (执行监控, 绩效自评): one row per published indicator row,
// and the money rows of both stages one published amount per row with its phase. Every cell is
// the YAML text as written (`-` kept, no number re-rounded); the site's reading of whether a
// target was met sits in columns labelled 本网站读法. Pure functions of their input.
import { numberOf, outcomeOfRow, type DepartmentEvaluation, type Evaluation, type EvaluationIndicator, type MoneyColumn, type MoneyRow, type Monitoring, type MonitoringIndicator } from '../../schema/results.ts';
import { RESULT_LAYOUTS, resultLayoutOf, type ResultKind } from '../../schema/result-layouts.ts';
import { OUTCOME_LABELS, scoreDisagreement } from '../reading/outcome.ts';
import type { Column, ColumnType, Table } from './tables.ts';

/** A result file as the site uses it (`data`) and exactly as its YAML parsed (`raw`). */
export interface ExportResult<T> {
  data: T;
  raw: unknown;
}
export interface ExportResults {
  monitoring: readonly ExportResult<Monitoring>[];
  evaluations: readonly ExportResult<Evaluation>[];
  departmentEvaluations: readonly ExportResult<DepartmentEvaluation>[];
}
export const hasExportResults = (r: ExportResults) => r.monitoring.length + r.evaluations.length + r.departmentEvaluations.length > 0;

/** The three kinds of table, by the name the published documents give them. */
export const RESULT_TABLE_NAMES = Object.fromEntries(RESULT_LAYOUTS.map((l) => [l.kind, l.shortName ?? l.title])) as Record<ResultKind, string>;

const col = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });
type Cell<T> = readonly [Column, (row: T) => string | undefined];
/** A cell of a YAML key, read from the property the schema gives it; lists (偏差原因类别) joined with 、. */
const published = <T,>(key: string, property: string, description: string): Cell<T> => [
  col(key, 'string', `${description}，照原表`),
  (row) => {
    const value = (row as Record<string, unknown>)[property];
    return Array.isArray(value) ? value.join('、') : (value as string | undefined);
  },
];

/**
 * Not printed columns: every row names the table it comes from (year, unit, kind, project), so that
 * a row read alone, or the rows of many tables in one file, still say whose they are.
 */
const HEAD = {
  年度: col('年度', 'integer', '预算年度，例如 2024'),
  单位编码: col('单位编码', 'string', '预算单位编码（文本：开头的 0 有意义）'),
  单位名称: col('单位名称', 'string', '预算单位名称'),
  表: col('表', 'string', `本行来自哪张表：${Object.values(RESULT_TABLE_NAMES).join('、')}`),
  项目编码: col('项目编码', 'string', '项目编码，与绩效目标表相同；部门整体自评表为空'),
  网址标识: col('网址标识', 'string', '原表没有项目编码时，项目页面网址中的标识'),
  项目名称: col('项目名称', 'string', '项目名称；部门整体自评表为空'),
  监控截至月份: col('监控截至月份', 'integer', '执行监控表的执行数和完成值统计到哪个月的月底；自评表为空'),
  序号: col('序号', 'integer', '指标在本表指标中的序号，从 1 开始'),
} as const;

type Head = { fiscalYear: number; unitCode: string; unitName: string; code?: string; urlKey?: string; name?: string; month?: number };
const headCells = (t: Head, table: string) => [String(t.fiscalYear), t.unitCode, t.unitName, table, t.code ?? '', t.urlKey ?? '', t.name ?? '', t.month === undefined ? '' : String(t.month)];
const HEAD_COLUMNS = [HEAD.年度, HEAD.单位编码, HEAD.单位名称, HEAD.表, HEAD.项目编码, HEAD.网址标识, HEAD.项目名称, HEAD.监控截至月份];

/**
 * What a column of the download holds, where its name alone does not say (datapackage.json
 * describes every column). Worded for a reader of the download, so not the editors' descriptions
 * in results.ts.
 */
const ABOUT: Readonly<Record<string, string>> = {
  一级指标: '一级指标（可带分值，如“产出指标(50分)”）',
  三级指标: '三级指标（★ 核心指标、“其中：”分项照写）',
  指标性质: '指标性质（原表单列时）',
  年度指标值: '年度指标值（批复的）',
  度量单位: '度量单位（原表单列时）',
  当前完成值: '1 月至监控月份月底的执行情况',
  偏差原因类别: '偏差原因类别，多个时以“、”分隔',
  偏差原因说明: '偏差原因分析及拟采取的纠偏措施',
  权重: '权重（原表单列时）',
  是否核心指标: '是否核心指标（原表单列时）',
  变更: '与批复的绩效目标表相比：新增 或 调整',
  原指标: '调整了名称时目标表中原来的三级指标',
  变更理由: '新增或调整的理由',
};
/** The rows' published cells: the indicator columns of the kind's layout, in its order, under their YAML keys. */
const cellsOf = <T,>(kind: ResultKind): Cell<T>[] => resultLayoutOf(kind).indicators.map((c) => published<T>(c.key, c.property, ABOUT[c.key] ?? c.key));
const MONITORING_CELLS = cellsOf<MonitoringIndicator>('monitoring');
// The department's self-evaluation has the project's indicator columns (result-layouts.ts).
const EVALUATION_CELLS = cellsOf<EvaluationIndicator>('evaluation');

/** The site's reading of a self-evaluation row, labelled as such (derived, never the record). */
const READING = {
  达成情况: col('本网站读法：达成情况', 'string', `本网站按实际完成值与（调整后）年度指标值读出的达成情况：${Object.values(OUTCOME_LABELS).join('、')}（派生数据，不是原表）；“其中”分项为空`),
  说明: col('本网站读法：说明', 'string', '本网站读法的依据，一句话（派生数据，不是原表）'),
  得分提示: col('本网站读法：得分提示', 'string', '公布的得分与本网站读法不一致时的说明（派生数据，不是原表；以公布的得分为准）'),
} as const;

const extraLabels = (rows: readonly { extra?: Record<string, string> }[]) => [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
const extraColumn = (label: string) => col(`其他栏目：${label}`, 'string', `原表中的“${label}”栏，照原文（本网站没有对应字段的栏目）`);

/** Rows of one kind of table: head, 序号, the published cells, 其他栏目, then any derived cells. */
function indicatorTable<R extends { extra?: Record<string, string> }>(
  tables: readonly { head: Head; table: string; rows: readonly R[] }[],
  cells: readonly Cell<R>[],
  derived: readonly Cell<R>[] = [],
): Table {
  const labels = extraLabels(tables.flatMap((t) => t.rows));
  return {
    columns: [...HEAD_COLUMNS, HEAD.序号, ...cells.map(([c]) => c), ...labels.map(extraColumn), ...derived.map(([c]) => c)],
    rows: tables.flatMap((t) =>
      t.rows.map((row, n) => [...headCells(t.head, t.table), String(n + 1), ...cells.map(([, get]) => get(row) ?? ''), ...labels.map((l) => row.extra?.[l] ?? ''), ...derived.map(([, get]) => get(row) ?? '')]),
    ),
  };
}

const byYearAndUnit = <T extends { data: { fiscalYear: number; unitCode: string } }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.data.fiscalYear - b.data.fiscalYear || (a.data.unitCode < b.data.unitCode ? -1 : a.data.unitCode > b.data.unitCode ? 1 : 0));

/** monitoring.csv: one row per monitoring indicator. */
export function monitoringTable(monitoring: readonly ExportResult<Monitoring>[]): Table {
  return indicatorTable(byYearAndUnit(monitoring).map(({ data }) => ({ head: data, table: RESULT_TABLE_NAMES.monitoring, rows: data.indicators })), MONITORING_CELLS);
}

const READING_CELLS: readonly Cell<EvaluationIndicator>[] = [
  [READING.达成情况, (row) => { const o = outcomeOfRow(row); return o && OUTCOME_LABELS[o.status]; }],
  [READING.说明, (row) => outcomeOfRow(row)?.reason],
  [READING.得分提示, (row) => { const o = outcomeOfRow(row); return o && scoreDisagreement(o, numberOf(row.points), numberOf(row.score)); }],
];

/** evaluations.csv: one row per indicator of every project and department self-evaluation, with the site's reading. */
export function evaluationsTable(results: Pick<ExportResults, 'evaluations' | 'departmentEvaluations'>): Table {
  const tables = [
    ...byYearAndUnit(results.evaluations).map(({ data }) => ({ head: data as Head, table: RESULT_TABLE_NAMES.evaluation, rows: data.indicators })),
    ...byYearAndUnit(results.departmentEvaluations).map(({ data }) => ({ head: data as Head, table: RESULT_TABLE_NAMES.departmentEvaluation, rows: data.indicators })),
  ];
  return indicatorTable(tables, EVALUATION_CELLS, READING_CELLS);
}

/**
 * result-money.csv is long, not as printed: one published amount a row, the printed column it stands
 * in named under 列, so that both stages' amounts sit in one 金额 column, each with its phase.
 */
const MONEY = {
  栏目: col('栏目', 'string', '资金栏目，照原表（年度资金总额、其中：当年财政拨款 ……）'),
  列: col('列', 'string', '金额所在的原表栏目（年初预算数、调整后预算数、执行数、全年执行数 ……）'),
  预算阶段: col('预算阶段', 'string', '本行金额所属的阶段：年初预算、调整预算、决算、监控至N月（执行数）或全年预计'),
  金额单位: col('金额单位', 'string', '金额的单位：元 或 万元'),
  金额: col('金额', 'money', '金额，照原表；原表为“-”时照写“-”（没有金额，不是 0）；单位见“金额单位”列，阶段见“预算阶段”列'),
  执行率: col('执行率', 'string', '本栏目的执行率，照原表'),
  分值: col('分值', 'string', '本栏目的分值，照原表（通常只在资金总额一行）'),
  得分: col('得分', 'string', '本栏目的得分，照原表'),
} as const;

/** `监控` is the months the monitoring counts (every figure names its phase: docs/领域.md, “开放数据的惯例”). */
const phaseOf = (column: MoneyColumn, month: number | undefined) => (column.phase === '监控' ? `监控至${month}月` : column.phase!);

/** result-money.csv: one row per published amount of both stages' money tables, with its phase. */
export function resultMoneyTable(results: ExportResults): Table {
  const of = (kind: ResultKind, items: readonly ExportResult<Monitoring | Evaluation | DepartmentEvaluation>[]) =>
    byYearAndUnit(items).map(({ data }) => ({ head: data as Head, table: RESULT_TABLE_NAMES[kind], unit: data.moneyUnit, rows: data.money, columns: resultLayoutOf(kind).money }));
  const tables = [...of('monitoring', results.monitoring), ...of('evaluation', results.evaluations), ...of('departmentEvaluation', results.departmentEvaluations)];
  return {
    columns: [...HEAD_COLUMNS, MONEY.栏目, MONEY.列, MONEY.预算阶段, MONEY.金额单位, MONEY.金额, MONEY.执行率, MONEY.分值, MONEY.得分],
    rows: tables.flatMap((t) =>
      t.rows.flatMap((row) =>
        t.columns
          .filter((c) => c.kind === 'amount' && row[c.property as keyof MoneyRow] !== undefined)
          .map((c) => [...headCells(t.head, t.table), row.label, c.key, phaseOf(c, t.head.month), t.unit, row[c.property as keyof MoneyRow] as string, row.rate ?? '', row.points ?? '', row.score ?? '']),
      ),
    ),
  };
}

/** One project's monitoring or evaluation as a table (its per-project CSV download). */
export const projectMonitoringTable = (m: ExportResult<Monitoring>): Table => monitoringTable([m]);
export const projectEvaluationTable = (e: ExportResult<Evaluation>): Table => evaluationsTable({ evaluations: [e], departmentEvaluations: [] });

/** The results in all.json: each file's YAML mapping exactly as written, under the tables' names. */
export function resultsJson(results: ExportResults): Record<string, unknown[]> {
  return {
    [RESULT_TABLE_NAMES.monitoring]: byYearAndUnit(results.monitoring).map((r) => r.raw),
    [RESULT_TABLE_NAMES.evaluation]: byYearAndUnit(results.evaluations).map((r) => r.raw),
    [RESULT_TABLE_NAMES.departmentEvaluation]: byYearAndUnit(results.departmentEvaluations).map((r) => r.raw),
  };
}
