// What changed between two published versions of a table, in sentences a reader follows:
// "预算数 由 40,000.00 元 改为 45,000.00 元", "新增指标 产出指标 › 数量指标 › 清运吨数：指标值 ≥1200吨".
// Pure: it compares two YAML mappings as written (Chinese keys, the labels of the approved table).
// Only what a reader can see counts: comments, quoting ("40000.00" or 40000.00), key order and
// the order of indicator rows are not changes, so a version that differs only in those has no
// changes and is not listed as a version (history.ts).
import { MONEY_FIELDS } from '../../schema/table-layouts.ts';
import { formatYuan, moneyUnitOf, toFen, type MoneyUnit } from '../reading/money.ts';

type Raw = Record<string, unknown>;

/** Lists compared by what they describe rather than by row number. */
const PLAN = '资金支出计划';
const INDICATORS = '绩效指标';
/** The names that identify an indicator row (the row's anchor on the page is made from them). */
const INDICATOR_NAMES = ['一级指标', '二级指标', '三级指标'];

/** A YAML mapping (not a list, not a scalar). */
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A leaf as the page shows it: money in 元 (whatever the table's unit), text trimmed; undefined when empty. */
function leafText(key: string, value: unknown, unit: MoneyUnit): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (MONEY_FIELDS.has(key)) {
    try {
      return `${formatYuan(toFen(text, unit))} 元`;
    } catch {
      return text;
    }
  }
  return text;
}

/** Every leaf below a value, by a path of labels: `分项绩效目标 › 第 2 行 › 指标值`. */
function leaves(value: unknown, unit: MoneyUnit, path: string[] = [], out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, unit, [...path, `第 ${i + 1} 行`], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) leaves(v, unit, [...path, k], out);
  else {
    const text = leafText(path.at(-1) ?? '', value, unit);
    if (text !== undefined) out.set(path.join(' › '), text);
  }
  return out;
}

/** One field's change, in the words the readers asked for. */
function fieldChange(label: string, before: string | undefined, after: string | undefined, key: string): string | undefined {
  if (before === after) return undefined;
  const show = (t: string) => (MONEY_FIELDS.has(key) ? t : `“${t}”`);
  if (before === undefined) return `${label} 新写为 ${show(after!)}`;
  if (after === undefined) return `删去 ${label}（原为 ${show(before)}）`;
  return `${label} 由 ${show(before)} 改为 ${show(after)}`;
}

function compareLeaves(before: Map<string, string>, after: Map<string, string>, prefix = ''): string[] {
  const changes: string[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])]) {
    const key = path.split(' › ').at(-1)!;
    const change = fieldChange(prefix + path, before.get(path), after.get(path), key);
    if (change) changes.push(change);
  }
  return changes;
}

const planPercentText = (v: unknown) => (v === null || v === undefined || String(v).trim() === '' ? '未列计划' : `${String(v).trim().replace(/[%％]$/, '')}%`);

function planChanges(before: unknown, after: unknown): string[] {
  const byMonth = (plan: unknown) =>
    new Map((Array.isArray(plan) ? plan : []).filter(isRecord).map((c) => [String(c['月份']), planPercentText(c['累计比例'])]));
  const a = byMonth(before);
  const b = byMonth(after);
  const months = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => Number(x) - Number(y));
  const changes: string[] = [];
  for (const m of months) {
    const was = a.get(m);
    const now = b.get(m);
    if (was === now) continue;
    if (was === undefined) changes.push(`资金支出计划 新增 ${m}月底：${now}`);
    else if (now === undefined) changes.push(`资金支出计划 删去 ${m}月底（原为 ${was}）`);
    else changes.push(`资金支出计划 ${m}月底 由 ${was} 改为 ${now}`);
  }
  return changes;
}

/** An indicator row's name path, `产出指标 › 数量指标 › 清运吨数`. */
const indicatorLabel = (row: Raw) => INDICATOR_NAMES.map((k) => row[k]).filter((v) => v !== undefined && v !== null && String(v).trim() !== '').map((v) => String(v).trim()).join(' › ');

function indicatorChanges(before: unknown, after: unknown, unit: [MoneyUnit, MoneyUnit]): string[] {
  const rows = (list: unknown, u: MoneyUnit) =>
    new Map((Array.isArray(list) ? list : []).filter(isRecord).map((row) => [indicatorLabel(row), leaves(Object.fromEntries(Object.entries(row).filter(([k]) => !INDICATOR_NAMES.includes(k))), u)]));
  const a = rows(before, unit[0]);
  const b = rows(after, unit[1]);
  const changes: string[] = [];
  for (const label of [...new Set([...a.keys(), ...b.keys()])]) {
    const was = a.get(label);
    const now = b.get(label);
    const value = (fields: Map<string, string>) => fields.get('指标值') ?? [...fields.values()][0] ?? '';
    if (was === undefined) changes.push(`新增指标 ${label}：指标值 ${value(now!)}`);
    else if (now === undefined) changes.push(`删去指标 ${label}（原指标值 ${value(was)}）`);
    else changes.push(...compareLeaves(was, now, `指标 ${label} 的 `));
  }
  return changes;
}

/** The changes from one version of a table to the next; [] when they differ only in form. */
export function tableChanges(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const units: [MoneyUnit, MoneyUnit] = [moneyUnitOf(a), moneyUnitOf(b)];
  // Every field shows on the page, 来源 (the lines of the 批复原文) and 表样 (the layout) included.
  const rest = (raw: Raw) => Object.fromEntries(Object.entries(raw).filter(([k]) => k !== PLAN && k !== INDICATORS));
  return [
    ...compareLeaves(leaves(rest(a), units[0]), leaves(rest(b), units[1])),
    ...planChanges(a[PLAN], b[PLAN]),
    ...indicatorChanges(a[INDICATORS], b[INDICATORS], units),
  ];
}

/** A change list in one line for a feed entry or a list: the first few, then how many more. */
export function changeSummary(changes: readonly string[], shown = 3): string {
  if (changes.length <= shown) return changes.join('；');
  return `${changes.slice(0, shown).join('；')}；另有 ${changes.length - shown} 处修改`;
}
