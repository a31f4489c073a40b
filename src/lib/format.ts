// How figures read on the page: amounts in 元 with grouping and two decimals, percents as written.
import { formatYuan, toFen, type MoneyUnit } from './money.ts';

/** An amount of a table, shown in 元 whatever unit the table was written in. */
export const yuanOf = (text: string, unit: MoneyUnit) => formatYuan(toFen(text, unit));

/** A planned percent, or 未列计划 for an empty cell (never 0). */
export const percentText = (percent: number | null) => (percent === null ? '未列计划' : `${percent}%`);

/** 分 → 元 as a plain number, for drawing only; every printed figure uses formatYuan. */
export const fenToNumber = (fen: bigint) => Number(fen) / 100;
