// What the 执行与自评 parts of the site show, computed once: the approved target, the mid-year
// progress and the year-end actual of each indicator side by side, the money of each stage by
// phase, the plan against what was spent, and the summaries of a unit and of a county's year.
// Pure: pages only lay out what these functions return. Published cells are passed on as written.
import { extrasByPlace, type Indicator, type Project } from '../../schema/project.ts';
import {
  amountFen,
  executionRate,
  indicatorIdentity,
  isEmptyMark,
  numberOf,
  readIndicatorName,
  readLevel1,
  targetReadingOf,
  totalRowOf,
  type DepartmentEvaluation,
  type Evaluation,
  type EvaluationIndicator,
  type MoneyColumn,
  type MoneyRow,
  type Monitoring,
  type MonitoringIndicator,
} from '../../schema/results.ts';
import { resultLayoutOf } from '../../schema/result-layouts.ts';
import { plannedFen } from './aggregate.ts';
import type { ChartSpec } from './chart-spec.ts';
import { fenToNumber, shareOf } from './format.ts';
import { formatYuan, groupAmount, type MoneyUnit } from '../reading/money.ts';
import { outcomeOf, OUTCOME_LABELS, scoreDisagreement, type Outcome, type OutcomeStatus } from '../reading/outcome.ts';
import { projectPath } from '../site/paths.ts';
import type { ProjectCycle, UnitYear } from '../site/entries.ts';

/** Anchor of the 执行与自评 section on a project page. */
export const RESULTS_ANCHOR = 'results';

/** The published files of a project's results, for the sources and downloads of its page. */
export const resultFilesOf = (c: ProjectCycle) => [
  ...(c.monitoring ? [{ stage: '执行监控表', path: c.monitoring.sourcePath, file: c.monitoring.file }] : []),
  ...(c.evaluation ? [{ stage: '绩效自评表', path: c.evaluation.sourcePath, file: c.evaluation.file }] : []),
];

/** The phase of a monitoring figure: 监控至6月 (every figure on the site names its phase). */
export const monitoringPhase = (month: number) => `监控至${month}月`;

// ---------------------------------------------------------------------------------------------
// Money

export interface MoneyTableView {
  /** 执行监控表 or 绩效自评表, with its phase. */
  caption: string;
  /** The block's caption as the table printed it (`预算执行情况(万元) (20分)`), when it printed one other than this site's. */
  printedCaption?: string;
  /** The rows' label column as the table printed it (`年度预算数(万元)`), when it printed one. */
  printedRowHeader?: string;
  unit: MoneyUnit;
  /**
   * label: the phase name shown; published: the table's own column name, as printed (`预算数(A)`, `1-6月执行数`);
   * text: a 其他栏目 (a 原因 the table printed beside the figures), words to wrap rather than a figure kept on one line.
   */
  columns: { label: string; published: string; text?: true }[];
  rows: { label: string; cells: string[] }[];
}

type Stage = Monitoring | Evaluation | DepartmentEvaluation;
/**
 * A label as the stage's table printed it: its 原文栏目 at this place (`资金.全年预算数`, `绩效指标`), or
 * this site's label where the table printed that one. Every label of a published table is shown as printed.
 */
const printedAt = (s: Stage, slot: string, standard: string) => s.printedLabels?.[slot] ?? standard;

function columnLabel(c: MoneyColumn, stagePhase: string): string {
  switch (c.phase) {
    case '年初预算': return '年初预算数';
    case '调整预算': return '调整预算数';
    case '监控': return `${stagePhase}执行数`;
    case '决算': return '决算执行数';
    case '全年预计': return '全年预计执行数';
  }
  return c.kind === 'rate' ? `${stagePhase}执行率` : c.key;
}

/** A money cell as published: amounts grouped with their written decimals (never re-rounded), `-` as written. */
export function moneyCell(row: MoneyRow, c: MoneyColumn): string {
  const written = (row as unknown as Record<string, string | undefined>)[c.property];
  if (written === undefined) return '';
  return c.kind === 'amount' && !isEmptyMark(written) ? groupAmount(written) : written;
}

