// Figures derived from the approved tables for overview pages and charts: totals in 分 and the
// planned cumulative spending in 元. Everything exact (BigInt 分); nothing here is stored.
import { BUDGET_PHASES, type Project, type SpendingCheckpoint } from '../../schema/project.ts';
import { toFen } from '../reading/money.ts';

export interface Totals {
  total: bigint;
  fiscal: bigint;
  other: bigint;
  projects: number;
  indicators: number;
  /** Projects whose table splits its budget (财政资金 or 其他资金): 四川 and 重庆 tables split nothing, so their 0 is not 0. */
  withSplit: number;
  /** How many projects' amounts are in each budget phase, in the order of BUDGET_PHASES: what the totals add up. */
  phases: { phase: Project['budgetPhase']; projects: number }[];
}

/** The phases the totals add up, in words: `年初预算`, or `年初预算 12 个项目、调整预算 2 个项目` when they differ. */
export function phasesText(totals: Pick<Totals, 'phases'>): string {
  if (totals.phases.length <= 1) return totals.phases[0]?.phase ?? '年初预算';
  return totals.phases.map((p) => `${p.phase} ${p.projects} 个项目`).join('、');
}

export function totalsOf(projects: Project[]): Totals {
  const totals: Totals = { total: 0n, fiscal: 0n, other: 0n, projects: projects.length, indicators: 0, withSplit: 0, phases: [] };
  totals.phases = BUDGET_PHASES.map((phase) => ({ phase, projects: projects.filter((p) => p.budgetPhase === phase).length })).filter((p) => p.projects > 0);
  for (const p of projects) {
    totals.total += toFen(p.total, p.moneyUnit);
    // A layout without a 财政资金 column (四川, 重庆) adds nothing here: the totals say 预算数.
    if (p.fiscal !== undefined) totals.fiscal += toFen(p.fiscal, p.moneyUnit);
    if (p.fiscal !== undefined || p.other !== undefined) totals.withSplit++;
    if (p.other !== undefined) totals.other += toFen(p.other, p.moneyUnit);
    totals.indicators += p.indicators.length;
  }
  return totals;
}

/** Cumulative planned spending in 分 at a checkpoint: budget × percent, rounded to the fen. */
export function plannedFen(project: Project, checkpoint: SpendingCheckpoint): bigint | null {
  if (checkpoint.percent === null) return null;
  // percent has at most two decimals: scale to an integer number of basis points (1/10,000).
  const basisPoints = BigInt(Math.round(checkpoint.percent * 100));
  const fen = toFen(project.total, project.moneyUnit) * basisPoints;
  return (fen + 5000n) / 10000n;
}

export interface PlanPoint {
  month: number;
  /** Sum over the projects that planned this checkpoint, in 分. */
  planned: bigint;
  /** Projects whose table leaves this checkpoint empty (未列计划): not counted as 0 spending. */
  unplanned: number;
}

/** The department's planned cumulative spending at every checkpoint month used by any project. */
export function departmentPlan(projects: Project[]): PlanPoint[] {
  const months = [...new Set(projects.flatMap((p) => (p.spendingPlan ?? []).map((c) => c.month)))].sort((a, b) => a - b);
  return months.map((month) => {
    let planned = 0n;
    let unplanned = 0;
    for (const p of projects) {
      const checkpoint = p.spendingPlan?.find((c) => c.month === month);
      const fen = checkpoint ? plannedFen(p, checkpoint) : null;
      if (fen === null) unplanned++;
      else planned += fen;
    }
    return { month, planned, unplanned };
  });
}

/** Consecutive runs of equal keys, for cells that the approved table merges (一级, 二级, 职能). */
export function runsOf<T>(rows: T[], key: (row: T) => string): { key: string; rows: T[] }[] {
  const runs: { key: string; rows: T[] }[] = [];
  for (const row of rows) {
    const k = key(row);
    const last = runs.at(-1);
    if (last && last.key === k) last.rows.push(row);
    else runs.push({ key: k, rows: [row] });
  }
  return runs;
}

/** One unit's year as the county overview needs it (a structural slice of site-content's UnitYear). */
export interface UnitYearLike {
  year: number;
  unit: string;
  unitName: string;
  projects: { data: Project }[];
}

export interface CountyUnitRow {
  unit: string;
  unitName: string;
  totals: Totals;
  /** The unit's 预算数 合计 of the year before, when it published that year. */
  previousTotal?: bigint;
}

export interface CountyYear {
  year: number;
  units: CountyUnitRow[];
  totals: Totals;
  /** The county's 预算数 合计 of the year before over the units published in both years. */
  comparable?: { units: number; previous: bigint; current: bigint };
}

/**
 * All units of one year, in the order given (units by code): each unit's totals and last year's,
 * and the county's totals. The year-over-year sum covers only units present in both years, so
 * that a unit newly published does not read as growth.
 */
export function countyYear(all: readonly UnitYearLike[], year: number): CountyYear {
  const ofYear = all.filter((uy) => uy.year === year);
  const previousOf = new Map(all.filter((uy) => uy.year === year - 1).map((uy) => [uy.unit, totalsOf(uy.projects.map((p) => p.data)).total]));
  const units = ofYear.map((uy): CountyUnitRow => {
    const previousTotal = previousOf.get(uy.unit);
    return { unit: uy.unit, unitName: uy.unitName, totals: totalsOf(uy.projects.map((p) => p.data)), ...(previousTotal !== undefined ? { previousTotal } : {}) };
  });
  const totals = totalsOf(ofYear.flatMap((uy) => uy.projects.map((p) => p.data)));
  const both = units.filter((u) => u.previousTotal !== undefined);
  const comparable =
    both.length > 0
      ? { units: both.length, previous: both.reduce((n, u) => n + u.previousTotal!, 0n), current: both.reduce((n, u) => n + u.totals.total, 0n) }
      : undefined;
  return { year, units, totals, ...(comparable ? { comparable } : {}) };
}
