// Figures of several 部门预算 / 部门决算 put together: a unit's "三公" 经费 over the years (its 部门预算 and
// 部门决算 pages), and a county year's 支出 by 功能分类 类 and "三公" summed over its units (the county's
// year page). Each figure is read from the tables as printed (budget-view.ts spendingByClass,
// threePublicOf), added in 分 (integers, so a sum is exact), and shown in 万元 when every table it adds
// prints 万元, else in 元; each table says which documents it adds and which units have none.
import type { BudgetDocument } from '../../schema/budget.ts';
import { formatFenIn, toFen, type MoneyUnit } from '../reading/money.ts';
import type { BudgetKind } from '../site/content-layout.ts';
import { spendingByClass, THREE_PUBLIC_PARTS, threePublicOf, type BudgetChart } from './budget-view.ts';
import { fenToNumber, shareOf } from './format.ts';

/** A document as these sums read it: the folder's year and unit, and the document. */
export interface BudgetDoc {
  year: number;
  unit: string;
  data: BudgetDocument;
}

/** A printed amount in 分 ('' is nothing printed: 0); undefined when it is not an amount. */
function fenOf(text: string | undefined, unit: MoneyUnit): bigint | undefined {
  const s = (text ?? '').replace(/,/g, '').trim();
  if (s === '') return 0n;
  try {
    return toFen(s, unit);
  } catch {
    return undefined;
  }
}
/** The unit a sum is shown in: 万元 when every table added prints 万元, else 元 (exact either way). */
const shownUnit = (units: readonly MoneyUnit[]): MoneyUnit => (units.length > 0 && units.every((u) => u === '万元') ? '万元' : '元');
const THREE_NAMES = THREE_PUBLIC_PARTS.map(([name]) => name);

/**
 * A unit's "三公" 经费 in every year it has a 部门预算 or 部门决算 with a "三公" table: one table row per
 * document and figure it prints (预算数; a 决算's 预算数 and 决算数), a column per part; the chart draws the
 * 合计 by year (部门预算's 预算数 and 部门决算's 决算数). With one year there is nothing to compare: the
 * table alone, and a sentence that says so (a chart of one point per series would only repeat the table).
 */
export function threePublicOverYears(docs: readonly BudgetDoc[]): BudgetChart | undefined {
  const read = [...docs]
    .sort((a, b) => a.year - b.year || (a.data.种类 === '部门预算' ? -1 : 1))
    .flatMap((d) => {
      const three = threePublicOf(d.data);
      return three ? [{ ...d, three }] : [];
    });
  if (read.length === 0) return undefined;
  const unit = shownUnit(read.map((r) => r.three.unit));
  const rows = read.flatMap((r) =>
    r.three.phases.map((p) => ({ year: r.year, 种类: r.data.种类, label: p.label, fen: p.texts.map((t) => (t === undefined ? undefined : fenOf(t, r.three.unit))) })),
  );
  const years = [...new Set(read.map((r) => r.year))];
  const show = (fen: bigint | undefined) => (fen === undefined ? '—' : formatFenIn(fen, unit));
  // The chart: 合计 by year, the budget's 预算数 and the final accounts' 决算数 (the figures each document is about).
  const series = (
    [
      ['部门预算', '预算数', 'chart-1'],
      ['部门决算', '决算数', 'chart-2'],
    ] as const
  )
    .map(([种类, label, color]) => ({
      label: `${种类}的${label}合计（元）`,
      values: years.map((y) => {
        const fen = rows.find((r) => r.year === y && r.种类 === 种类 && r.label === label)?.fen[0];
        return fen === undefined ? null : fenToNumber(fen);
      }),
      color,
    }))
    .filter((s) => s.values.some((v) => v !== null));
  const named = (r: { year: number; 种类: string; label: string }) => `${r.year}年${r.种类}（${r.label}）`;
  const totals = rows.map((r) => `${named(r)} ${show(r.fen[0])}`);
  const sources = [...new Set(read.map((r) => `${r.year}年${r.data.种类}的${r.three.table.名称}`))];
  return {
    id: 'three-public-years',
    title: '“三公”经费历年情况',
    summary:
      years.length < 2
        ? `本单位只有 ${years[0]} 年的“三公”经费表，还没有可以比较的其他年度，所以这里只列表、不画图：${totals.join('，')} ${unit}。`
        : `${years[0]}年至${years.at(-1)}年“三公”经费合计：${totals.join('，')} ${unit}。`,
    caption: `数据来源：${sources.join('、')}（金额照表，单位：${unit}）。`,
    spec: { type: 'bar', horizontal: true, labels: years.map((y) => `${y}年`), series, unit: '元' },
    table: {
      caption: `“三公”经费历年情况（单位：${unit}）`,
      headers: ['年度和文件', ...THREE_NAMES],
      rows: rows.map((r) => ({ header: named(r), cells: r.fen.map(show) })),
    },
    ...(years.length < 2 ? { tableOnly: true as const } : {}),
  };
}

/** A county year's sums of one kind of document: which units it adds, which have none, and the charts. */
export interface CountyBudgetSum {
  种类: BudgetKind;
  /** The units whose document is added, and those of the year without one (by unit code). */
  added: { unit: string; unitName: string }[];
  missing: { unit: string; unitName: string }[];
  charts: BudgetChart[];
}

/**
 * A county year's 部门预算 and 部门决算, each summed over the units that publish it: 支出 by 功能分类 类 (the
 * 支出 table's 类 rows, 合计 column) and the "三公" 经费 (预算数 of the 部门预算, 决算数 of the 部门决算). `units`
 * are the year's units (the county's year page lists them); a kind no unit publishes is left out.
 */