function moneyTable(s: Stage, columns: readonly (MoneyColumn & { label: string; monthly?: boolean })[], caption: string, stagePhase: string): MoneyTableView {
  const { money: rows, moneyUnit: unit } = s;
  // A column no row fills (调整后预算数 without an adjustment) is left out, as the table printed it.
  const used = columns.filter((c) => rows.some((r) => (r as unknown as Record<string, unknown>)[c.property] !== undefined));
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const printedCaption = s.printedLabels?.['资金'];
  const printedRowHeader = s.printedLabels?.['资金.栏目'];
  return {
    caption,
    ...(printedCaption && { printedCaption }),
    ...(printedRowHeader && { printedRowHeader }),
    unit,
    columns: [...used.map((c) => ({ label: columnLabel(c, stagePhase), published: printedAt(s, `资金.${c.key}`, 'month' in s && c.monthly ? `1-${s.month}月${c.label}` : c.key) })), ...extra.map((k) => ({ label: k, published: k, text: true as const }))],
    rows: rows.map((r) => ({ label: r.label, cells: [...used.map((c) => moneyCell(r, c)), ...extra.map((k) => r.extra?.[k] ?? '')] })),
  };
}

export const monitoringMoney = (m: Monitoring) =>
  moneyTable(m, resultLayoutOf('monitoring').money, `资金执行情况（执行监控表，${monitoringPhase(m.month)}，单位：${m.moneyUnit}）`, monitoringPhase(m.month));
export const evaluationMoney = (e: Evaluation | DepartmentEvaluation) =>
  moneyTable(e, resultLayoutOf('evaluation').money, `资金情况（绩效自评表，决算，单位：${e.moneyUnit}）`, '决算');

/** The 执行率 of a stage's total row: as published, else computed by this site (and said so). */
export interface RateView {
  text: string;
  /** 决算 or 监控至N月. */
  phase: string;
  computed: boolean;
}
function rateOf(rows: MoneyRow[], unit: MoneyUnit, columns: readonly MoneyColumn[], phase: string): RateView | undefined {
  const total = totalRowOf(rows);
  if (!total) return undefined;
  if (total.rate !== undefined && !isEmptyMark(total.rate)) return { text: total.rate, phase, computed: false };
  const computed = executionRate(total, unit, columns);
  return computed ? { text: `${computed.percent.toFixed(2)}%`, phase, computed: true } : undefined;
}

/** 决算 执行率 from the self-evaluation; without one, 监控至N月 from the monitoring. */
export function projectRate(c: ProjectCycle): RateView | undefined {
  const e = c.evaluation?.data;
  const m = c.monitoring?.data;
  return (e && rateOf(e.money, e.moneyUnit, resultLayoutOf('evaluation').money, '决算')) ?? (m && rateOf(m.money, m.moneyUnit, resultLayoutOf('monitoring').money, monitoringPhase(m.month)));
}

// ---------------------------------------------------------------------------------------------
// Indicators side by side

export interface IndicatorResult {
  anchor: string;
  /** As printed by the first stage that has the row (target table, self-evaluation, monitoring). */
  level1?: string;
  level2?: string;
  name: string;
  /** A 其中 row: shown, never counted. */
  breakdown: boolean;
  target?: Indicator;
  monitoring?: MonitoringIndicator;
  evaluation?: EvaluationIndicator;
  /** The site's reading of the 实际完成值 (self-evaluation only). */
  outcome?: Outcome;
  /** A note where the published 得分 contradicts the reading. */
  disagreement?: string;
  /** 新增 / 调整 as the result tables mark them, with the reason. */
  change?: { kind: string; reason?: string; replaces?: string };
  /** The monitoring says the target may be missed (完成目标可能性 有可能 / 完全不可能). */
  atRisk: boolean;
}

