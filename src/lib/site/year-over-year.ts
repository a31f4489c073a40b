// A project from one year to the next. Last year's table of a project is the one published for
// the year before with the same 项目编码, or with the code its 上年项目编码 names (codes that carry
// the year change every year). Pure: pages give it the projects, it gives back the pairs and
// what changed between them.
import type { Indicator, Project } from '../../schema/project.ts';
import { toFen } from '../reading/money.ts';

/** Last year's table of each project, and the tables of the year after that continue it. */
export interface YearLinks<T> {
  previous: Map<T, T>;
  /** Usually one; two when a project was split. */
  next: Map<T, T[]>;
}

export function linkYears<T extends { data: Project }>(entries: readonly T[]): YearLinks<T> {
  const byYearCode = new Map<string, T>();
  for (const entry of entries) byYearCode.set(`${entry.data.fiscalYear}/${entry.data.key}`, entry);
  const previous = new Map<T, T>();
  const next = new Map<T, T[]>();
  for (const entry of entries) {
    const before = byYearCode.get(`${entry.data.fiscalYear - 1}/${entry.data.previousCode ?? entry.data.key}`);
    if (!before) continue;
    previous.set(entry, before);
    next.set(before, [...(next.get(before) ?? []), entry]);
  }
  return { previous, next };
}

export type AmountLabel = '预算数' | '财政资金' | '其他资金';

export interface AmountChange {
  label: AmountLabel;
  /** In 分, whatever the money unit of each table. */
  previous: bigint;
  current: bigint;
  change: bigint;
  /** Change in percent of last year, two decimals; undefined when last year was 0. */
  percent?: string;
}

/** How one indicator row differs from last year's row of the same 一级/二级/三级 indicator. */
export type IndicatorStatus = '未变' | '指标值调整' | '新增' | '取消';

export interface IndicatorChange {
  level1?: string;
  level2?: string;
  name: string;
  status: IndicatorStatus;
  /** 指标值 as written in each year's table. */
  previousValue?: string;
  currentValue?: string;
  /** This year's row (for a link to it); absent for a row that was dropped. */
  current?: Indicator;
}

export interface YearChange {
  amounts: AmountChange[];
  indicators: IndicatorChange[];
  counts: Record<IndicatorStatus, number>;
}

/** `+12.34%`: the change in percent of `base`; undefined when base is 0. */
export function changePercent(change: bigint, base: bigint): string | undefined {
  if (base === 0n) return undefined;
  // Rounded half away from zero to 0.01 %, in integers so that no float ever touches money.
  const scaled = (change * 20000n) / base;
  const rounded = (scaled + (scaled >= 0n ? 1n : -1n)) / 2n;
  // The sign of the change itself: a small cut reads -0.00%, not +0.00%.
  const sign = change < 0n ? '-' : change > 0n ? '+' : '';
  const abs = rounded < 0n ? -rounded : rounded;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}%`;
}

const amountOf = (p: Project, label: AmountLabel): bigint => {
  const text = label === '预算数' ? p.total : label === '财政资金' ? p.fiscal : p.other;
  return text === undefined ? 0n : toFen(text, p.moneyUnit);
};

const indicatorKey = (i: Indicator) => `${i.level1}\u0000${i.level2}\u0000${i.name}`;

/**
 * Budget and indicators of `current` against `previous`. Rows are paired by their 一级, 二级 and
 * 三级 indicator; this year's rows keep their order, dropped rows follow in last year's order.
 */
export function compareYears(previous: Project, current: Project): YearChange {
  const amounts = (['预算数', '财政资金', '其他资金'] as const).map((label): AmountChange => {
    const before = amountOf(previous, label);
    const now = amountOf(current, label);
    const percent = changePercent(now - before, before);
    return { label, previous: before, current: now, change: now - before, ...(percent ? { percent } : {}) };
  });

  // The same 三级 indicator may appear twice under one 二级 (rare): pair them in order.
  const remaining = new Map<string, Indicator[]>();
  for (const i of previous.indicators) remaining.set(indicatorKey(i), [...(remaining.get(indicatorKey(i)) ?? []), i]);
  const indicators: IndicatorChange[] = current.indicators.map((i) => {
    const before = remaining.get(indicatorKey(i))?.shift();
    const row = { level1: i.level1, level2: i.level2, name: i.name, currentValue: i.value, current: i };
    if (!before) return { ...row, status: '新增' };
    return { ...row, previousValue: before.value, status: before.value === i.value ? '未变' : '指标值调整' };
  });
  for (const rows of remaining.values()) {
    for (const i of rows) indicators.push({ level1: i.level1, level2: i.level2, name: i.name, previousValue: i.value, status: '取消' });
  }
  const counts: Record<IndicatorStatus, number> = { 未变: 0, 指标值调整: 0, 新增: 0, 取消: 0 };
  for (const row of indicators) counts[row.status]++;
  return { amounts, indicators, counts };
}
