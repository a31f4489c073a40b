// 一句话看懂这个项目: a plain-language summary of one project table, in fixed sentence templates
// filled only from what the table writes and what the 指标值 reader reads with confidence. Nothing is
// guessed: a target the reader cannot read, and a qualitative one, is listed exactly as written.
import type { Indicator, Project } from '../../schema/project.ts';
import { plannedFen } from './aggregate.ts';
import { readingOf, writtenValue } from './indicator-reading.ts';
import type { Comparator, IndicatorValueReading } from '../reading/indicator-value.ts';
import { formatYuan, groupAmount, toFen } from '../reading/money.ts';

export interface PlainTarget {
  /** 三级指标 as written. */
  name: string;
  /** `不低于 90%`, `2024年12月底前完成`, or `指标值照原文：≤1总吨数`. */
  text: string;
  /** True when the text is the 指标值 as written (qualitative or not read). */
  asWritten: boolean;
}

export interface PlainSummary {
  /** How much and from where: 预算数 with its phase and unit, and the sources the table writes. */
  money: string;
  /** What for: 资金用途 and 年度目标 as written, one sentence each; empty when the table has neither. */
  purpose: string[];
  /** The spending plan in one sentence. */
  plan: string;
  /** Every indicator, in the table's order. */
  targets: PlainTarget[];
}

/** Comparator words for readers: `≥90%` reads 不低于 90%. */
export const COMPARATOR_PHRASES: Record<Comparator, string> = { '>=': '不低于', '>': '高于', '<=': '不超过', '<': '低于', '=': '为' };

const NUMBER_FORMAT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 20, useGrouping: false });
const yuan = (fen: bigint) => `${formatYuan(fen)} 元`;

export function plainSummary(p: Project): PlainSummary {
  return { money: moneySentence(p), purpose: purposeSentences(p), plan: planSentence(p), targets: p.indicators.map(plainTarget) };
}

export function moneySentence(p: Project): string {
  const total = toFen(p.total, p.moneyUnit);
  // A 万元 table's own figure stays beside the 元 the site computes from it.
  const asWritten = p.moneyUnit === '万元' ? `，原表写作 ${groupAmount(p.total)} 万元` : '';
  const head = `${p.unitName}${p.fiscalYear}年为本项目安排预算数 ${yuan(total)}（${p.budgetPhase}${asWritten}）`;
  const fiscal = p.fiscal === undefined ? undefined : toFen(p.fiscal, p.moneyUnit);
  const other = p.other === undefined ? undefined : toFen(p.other, p.moneyUnit);
  if (fiscal === undefined && other === undefined) return `${head}；原表未分列财政资金和其他资金。`;
  if (fiscal === total && (other === undefined || other === 0n)) return `${head}，全部是财政资金。`;
  if (other === total && (fiscal === undefined || fiscal === 0n)) return `${head}，全部是其他资金。`;
  const parts = [fiscal !== undefined && `财政资金 ${yuan(fiscal)}`, other !== undefined && `其他资金 ${yuan(other)}`].filter(Boolean);
  return `${head}，其中${parts.join('，')}。`;
}

export function purposeSentences(p: Project): string[] {
  const end = (text: string) => (/[。！？.!?]$/.test(text) ? text : `${text}。`);
  const sentences: string[] = [];
  if (p.purpose?.trim()) sentences.push(`资金用途：${end(p.purpose.trim())}`);
  if (p.annualGoal?.trim()) sentences.push(`年度目标：${end(p.annualGoal.trim())}`);
  return sentences;
}

/** `计划到6月底支出 50%（109,900.00 元），到12月底全部支出；3月底未列计划。` */
export function planSentence(p: Project): string {
  const plan = p.spendingPlan ?? [];
  if (plan.length === 0) return '原表没有列出资金支出计划。';
  const planned = plan.filter((c) => c.percent !== null);
  const unplanned = plan.filter((c) => c.percent === null).map((c) => `${c.month}月底`);
  const steps = planned.map((c) =>
    c.percent === 100 ? `到${c.month}月底全部支出` : `到${c.month}月底支出 ${NUMBER_FORMAT.format(c.percent!)}%（${yuan(plannedFen(p, c)!)}）`,
  );
  const notPlanned = unplanned.length > 0 ? `${unplanned.join('、')}未列计划` : '';
  if (steps.length === 0) return `资金支出计划的各时点（${unplanned.join('、')}）都未列计划。`;
  return `计划${steps.join('，')}${notPlanned ? `；${notPlanned}` : ''}。`;
}

/** One indicator in words: the reading where it is read with confidence, else the value as written. */
export function plainTarget(i: Pick<Indicator, 'name' | 'value' | 'nature' | 'unit' | 'direction'>): PlainTarget {
  const words = targetWords(readingOf(i));
  if (words !== undefined) return { name: i.name, text: words, asWritten: false };
  return { name: i.name, text: `指标值照原文：${writtenValue(i)}`, asWritten: true };
}

/** The reading as a phrase, or undefined when it is qualitative or not read (then shown as written). */
export function targetWords(r: IndicatorValueReading): string | undefined {
  const negative = r.direction === 'negative' ? '（反向指标，越低越好）' : '';
  if (r.kind === 'deadline' && r.deadline) {
    const d = r.deadline;
    const day = d.day !== undefined ? `${d.day}日` : d.endOfMonth ? '底' : '';
    return `${d.year !== undefined ? `${d.year}年` : ''}${d.month}月${day}前完成`;
  }
  if (r.kind !== 'quantitative') return undefined;
  const comparator = r.comparator ?? '=';
  if (r.baseline === 'lastYear') return `${comparator === '=' ? '与往年持平' : `${COMPARATOR_PHRASES[comparator]}往年水平`}${negative}`;
  if (r.number === undefined) return undefined;
  const n = NUMBER_FORMAT.format(r.number);
  const unit = r.unit === undefined ? '' : r.unit === '%' || r.unit === '‰' ? r.unit : ` ${r.unit}`;
  return `${COMPARATOR_PHRASES[comparator]} ${n}${unit}${negative}`;
}