const resultAnchor = (i: { level2?: string; name: string }) => `结果-${[i.level2, readIndicatorName(i.name).name].filter((s) => s !== undefined).join('-')}`.replace(/\s+/g, '_');
/** The anchor of a result row's line in the side-by-side table (a renamed row stands on its target's line). */
export const resultRowAnchor = (r: { level2?: string; name: string; replaces?: string }) => resultAnchor(r.replaces === undefined ? r : { ...r, name: r.replaces });

/**
 * One row per indicator, linked across the stages by indicatorIdentity (an 调整 row that renamed
 * its indicator joins the target row it names in 原指标): the target table's order first, then the
 * rows only in the results, self-evaluation before monitoring.
 */
export function indicatorResults(targets: readonly Indicator[], monitoring?: readonly MonitoringIndicator[], evaluation?: readonly EvaluationIndicator[]): IndicatorResult[] {
  const rows = new Map<string, IndicatorResult>();
  for (const t of targets) rows.set(indicatorIdentity(t), { anchor: resultAnchor(t), level1: t.level1, level2: t.level2, name: t.name, breakdown: readIndicatorName(t.name).breakdown, target: t, atRisk: false });
  const join = (r: MonitoringIndicator | EvaluationIndicator) => {
    const renamed = r.replaces === undefined ? undefined : rows.get(indicatorIdentity({ ...r, name: r.replaces }));
    const key = renamed?.target ? indicatorIdentity(renamed.target) : indicatorIdentity(r);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { anchor: resultAnchor(r), level1: r.level1, level2: r.level2, name: r.name, breakdown: readIndicatorName(r.name).breakdown, atRisk: false }));
    if (r.change) row.change ??= { kind: r.change, reason: r.changeReason, replaces: r.replaces };
    return row;
  };
  for (const e of evaluation ?? []) {
    const row = join(e);
    row.evaluation = e;
    if (e.actual !== undefined) {
      row.outcome = outcomeOf(targetReadingOf(e), e.actual, { actualUnit: e.unit });
      row.disagreement = scoreDisagreement(row.outcome, numberOf(e.points), numberOf(e.score));
    }
  }
  for (const m of monitoring ?? []) {
    const row = join(m);
    row.monitoring = m;
    row.atRisk = m.likelihood === '有可能' || m.likelihood === '完全不可能';
  }
  return [...rows.values()];
}

export const cycleIndicators = (c: ProjectCycle) => indicatorResults(c.target?.data.indicators ?? [], c.monitoring?.data.indicators, c.evaluation?.data.indicators);

/** 已达到 / 未达到 / 无法判断 of the counted rows (其中 rows left out) with a self-evaluation. */
export function outcomeCounts(rows: readonly IndicatorResult[]): Record<OutcomeStatus, number> {
  const counts = { met: 0, missed: 0, unknown: 0 };
  for (const r of rows) if (r.outcome && !r.breakdown) counts[r.outcome.status]++;
  return counts;
}

/** The 分值 of the row's 一级指标 label (`产出指标(50分)`), for the reader's orientation. */
export const level1Name = (label: string | undefined) => (label === undefined ? undefined : readLevel1(label).name);

// ---------------------------------------------------------------------------------------------
// The tables as published: every column a stage's file has, in the table's order

type Column<T> = { label: string; cell: (row: T) => string | undefined };
/** Every indicator column of the kind's layout, in the published order, under its YAML key; 其他栏目 come after, see below. */
const columnsOf = <T>(kind: 'monitoring' | 'evaluation'): Column<T>[] =>
  resultLayoutOf(kind).indicators.map(({ key, property }) => ({
    label: key,
    cell: (row: T) => {
      const value = (row as Record<string, unknown>)[property];
      return Array.isArray(value) ? value.join('、') : (value as string | undefined);
    },
  }));
const MONITORING_COLUMNS = columnsOf<MonitoringIndicator>('monitoring');
const EVALUATION_COLUMNS = columnsOf<EvaluationIndicator>('evaluation');

