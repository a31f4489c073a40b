// Whether a target was met, read from the 实际完成值 a 绩效自评表 published after the year, and
// put in one short Chinese sentence for citizens. Pure. The published text stays the record: when
// the reading is not sure, the status is 'unknown' and the sentence says why. A suggested score
// (derivedScore) and a note where the published score disagrees with the reading
// (scoreDisagreement) are checks to show beside the published 得分, never in its place.
import {
  readIndicatorCells,
  readIndicatorValue,
  type Comparator,
  type Deadline,
  type IndicatorValueReading,
} from './indicator-value.ts';

export type OutcomeStatus = 'met' | 'missed' | 'unknown';

export interface Outcome {
  status: OutcomeStatus;
  /** One short plain-Chinese sentence explaining the reading. */
  reason: string;
}

export interface OutcomeOptions {
  /** The 度量单位 column of the self-evaluation row, when it prints the unit apart from the value. */
  actualUnit?: string;
}

/** Shown on pages and used as the search filter value: one spelling for each status. */
export const OUTCOME_LABELS: Readonly<Record<OutcomeStatus, string>> = {
  met: '已达到',
  missed: '未达到',
  unknown: '无法判断',
};

// What the published table writes when it has nothing to report.
const NOT_FILLED = new Set(['', '无', '暂无']);
const ONLY_DASHES = /^[-—–/\\…_.]+$/;

// What a sentence may add after 达到 / 完成 / 未完成 … without changing its meaning.
const GOAL = '(?:预期目标|年度目标|绩效目标|预期|目标|要求|计划|任务|标准)?';
const DONE = '(?:达到|达成|完成|实现|达标|符合)';
// `已完成`, `全部完成`, `达到预期`, `完成目标`: the publisher says the target was reached.
const ACHIEVED = new RegExp(`^(?:(?:已|全部|全面|已全部)?${DONE}${GOAL}|是)$`);
// `基本完成`: mostly done, which the reader cannot turn into met or missed.
const PARTLY_ACHIEVED = new RegExp(`^基本${DONE}${GOAL}$`);
// `未完成`, `部分完成`: the publisher says the target was not reached, whatever the target is.
const NOT_ACHIEVED = new RegExp(`^(?:(?:未能?|没有|尚未|未全部)${DONE}${GOAL}|部分${DONE}${GOAL}|不达标|不符合${GOAL})$`);

// For a time limit: on time, or late (`延期至2024年3月` is late whatever follows).
const ON_TIME = /^(?:已)?(?:按期|按时|如期|准时|及时|按计划|按进度)(?:完成|完工|竣工|实施|执行)?$/;
const LATE = /^(?:未能?(?:按期|按时|如期|及时)|延期|延迟|逾期|滞后|推迟)/;

// `2023年11月15日`, `11月`: a completion date. The target reader refuses these because a target
// without 前 or 底 may not be a time limit; an actual value can only be the date it was done.
const BARE_DATE = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const SYMBOLS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '' };
// How the actual value falls short, for each comparator.
const SHORT_OF: Record<Comparator, string> = {
  '>=': '低于', '>': '未超过', '<=': '高于', '<': '未低于', '=': '不等于',
};

const NUMBER_FORMAT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 20 });

export function outcomeOf(target: IndicatorValueReading, actual: string, opts: OutcomeOptions = {}): Outcome {
  try {
    return compare(target, actual, opts).outcome;
  } catch {
    // A bug here must never stop the published tables from being shown.
    return unknown('无法判断是否达到目标');
  }
}

/**
 * The score the published scoring rules would give, as a check beside the published 得分:
 * 正向 (≥, >) full points when met, else actual ÷ target × points; 反向 (≤, <) full points when met,
 * falling linearly to 0 at twice the target; `=` full points when equal. Undefined for qualitative
 * targets and time limits (provinces score them in bands of their own) and whenever the outcome is
 * unknown. Rounded to 2 decimals. The formulas are followed as written, so an actual exactly at a
 * strict target (90 against `>90`) is missed yet scores full points.
 */
