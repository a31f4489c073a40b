// How figures read on the page: amounts in 元 with grouping and two decimals, percents as written.
import { formatYuan, toFen, type MoneyUnit } from '../reading/money.ts';

/** An amount of a table, shown in 元 whatever unit the table was written in. */
export const yuanOf = (text: string, unit: MoneyUnit) => formatYuan(toFen(text, unit));

/** A planned percent, or 未列计划 for an empty cell (never 0). */
export const percentText = (percent: number | null) => (percent === null ? '未列计划' : `${percent}%`);

/** 分 → 元 as a plain number, for drawing only; every printed figure uses formatYuan. */
export const fenToNumber = (fen: bigint) => Number(fen) / 100;

/** `76.06%`: a part of a whole (both in 分, not negative), rounded half up to 0.01 %; `—` for a whole of 0. */
export function shareOf(part: bigint, whole: bigint): string {
  if (whole === 0n) return '—';
  const hundredths = (part * 20000n / whole + 1n) / 2n;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
}

/** A change in 分 as 元 with its sign: `+10,200.00`, `-2,897,310.00`, `0.00`. */
export const signedYuan = (fen: bigint) => (fen > 0n ? `+${formatYuan(fen)}` : formatYuan(fen));
