// What a notice-board poster (公示海报) says: one A4 page per project or per unit's year, printed
// and pinned up. It summarises what the project page shows in full; it must fit one page, so the
// number of rows decides the type size in steps, and what does not fit says where the rest is.
import type { Project } from '../../schema/project.ts';
import { plannedFen, totalsOf } from './aggregate.ts';
import { yuanOf } from './format.ts';
import { readingOf, writtenValue } from './indicator-reading.ts';
import { formatYuan } from '../reading/money.ts';

/** Type size of a poster's body: the more rows, the smaller (each step tested to fit A4). */
export type PosterSize = 'large' | 'medium' | 'small';

/** At most this many indicator rows on a project poster; more say “共 M 条，全部见网页”. */
export const MAX_PROJECT_TARGETS = 24;
/** At most this many project rows on a unit poster. */
export const MAX_UNIT_PROJECTS = 20;
/** Key targets shown for each project of a unit poster. */
export const UNIT_TARGETS_PER_PROJECT = 2;
/** Free text (资金用途, 绩效目标) longer than this is cut, saying the full text is on the web page. */
export const MAX_TEXT = 160;

export interface PosterTarget {
  /** 三级指标 */
  name: string;
  /** 指标值 as the table prints it (with 指标性质 and 度量单位 where the layout splits them). */
  value: string;
}

export interface ProjectPoster {
  title: string;
  name: string;
  code?: string;
  /** `219,800.00 元（年初预算）` */
  amount: string;
  /** `财政资金 219,800.00 元` …; undefined when the table splits nothing. */
  funds?: string;
  purpose?: string;
  /** The spending plan in one sentence; undefined when the layout has no plan. */
  plan?: string;
  goals?: string;
  targets: PosterTarget[];
  /** All indicators of the table (targets may show fewer). */
  targetCount: number;
  size: PosterSize;
}

export const posterTitle = (year: number) => `${year}年预算绩效目标公示`;

/** Text cut to `max` characters, marked as cut. */
export function clip(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max).join('')}……（全文见网页）`;
}

const sizeFor = (rows: number, medium: number, small: number): PosterSize => (rows <= medium ? 'large' : rows <= small ? 'medium' : 'small');

/** The spending plan in one sentence: `到3月底累计支出25%，6月底50%（到6月底共 50,000.00 元）；12月底未列计划。` */
export function planSentence(p: Project): string | undefined {
  if (!p.spendingPlan) return undefined;
  const planned = p.spendingPlan.filter((c) => c.percent !== null);
  const unplanned = p.spendingPlan.filter((c) => c.percent === null);
  if (planned.length === 0) return '没有列出资金支出计划。';
  const last = planned.at(-1)!;
  return (
    `到${planned.map((c, i) => `${c.month}月底${i === 0 ? '累计支出' : ''}${c.percent}%`).join('，')}` +
    `（到${last.month}月底共 ${formatYuan(plannedFen(p, last)!)} 元）` +
    (unplanned.length ? `；${unplanned.map((c) => `${c.month}月底`).join('、')}未列计划。` : '。')
  );
}

/** Where the money comes from, as the table splits it. */
export function fundsText(p: Project): string | undefined {
  const parts: [string, string | undefined][] = [
    ['财政资金', p.fiscal],
    ['其中当年财政拨款', p.appropriation],
    ['上年结转', p.carryOver],
    ['上级财政', p.higherLevel],
    ['本级财政', p.sameLevel],
    ['自有资金', p.ownFunds],
    ['其他资金', p.other],
  ];
  const written = parts.filter(([, v]) => v !== undefined).map(([label, v]) => `${label} ${yuanOf(v!, p.moneyUnit)} 元`);
  return written.length ? written.join('，') : undefined;
}

const targetOf = (i: Project['indicators'][number]): PosterTarget => ({ name: i.name, value: writtenValue(i) });

export function projectPoster(p: Project): ProjectPoster {
  const goals = p.goals?.join(' ') ?? p.annualGoal ?? p.overallGoal;
  const funds = fundsText(p);
  const plan = planSentence(p);
  return {
    title: posterTitle(p.fiscalYear),
    name: p.name,
    ...(p.code !== undefined ? { code: p.code } : {}),
    amount: `${yuanOf(p.total, p.moneyUnit)} 元（${p.budgetPhase}）`,
    ...(funds ? { funds } : {}),
    ...(p.purpose?.trim() ? { purpose: clip(p.purpose) } : {}),
    ...(plan ? { plan } : {}),
    ...(goals?.trim() ? { goals: clip(goals) } : {}),
    targets: p.indicators.slice(0, MAX_PROJECT_TARGETS).map(targetOf),
    targetCount: p.indicators.length,
    size: sizeFor(Math.min(p.indicators.length, MAX_PROJECT_TARGETS), 10, 16),
  };
}

export interface UnitPosterRow {
  name: string;
  /** 元 */
  amount: string;
  targets: PosterTarget[];
  targetCount: number;
}

export interface UnitPoster {
  title: string;
  unitName: string;
  /** `年初预算` (or several, joined). */
  phases: string;
  total: string;
  fiscal?: string;
  other?: string;
  projectCount: number;
  targetCount: number;
  rows: UnitPosterRow[];
  size: PosterSize;
}

/** A project's key targets: its first measurable ones (a number to check), then the others. */
export function keyTargets(p: Project, n = UNIT_TARGETS_PER_PROJECT): PosterTarget[] {
  const measurable = p.indicators.filter((i) => readingOf(i).kind === 'quantitative');
  const rest = p.indicators.filter((i) => !measurable.includes(i));
  return [...measurable, ...rest].slice(0, n).map(targetOf);
}

export function unitPoster(year: number, unitName: string, projects: Project[]): UnitPoster {
  const totals = totalsOf(projects);
  const split = totals.withSplit > 0;
  return {
    title: posterTitle(year),
    unitName,
    phases: [...new Set(projects.map((p) => p.budgetPhase))].join('、') || '年初预算',
    total: formatYuan(totals.total),
    ...(split ? { fiscal: formatYuan(totals.fiscal), other: formatYuan(totals.other) } : {}),
    projectCount: totals.projects,
    targetCount: totals.indicators,
    rows: projects.slice(0, MAX_UNIT_PROJECTS).map((p) => ({ name: p.name, amount: yuanOf(p.total, p.moneyUnit), targets: keyTargets(p), targetCount: p.indicators.length })),
    size: sizeFor(Math.min(projects.length, MAX_UNIT_PROJECTS), 6, 12),
  };
}