export function derivedScore(
  target: IndicatorValueReading,
  actual: string,
  points: number,
  opts: OutcomeOptions = {},
): number | undefined {
  try {
    if (!Number.isFinite(points) || points < 0) return undefined;
    const { outcome, numbers } = compare(target, actual, opts);
    if (outcome.status === 'unknown' || numbers === undefined) return undefined;
    const { comparator, targetNumber: t, actualNumber: a } = numbers;
    if (outcome.status === 'met') return round(points);
    switch (comparator) {
      case '>=':
      case '>':
        // A share of nothing has no meaning.
        return t > 0 ? round(clamp((a / t) * points, 0, points)) : undefined;
      case '<=':
      case '<':
        // A ceiling of 0 (`≤0起`) leaves no room: any excess loses every point.
        if (t === 0) return 0;
        return t > 0 ? round(clamp(((2 * t - a) / t) * points, 0, points)) : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/** A sentence when the published 得分 contradicts the reading; undefined when they agree or either is missing. */
export function scoreDisagreement(
  outcome: Outcome,
  points: number | undefined,
  score: number | undefined,
): string | undefined {
  if (points === undefined || score === undefined || !Number.isFinite(points) || !Number.isFinite(score)) return undefined;
  // Full marks of 0 points says nothing.
  if (points <= 0) return undefined;
  // Scores are published to two decimals at most.
  const fullMarks = Math.abs(score - points) < 0.005;
  if (outcome.status === 'missed' && fullMarks) return '已给满分，但按本网站的读法未达到目标';
  if (outcome.status === 'met' && !fullMarks && score < points) {
    return `按本网站的读法已达到目标，但得分低于分值（${formatNumber(score)}/${formatNumber(points)}）`;
  }
  return undefined;
}

/** The numbers a quantitative comparison used, kept for derivedScore. */
interface Comparison {
  outcome: Outcome;
  numbers?: { comparator: Comparator; targetNumber: number; actualNumber: number };
}

function compare(target: IndicatorValueReading, actual: string, opts: OutcomeOptions): Comparison {
  const text = words(actual);
  if (NOT_FILLED.has(text) || ONLY_DASHES.test(text)) return { outcome: unknown('实际完成值未填写') };
  if (target.kind === 'unreadable') {
    return { outcome: unknown(`目标值无法识别（${target.note ?? '无法识别的写法'}），无法判断是否达到`) };
  }
  const quoted = `“${String(actual).trim()}”`;

  // A target written in words is met by the same words (`及时` for `及时`).
  if (target.kind !== 'quantitative' && text === words(target.raw)) {
    return { outcome: { status: 'met', reason: `实际完成值${quoted}与目标一致，已达到` } };
  }
  // 是 / 否 answer a yes-or-no target (`是否发生安全事故：否`): the other one misses it.
  const targetText = words(target.raw);
  if ((targetText === '是' || targetText === '否') && (text === '是' || text === '否')) {
    return { outcome: { status: 'missed', reason: `实际完成值${quoted}，目标为“${targetText}”，未达到` } };
  }
  // Checked before the achievement words: 未完成 contains 完成.
  if (NOT_ACHIEVED.test(text)) return { outcome: { status: 'missed', reason: `实际完成值${quoted}，未达到目标` } };
  if (PARTLY_ACHIEVED.test(text)) {
    return { outcome: unknown(`实际完成值${quoted}表示大体完成，无法判断是否全部达到`) };
  }

  switch (target.kind) {
    case 'qualitative':
      return { outcome: compareWords(target, text, quoted) };
    case 'deadline':
      return { outcome: compareDeadline(target, actual, text, quoted) };
    default:
      return compareQuantity(target, actual, quoted, opts);
  }
}

function compareWords(target: IndicatorValueReading, text: string, quoted: string): Outcome {
  // 是 says yes, which cannot answer a target of 否.
  if (ACHIEVED.test(text) && !(text === '是' && words(target.raw) === '否')) {
    return { status: 'met', reason: `实际完成值${quoted}，已达到目标` };
  }
  return unknown(`目标为定性描述，实际完成值${quoted}无法判断是否达到`);
}

function compareDeadline(target: IndicatorValueReading, actual: string, text: string, quoted: string): Outcome {
  const limit = target.deadline ? `时限 ${formatDate(target.deadline)}前` : '完成时限';
  if (ON_TIME.test(text)) return { status: 'met', reason: `实际完成值${quoted}，${limit}，已达到` };
  if (LATE.test(text)) return { status: 'missed', reason: `实际完成值${quoted}，未在${limit}完成` };
  const done = completionDate(actual, text);
  if (target.deadline === undefined || done === undefined) {
    return unknown(`实际完成值${quoted}未写明完成时间，无法判断是否在${limit}完成`);
  }
  const d = target.deadline;
  // Years count only when both sides name one; otherwise both are taken as the same year.
  const withYears = d.year !== undefined && done.year !== undefined;
  const key = (year: number | undefined, month: number, day: number) => (withYears ? (year ?? 0) * 10000 : 0) + month * 100 + day;
  // `11月前` may mean before November or by its end: met only when done before November, late
  // only when done after November. A month without a day completes within that month.
  const strictLimit = key(d.year, d.month, d.day ?? (d.endOfMonth ? lastDay(d.month) : 0));
  const looseLimit = key(d.year, d.month, d.day ?? lastDay(d.month));
  const earliest = key(done.year, done.month, done.day ?? 1);
  const latest = key(done.year, done.month, done.day ?? lastDay(done.month));
  const when = `实际完成时间 ${formatDate(done)}`;
  if (latest <= strictLimit) return { status: 'met', reason: `${when}，${limit}，已达到` };
  if (earliest > looseLimit) return { status: 'missed', reason: `${when}，晚于${limit}` };
  return unknown(`${when}，${limit}，无法判断是否在时限内`);
}

// The date an actual value names: `2023年11月底前完成`, `11月完成`, `2023年11月15日`.
function completionDate(actual: string, text: string): Deadline | undefined {
  const reading = readIndicatorValue(actual);
  if (reading.kind === 'deadline') return reading.deadline;
  const m = BARE_DATE.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month < 1 || month > 12) return undefined;
  if (day !== undefined && (day < 1 || day > lastDay(month))) return undefined;
  return { ...(m[1] ? { year: Number(m[1]) } : {}), month, ...(day !== undefined ? { day } : {}) };
}

function compareQuantity(
  target: IndicatorValueReading,
  actual: string,
  quoted: string,
  opts: OutcomeOptions,
): Comparison {
  if (target.baseline === 'lastYear') return { outcome: unknown('目标是与往年比较，需要往年的实际值才能判断') };
  const t = target.number;
  if (t === undefined) return { outcome: unknown('目标没有数值，无法判断是否达到') };
  // 反向 means lower is better: a bare value is a ceiling (as readIndicatorCells reads it).
  const comparator: Comparator =
    target.direction === 'negative' && (target.comparator === undefined || target.comparator === '=')
      ? '<='
      : target.comparator ?? '=';
  const goal = `目标 ${SYMBOLS[comparator]}${formatNumber(t)}${target.unit ?? ''}`;

  const unitColumn = opts.actualUnit?.trim();
  const reading = unitColumn ? readIndicatorCells({ value: actual, unit: unitColumn }) : readIndicatorValue(actual);
  // Some tables repeat the comparator in the actual value (`≥95%`): the number is what was achieved.
  const a = reading.kind === 'quantitative' ? reading.number : undefined;
  if (a === undefined) return { outcome: unknown(`实际完成值${quoted}不是可读的数值，无法与${goal}比较`) };

  // Both units written and different (`次` against `个`): comparing would be guessing. A number
  // written alone is taken in the target's unit, as tables often print the unit only once; a unit
  // on the actual side only, against a target without one, is not assumed to match.
  if (reading.unit !== undefined && target.unit === undefined) {
    return { outcome: unknown(`${goal}未写单位，实际完成值${quoted}有单位，无法比较`) };
  }
  if (reading.unit !== undefined && reading.unit !== target.unit) {
    return { outcome: unknown(`实际完成值${quoted}与${goal}单位不同，无法比较`) };
  }
  const achieved = `实际完成 ${formatNumber(a)}${reading.unit ?? (target.unit ? '（未写单位）' : '')}`;
  const numbers = { comparator, targetNumber: t, actualNumber: a };
  if (meets(a, comparator, t)) return { outcome: { status: 'met', reason: `${achieved}，${goal}，已达到` }, numbers };
  return { outcome: { status: 'missed', reason: `${achieved}，${SHORT_OF[comparator]}${goal}` }, numbers };
}

// `=` is equality: 101% against a target of 100% is not read as met, because the target did not
// ask for more and a value above it may as well be an error in the table.
function meets(actual: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '>=': return actual >= target;
    case '>': return actual > target;
    case '<=': return actual <= target;
    case '<': return actual < target;
    default: return actual === target;
  }
}

// The actual text as compared with words: full-width forms folded (NFKC), spaces and a closing
// full stop removed.
function words(text: unknown): string {
  return String(text ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/[。.;；!！]+$/, '');
}

function unknown(reason: string): Outcome {
  return { status: 'unknown', reason };
}

function lastDay(month: number): number {
  return DAYS_IN_MONTH[month - 1] ?? 31;
}

function formatDate(d: Deadline): string {
  const day = d.day !== undefined ? `${d.day}日` : d.endOfMonth ? '底' : '';
  return `${d.year !== undefined ? `${d.year}年` : ''}${d.month}月${day}`;
}

function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}