export function countyBudgetSums(year: number, units: readonly { unit: string; unitName: string }[], docs: readonly BudgetDoc[]): CountyBudgetSum[] {
  return (['部门预算', '部门决算'] as const).flatMap((种类): CountyBudgetSum[] => {
    const own = docs.filter((d) => d.year === year && d.data.种类 === 种类).sort((a, b) => a.unit.localeCompare(b.unit));
    if (own.length === 0) return [];
    const nameOf = (unit: string) => units.find((u) => u.unit === unit)?.unitName ?? own.find((d) => d.unit === unit)!.data.单位;
    const added = own.map((d) => ({ unit: d.unit, unitName: nameOf(d.unit) }));
    const missing = units.filter((u) => !own.some((d) => d.unit === u.unit));
    const figure = 种类 === '部门预算' ? '预算数' : '决算数';
    const slug = 种类 === '部门预算' ? 'budget' : 'final-accounts';
    /** Who the sum adds and who it lacks, as the table's caption says it. */
    const who = (count: number, lacking: string[]) => `${count} 个单位相加${lacking.length > 0 ? `；没有${lacking.join('；没有')}` : ''}`;
    const charts: BudgetChart[] = [];

    const spending = own.flatMap((d) => {
      const s = spendingByClass(d.data);
      return s ? [{ d, s }] : [];
    });
    if (spending.length > 0) {
      const unit = shownUnit(spending.map((x) => x.s.unit));
      const classes = new Map<string, { name: string; fen: bigint; units: number }>();
      for (const { s } of spending)
        for (const c of s.classes) {
          const sum = classes.get(c.code) ?? { name: c.name, fen: 0n, units: 0 };
          sum.fen += fenOf(c.text, s.unit) ?? 0n;
          sum.units += 1;
          classes.set(c.code, sum);
        }
      const rows = [...classes].sort(([a], [b]) => a.localeCompare(b));
      const whole = rows.reduce((s, [, c]) => s + c.fen, 0n);
      const lacking = [
        ...(missing.length > 0 ? [`${种类}的 ${missing.map((u) => u.unitName).join('、')}`] : []),
        ...own.filter((d) => !spending.some((x) => x.d === d)).map((d) => `支出表的 ${nameOf(d.unit)}`),
      ];
      const top = [...rows].sort(([, a], [, b]) => (b.fen > a.fen ? 1 : b.fen < a.fen ? -1 : 0))[0];
      charts.push({
        id: `county-${slug}-by-class`,
        title: `${种类}支出按功能分类（类）`,
        summary: `${spending.length} 个单位的${种类}支出合计 ${formatFenIn(whole, unit)} ${unit}，分属 ${rows.length} 个功能分类的类${top ? `，最多的是${top[0]} ${top[1].name}（${formatFenIn(top[1].fen, unit)} ${unit}，占 ${shareOf(top[1].fen, whole)}）` : ''}。`,
        caption: `数据来源：各单位${种类}支出表（${spending.map((x) => x.s.table.名称).filter((t, i, all) => all.indexOf(t) === i).join('、')}）各“类”行的合计列，按分相加。`,
        spec: { type: 'bar', horizontal: true, labels: rows.map(([code, c]) => `${code} ${c.name}`), series: [{ label: `${figure}（元）`, values: rows.map(([, c]) => fenToNumber(c.fen)), color: 'chart-1' }], unit: '元' },
        table: {
          caption: `${year}年${种类}支出按功能分类的类（${who(spending.length, lacking)}；单位：${unit}）`,
          headers: ['功能分类（类）', `${figure}（${unit}）`, '占合计', '列有此类的单位（个）'],
          rows: rows.map(([code, c]) => ({ header: `${code} ${c.name}`, cells: [formatFenIn(c.fen, unit), shareOf(c.fen, whole), String(c.units)] })),
        },
      });
    }

    const three = own.flatMap((d) => {
      const t = threePublicOf(d.data);
      const phase = t?.phases.find((p) => p.label === figure);
      return t && phase ? [{ d, unit: t.unit, texts: phase.texts }] : [];
    });
    if (three.length > 0) {
      const unit = shownUnit(three.map((x) => x.unit));
      const sums = THREE_NAMES.map((_, i) => three.reduce((s, x) => s + (fenOf(x.texts[i], x.unit) ?? 0n), 0n));
      const lacking = [
        ...(missing.length > 0 ? [`${种类}的 ${missing.map((u) => u.unitName).join('、')}`] : []),
        ...own.filter((d) => !three.some((x) => x.d === d)).map((d) => `“三公”经费表的 ${nameOf(d.unit)}`),
      ];
      charts.push({
        id: `county-${slug}-three-public`,
        title: `${种类}“三公”经费`,
        summary: `${three.length} 个单位的“三公”经费${figure}合计 ${formatFenIn(sums[0]!, unit)} ${unit}：${THREE_NAMES.slice(1)
          .map((n, i) => `${n} ${formatFenIn(sums[i + 1]!, unit)}`)
          .join('，')} ${unit}。`,
        caption: `数据来源：各单位${种类}的“三公”经费表的${figure}，按分相加。`,
        spec: { type: 'bar', horizontal: true, labels: THREE_NAMES, series: [{ label: `${figure}（元）`, values: sums.map(fenToNumber), color: 'chart-1' }], unit: '元' },
        table: {
          caption: `${year}年各单位“三公”经费${figure}相加（${who(three.length, lacking)}；单位：${unit}）`,
          headers: ['项目', `${figure}（${unit}）`],
          rows: THREE_NAMES.map((n, i) => ({ header: n, cells: [formatFenIn(sums[i]!, unit)] })),
        },
      });
    }
    return [{ 种类, added, missing, charts }];
  });
}