export interface PublishedTable {
  headers: string[];
  rows: string[][];
  /** The indicator block's caption as the table printed it (`年度绩效目标1 (80分)`), when it printed one other than this site's. */
  printedCaption?: string;
}
// Columns that no row fills are left out; 其他栏目 become columns of their own after the rest.
function published<T extends { extra?: Record<string, string> }>(s: Stage, rows: readonly T[], columns: Column<T>[]): PublishedTable {
  const used = columns.filter((c) => c.label === '三级指标' || rows.some((r) => c.cell(r) !== undefined));
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const printedCaption = s.printedLabels?.['绩效指标'];
  return {
    headers: [...used.map((c) => printedAt(s, `绩效指标.${c.label}`, c.label)), ...extra],
    rows: rows.map((r) => [...used.map((c) => c.cell(r) ?? ''), ...extra.map((k) => r.extra?.[k] ?? '')]),
    ...(printedCaption && { printedCaption }),
  };
}
export const publishedMonitoring = (m: Monitoring) => published(m, m.indicators, MONITORING_COLUMNS);
export const publishedEvaluation = (e: Evaluation | DepartmentEvaluation) => published(e, e.indicators, EVALUATION_COLUMNS);

/** The kind's name of a stage's table, for the heading of the table as published (its own title is 原文标题). */
export const publishedTitle = (s: Stage) => resultLayoutOf('month' in s ? 'monitoring' : 'name' in s ? 'evaluation' : 'departmentEvaluation').title;

/**
 * The head and the closing cells of a stage's table (项目名称 … 总分, 评价结论 …), label and text, as
 * written, each label as the table printed it (原文栏目); the 年度总体目标 block's caption, its
 * row's label and its column's label joined; each 其他栏目 where the table printed it (其他栏目位置:
 * after the cell, block or 其他栏目 it followed), those of no place at the end.
 */
