// Money as the approved documents write it: decimal text in 元 or 万元, computed in integer 分
// (never binary floating point) and shown the way Chinese readers expect.

/** The money units a 绩效目标表 may declare in its 「单位：…」 cell. */
export const MONEY_UNITS = ['元', '万元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** The 金额单位 a table as written names; 元 when it names none (or none we know). */
export const moneyUnitOf = (raw: { 金额单位?: unknown }): MoneyUnit => ((MONEY_UNITS as readonly unknown[]).includes(raw.金额单位) ? (raw.金额单位 as MoneyUnit) : '元');

/** Decimal places that still name a whole number of 分 in each unit. */
export const MAX_DECIMALS: Record<MoneyUnit, number> = { 元: 2, 万元: 6 };

const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

export type AmountReading =
  | { ok: true; text: string; integer: string; fraction: string }
  | { ok: false; reason: 'empty' | 'negative' | 'format' };

/**
 * Reads an amount as written (`219800.00`, `1,200,000.00`, or a YAML number) into its
 * canonical decimal text without thousands separators. Numbers from YAML are turned into
 * text first: a YAML float such as 219800.00 arrives as 219800, which is the same amount.
 */
export function readAmount(input: string | number): AmountReading {
  let text = typeof input === 'number' ? numberText(input) : input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.startsWith('-') || text.startsWith('－')) return { ok: false, reason: 'negative' };
  const m = PLAIN.exec(text) ?? GROUPED.exec(text);
  if (!m) return { ok: false, reason: 'format' };
  const integer = m[1]!.replaceAll(',', '');
  const fraction = m[2] ?? '';
  text = fraction ? `${integer}.${fraction}` : integer;
  return { ok: true, text, integer, fraction };
}

function numberText(n: number): string {
  // Number#toString switches to exponent notation past 1e21; such amounts are not real.
  return Number.isFinite(n) ? String(n) : 'NaN';
}

/** Decimal places written, e.g. 2 for `100.00`. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Integer 分 for a canonical amount text in the given unit. Uses BigInt so that no amount a
 * county publishes can lose precision; callers get a plain number when it is safe.
 */
export function toFen(text: string, unit: MoneyUnit = '元'): bigint {
  const reading = readAmount(text);
  if (!reading.ok) throw new Error(`不是金额：${text}`);
  const shift = unit === '元' ? 2 : 6; // 1 元 = 100 分, 1 万元 = 1,000,000 分
  const fraction = reading.fraction.padEnd(shift, '0');
  if (fraction.length > shift) throw new Error(`金额 ${text} 的小数位多于 ${shift} 位`);
  return BigInt(reading.integer + fraction);
}

/** `1234567` 分 → `12,345.67` (元), with the grouping Chinese finance tables use. */
export function formatYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** 分 → 万元 with two decimals (rounded half up), e.g. 120000000 分 → `120.00`. */
export function formatWan(fen: bigint): string {
  const hundredthsOfWan = (fen + 5000n) / 10000n; // 0.01 万元 = 100 元 = 10,000 分
  return formatYuan(hundredthsOfWan);
}

/**
 * 分 in a table's own unit: 元 as `formatYuan`; 万元 grouped, with as many decimals as the amount
 * needs (at least two, at most six), e.g. 123400000 分 → `123.40`, 123456700 分 → `123.4567`.
 */
export function formatFenIn(fen: bigint, unit: MoneyUnit): string {
  if (unit === '元') return formatYuan(fen);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const wan = (abs / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0{1,4}$/, '');
  return `${negative ? '-' : ''}${wan}.${fraction}`;
}

/** An amount exactly as written (decimals kept), grouped in thousands: `12.3400` → `12.3400`, `1234567.5` → `1,234,567.5`. */
export function groupAmount(text: string): string {
  const reading = readAmount(text);
  if (!reading.ok) return text;
  const integer = reading.integer.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return reading.fraction ? `${integer}.${reading.fraction}` : integer;
}