export function publishedSheet(s: Stage): [string, string][] {
  const at = (slot: string, standard: string) => printedAt(s, slot, standard);
  const goal = (key: string, standard: string) => {
    const [caption, row, column] = ['年度总体目标', '年度总体目标.栏目', `年度总体目标.${key}`].map((slot) => s.printedLabels?.[slot]);
    return caption || row || column ? [caption ?? '年度总体目标', row, column ?? key].filter(Boolean).join('：') : standard;
  };
  const nameKey = 'name' in s ? '项目名称' : '单位名称';
  // The places a 其他栏目 may follow, each with the cells the sheet shows there.
  const slots: [string, [string, string | undefined][]][] = [
    ['原文标题', [['原文标题', s.heading]]],
    [nameKey, ['name' in s ? [at('项目名称', '项目名称'), s.name] : [at('单位名称', '部门名称'), s.unitName]]],
    ['主管部门', [[at('主管部门', '主管部门'), 'department' in s ? s.department : undefined]]],
    ['实施单位', [[at('实施单位', '实施单位'), 'implementer' in s ? s.implementer : undefined]]],
    ['监控截至月份', [['监控截至月份', 'month' in s ? `${s.month}月（1–${s.month}月）` : undefined]]],
    [
      '年度总体目标',
      'month' in s
        ? [[goal('年度目标', '年度总体目标'), s.goal?.target], [goal('执行情况', '总体目标执行情况'), s.goal?.progress]]
        : [[goal('预期目标', '年度总体目标：预期目标'), s.goal?.target], [goal('实际完成情况', '年度总体目标：实际完成情况'), s.goal?.achieved]],
    ],
    ['绩效指标', []],
  ];
  if (!('month' in s)) {
    slots.push(['总分', [[at('总分', '总分'), s.total]]]);
    for (const c of resultLayoutOf('evaluation').closing) slots.push([c.key, [[at(c.key, c.label), (s as unknown as Record<string, string | undefined>)[c.property]]]]);
  }
  const extras = extrasByPlace(slots.map(([key]) => key), s.extra, s.extraPlaces);
  const extraCells = (labels: readonly string[] = []) => labels.map((label): [string, string] => [label, s.extra![label]!]);
  const cells = [...slots.flatMap(([key, shown]) => [...shown, ...extraCells(extras.after.get(key))]), ...extraCells(extras.rest)];
  return cells.filter((c): c is [string, string] => c[1] !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Plan against actual spending

export interface PlanPointView {
  month: number;
  /** 分 planned by then; null: 未列计划; undefined: not a checkpoint of the plan. */
  planned: bigint | null | undefined;
  /** 分 spent by the end of the month, and the phase it was published in. */
  executed?: { fen: bigint; phase: string };
}

/** The approved cumulative plan (元) with the executed amounts of the total rows, or undefined without both. */
export function planVersusActual(p: Project, c: ProjectCycle): PlanPointView[] | undefined {
  if (!p.spendingPlan?.length) return undefined;
  const spent = new Map<number, { fen: bigint; phase: string }>();
  const m = c.monitoring?.data;
  const mTotal = m && totalRowOf(m.money);
  const mFen = mTotal && amountFen(mTotal.executed, m.moneyUnit);
  if (mFen !== undefined) spent.set(m!.month, { fen: mFen, phase: `${monitoringPhase(m!.month)}执行数` });
  const e = c.evaluation?.data;
  const eTotal = e && totalRowOf(e.money);
  const eFen = eTotal && amountFen(eTotal.executed, e.moneyUnit);
  // The year-end figure is the 决算 one: it replaces a monitoring to December.
  if (eFen !== undefined) spent.set(12, { fen: eFen, phase: '决算执行数' });
  if (spent.size === 0) return undefined;
  const months = [...new Set([...p.spendingPlan.map((cp) => cp.month), ...spent.keys()])].sort((a, b) => a - b);
  return months.map((month) => {
    const checkpoint = p.spendingPlan!.find((cp) => cp.month === month);
    return { month, planned: checkpoint ? plannedFen(p, checkpoint) : undefined, executed: spent.get(month) };
  });
}

/** The plan-against-actual chart of a project page: its spec, its data table and its one-sentence summary. */
export function planVersusActualChart(points: PlanPointView[], budgetPhase: string) {
  const plannedText = (p: PlanPointView) => (p.planned === undefined ? '—（计划未列此时点）' : p.planned === null ? '未列计划' : formatYuan(p.planned));
  const spec: ChartSpec = {
    type: 'line',
    labels: points.map((p) => `${p.month}月底`),
    series: [
      { label: `累计计划支出（元，${budgetPhase}）`, values: points.map((p) => (p.planned == null ? null : fenToNumber(p.planned))), color: 'chart-1' },
      // Only the months a table reports have a point; the gaps are drawn as gaps, never as 0.
      { label: '实际执行数（元）', values: points.map((p) => (p.executed ? fenToNumber(p.executed.fen) : null)), color: 'chart-2' },
    ],
    unit: '元',
  };
  const spent = points.filter((p) => p.executed);
  const summary = spent
    .map((p) => `到${p.month}月底${p.executed!.phase} ${formatYuan(p.executed!.fen)} 元${typeof p.planned === 'bigint' ? `，计划累计支出 ${formatYuan(p.planned)} 元` : ''}`)
    .join('；') + '。';
  const table = {
    caption: '资金支出计划与实际执行（累计，单位：元）',
    headers: ['时点', `累计计划支出（元，${budgetPhase}）`, '实际执行数（元）', '执行数的口径'],
    rows: points.map((p) => ({ header: `${p.month}月底`, cells: [plannedText(p), p.executed ? formatYuan(p.executed.fen) : '—', p.executed?.phase ?? '—'] })),
  };
  return { spec, summary, table };
}

// ---------------------------------------------------------------------------------------------
// Summaries of a unit and of a county's year

export interface Deviation {
  projectName: string;
  indicator: string;
  /** 绩效自评 or 监控至N月. */
  stage: string;
  /** What deviates, in words: 未达到 …, 得分 19.5（分值 20）, 完成目标可能性：有可能. */
  what: string;
  /** The reason the unit published; undefined when it wrote none. */
  reason?: string;
  /** Site path of the row on its project page. */
  path: string;
}

export interface ProjectResultSummary {
  key: string;
  name: string;
  path: string;
  rate?: RateView;
  /** 总分 as published. */
  total?: string;
  counts?: Record<OutcomeStatus, number>;
}

export interface UnitResults {
  projects: ProjectResultSummary[];
  counts: Record<OutcomeStatus, number>;
  deviations: Deviation[];
}

const isLow = (r: EvaluationIndicator) => {
  const points = numberOf(r.points);
  const score = numberOf(r.score);
  return points !== undefined && score !== undefined && score < points;
};

/** Every deviation of a project: read as missed or scored below 分值 (self-evaluation), at risk (monitoring). */
function deviationsOf(uy: UnitYear, c: ProjectCycle, rows: IndicatorResult[]): Deviation[] {
  const path = (r: IndicatorResult) => `${projectPath(uy.year, uy.unit, c.key)}#${r.anchor}`;
  const found: Deviation[] = [];
  for (const r of rows) {
    const e = r.evaluation;
    if (e && (r.outcome?.status === 'missed' || isLow(e))) {
      const what = [r.outcome?.status === 'missed' && `${OUTCOME_LABELS.missed}（${r.outcome.reason}）`, isLow(e) && `得分 ${e.score}（分值 ${e.points}）`].filter(Boolean).join('；');
      found.push({ projectName: c.name, indicator: e.name, stage: '绩效自评', what, reason: e.deviation, path: path(r) });
    }
    const m = r.monitoring;
    if (m && r.atRisk && c.monitoring) {
      const reason = [m.deviationCategories?.join('、'), m.deviation].filter(Boolean).join('：') || undefined;
      found.push({ projectName: c.name, indicator: m.name, stage: monitoringPhase(c.monitoring.data.month), what: `完成目标可能性：${m.likelihood}`, reason, path: path(r) });
    }
  }
  return found;
}

export function unitResults(uy: UnitYear): UnitResults {
  const counts = { met: 0, missed: 0, unknown: 0 };
  const deviations: Deviation[] = [];
  const projects = uy.results.map((c) => {
    const rows = cycleIndicators(c);
    const own = c.evaluation ? outcomeCounts(rows) : undefined;
    if (own) for (const k of ['met', 'missed', 'unknown'] as const) counts[k] += own[k];
    deviations.push(...deviationsOf(uy, c, rows));
    return { key: c.key, name: c.name, path: projectPath(uy.year, uy.unit, c.key), rate: projectRate(c), total: c.evaluation?.data.total, counts: own };
  });
  return { projects, counts, deviations };
}

export interface UnitResultsRow {
  unit: string;
  unitName: string;
  /** Projects with monitoring or a self-evaluation, and those with a self-evaluation. */
  projects: number;
  evaluated: number;
  /** 决算 执行率 of the evaluated projects together (their 执行数 over their 预算数, in 分). */
  rate?: string;
  counts: Record<OutcomeStatus, number>;
  deviations: number;
}

/** A county's year: the unit summaries, one row per unit with results. */
export function countyResults(unitYearsOfYear: readonly UnitYear[]): UnitResultsRow[] {
  return unitYearsOfYear
    .filter((uy) => uy.results.length > 0)
    .map((uy) => {
      const summary = unitResults(uy);
      let executed = 0n;
      let budget = 0n;
      for (const c of uy.results) {
        const e = c.evaluation?.data;
        const total = e && totalRowOf(e.money);
        if (!e || !total) continue;
        const spent = amountFen(total.executed, e.moneyUnit);
        const budgeted = amountFen(total.adjustedBudget, e.moneyUnit) ?? amountFen(total.initialBudget, e.moneyUnit);
        // A project without both amounts would bias the ratio: it is left out of both sums.
        if (spent === undefined || budgeted === undefined) continue;
        executed += spent;
        budget += budgeted;
      }
      return {
        unit: uy.unit,
        unitName: uy.unitName,
        projects: uy.results.length,
        evaluated: uy.results.filter((c) => c.evaluation).length,
        rate: budget > 0n ? shareOf(executed, budget) : undefined,
        counts: summary.counts,
        deviations: summary.deviations.length,
      };
    });
}
