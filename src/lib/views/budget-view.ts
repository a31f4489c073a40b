// What a 部门预算 or 部门决算 page shows, computed from the file as printed (src/schema/budget.ts): each
// table with its header rows and merges as colspan/rowspan, every cell, its 前文 and 后文; each 原表如此
// record placed at the cell the checker names (budget-check.ts), so the page shows the note beside the
// figure; links from a cell that names one of the unit-year's projects to its 绩效目标 page; and the
// charts' data (收入来源, 支出 by 功能分类 类, 基本 vs 项目, 预算 vs 决算), read from the tables by their
// role in the document's set and by the labels their headers print.
import { BUDGET_TABLE_KINDS, budgetSetFor, MONEY_UNIT_LINE, titleMatches, type RowStructure } from '../../schema/budget-tables.ts';
import type { BudgetDocument, BudgetTable } from '../../schema/budget.ts';
import { budgetDifferences, cents, functionLayout, tablesByRole, threePublicTable } from '../budget/budget-check.ts';
import { renderMarkdown } from '../site/markdown.ts';
import { budgetRowAnchor, budgetTableAnchor } from '../site/paths.ts';
import type { ChartWithTable } from './chart-spec.ts';

export interface PrintedCell {
  text: string;
  colspan: number;
  rowspan: number;
  /** th (a column heading, or a row's 科目/label) or td. */
  header: boolean;
  scope?: 'col' | 'colgroup' | 'row';
  /** A figure (right-aligned). */
  num: boolean;
  /** Numbers of the 原表如此 notes about this cell. */
  notes: number[];
  /** The 绩效目标 page of the project this cell names. */
  href?: string;
  /** Its column in the file's row (from 0): the search reads its heading from PrintedTable.columns. */
  col: number;
}
export interface PrintedRow {
  /** A body row's anchor on the page (budgetRowAnchor): the search links a 科目 or 项目支出 line to it. */
  id?: string;
  /** 功能分类 / 经济分类 level by the code's length: 1 类, 2 款, 3 项. */
  level?: 1 | 2 | 3;
  cells: PrintedCell[];
}
export interface RecordedNote {
  n: number;
  差异: string;
  原表如此: string;
}
export interface PrintedTable {
  id: string;
  title: string;
  before: string[];
  after: string[];
  unit?: '元' | '万元';
  rows: RowStructure;
  /** The heading labels above each column, top down (what the search says each amount is). */
  columns: string[][];
  head: PrintedRow[];
  body: PrintedRow[];
  /** The 原表如此 notes about cells of this table, shown under it. */
  notes: RecordedNote[];
}

const squash = (s: string) => s.replace(/\s+/g, '');
const NUMBER = /^-?\d[\d,]*(\.\d+)?$/;
const isTotalLabel = (s: string) => /^(合计|总计)$/.test(squash(s));
/**
 * The first row of figures: one with a number (a 科目 code or an amount), a 栏次 row aside; or, in a
 * table without figures, its 合计 row (blank, or naming 合计 / 基本支出 / 项目支出 under 本年支出). A
 * heading row that begins with 合计 (the "三公" table's) names other columns too, and stays a heading.
 */
const isDataRow = (r: string[]) =>
  !r.some((x) => squash(x) === '栏次') &&
  (r.some((x) => NUMBER.test(x.trim())) || (isTotalLabel(r[0] ?? '') && r.slice(1).every((x) => x.trim() === '' || isTotalLabel(x) || /支出$/.test(squash(x)))));

interface Range {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
const columnOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
function rangeOf(a1: string): Range {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1)!;
  return { r0: Number(m[2]) - 1, c0: columnOf(m[1]!), r1: Number(m[4]) - 1, c1: columnOf(m[3]!) };
}

/** The money unit a table prints above it, else the one its set gives it. */
function unitOf(doc: BudgetDocument, table: BudgetTable): '元' | '万元' | undefined {
  for (const line of table.前文 ?? []) {
    const m = MONEY_UNIT_LINE.exec(line.trim());
    if (m) return m[1] as '元' | '万元';
  }
  return budgetSetFor(doc)?.tables.find((e) => titleMatches(e, table.名称))?.unit;
}

/** How many leading rows are headings: up to the first row of figures (blank lines above it aside), and past any merge that starts above it. */
function headRowCount(rows: string[][], merges: Range[]): number {
  let h = rows.findIndex(isDataRow);
  if (h < 0) h = rows.length;
  // An empty table's blank lines between its headings and its 合计 row are body rows, printed blank.
  while (h > 1 && rows[h - 1]!.every((x) => x.trim() === '')) h--;
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of merges)
      if (m.r0 < h && m.r1 >= h) {
        h = m.r1 + 1;
        grew = true;
      }
  }
  return h;
}

/** The heading labels above each column, top down (a merged heading counts for every column it covers). */
function columnLabels(rows: string[][], h: number, width: number, merges: Range[]): string[][] {
  const grid = rows.slice(0, h).map((r) => Array.from({ length: width }, (_, c) => squash(r[c] ?? '')));
  for (const m of merges) for (let r = m.r0; r <= Math.min(m.r1, h - 1); r++) for (let c = m.c0; c <= m.c1; c++) if (grid[r]) grid[r]![c] = squash(rows[m.r0]?.[m.c0] ?? '');
  return Array.from({ length: width }, (_, c) => grid.map((r) => r[c]!).filter((t, i, all) => t !== '' && all.indexOf(t) === i));
}

/**
 * A 经济分类 table listed with its code split 类 | 款 (then the name, then the amounts) reads like a
 * 功能分类 table; the other form, two halves of code | name | amount side by side, has no one code
 * column (its names are row headings by being text).
 */
function economicLayout(table: BudgetTable) {
  const split = table.行.some((r) => squash(r[0] ?? '') === '类' && squash(r[1] ?? '') === '款');
  if (split) return { code: (r: string[]) => squash(`${r[0] ?? ''}${r[1] ?? ''}`), first: 3 };
  // The 预算's list (合计 | 人员经费 | 公用经费) with its code in one column, as the central 基本支出表 may print it.
  const list = table.行.some((r) => r.some((x) => squash(x) === '人员经费'));
  return list ? { code: (r: string[]) => squash(r[0] ?? ''), first: 2 } : undefined;
}

export interface ProjectLink {
  name: string;
  code?: string;
  href: string;
}

export interface BudgetView {
  tables: PrintedTable[];
  /** 原表如此 records not about one cell (the 说明 against the tables, last year's figures). */
  otherNotes: RecordedNote[];
}

/** Every table as printed, with the 原表如此 notes at their cells and links to the projects named. */
export function budgetView(doc: BudgetDocument, note: string, projects: ProjectLink[]): BudgetView {
  const differences = budgetDifferences(doc, note);
  const notes = (doc.原表如此 ?? []).map((r, i) => ({ n: i + 1, 差异: r.差异, 原表如此: r.原表如此, cell: differences.find((d) => d.text === r.差异)?.cell }));
  const roles = tablesByRole(doc);
  const forms = new Set((budgetSetFor(doc)?.tables ?? []).filter((e) => e.form).map((e) => roles[e.role]));
  const byName = new Map(projects.flatMap((p) => [[squash(p.name), p.href] as const, ...(p.code ? [[p.code, p.href] as const] : [])]));

  const tables = doc.表格.map((table, t): PrintedTable => {
    const role = (Object.keys(roles) as (keyof typeof roles)[]).find((r) => roles[r] === table);
    const structure: RowStructure = role ? BUDGET_TABLE_KINDS[role].rows : '其他';
    const merges = (table.合并 ?? []).map(rangeOf);
    const width = Math.max(0, ...table.行.map((r) => r.length), ...merges.map((m) => m.c1 + 1));
    const rows = table.行.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
    // A form has no row of column headings: its labels are row headings beside their values.
    const h = forms.has(table) ? 0 : headRowCount(rows, merges);
    const covered = new Set<string>();
    const spans = new Map<string, Range>();
    for (const m of merges) {
      spans.set(`${m.r0},${m.c0}`, m);
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
    }
    // A note about a cell inside a merge belongs to the merged cell.
    const topLeft = (r: number, c: number) => merges.find((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) ?? { r0: r, c0: c };
    const here = notes.filter((x) => x.cell?.table === t);
    const notesAt = (r: number, c: number) => here.filter((x) => topLeft(x.cell!.row, x.cell!.col).r0 === r && topLeft(x.cell!.row, x.cell!.col).c0 === c).map((x) => x.n);
    const layout = structure === '功能分类' ? functionLayout(table) : structure === '经济分类' ? economicLayout(table) : undefined;

    const rowOf = (r: number): PrintedRow => {
      const cells: PrintedCell[] = [];
      const inHead = r < h;
      rows[r]!.forEach((text, c) => {
        if (covered.has(`${r},${c}`)) return;
        const span = spans.get(`${r},${c}`);
        // Never let a body cell's rowspan reach into another section (the head stops where figures begin).
        const colspan = span ? span.c1 - span.c0 + 1 : 1;
        const rowspan = span ? Math.min(span.r1, inHead ? h - 1 : rows.length - 1) - span.r0 + 1 : 1;
        const filled = text.trim() !== '';
        const num = !inHead && NUMBER.test(text.trim());
        const rowHeader = !inHead && filled && (layout ? c < layout.first : !num);
        const header = inHead ? filled : rowHeader;
        const scope = inHead && filled ? (colspan > 1 ? 'colgroup' : 'col') : rowHeader ? 'row' : undefined;
        const href = !inHead && filled ? byName.get(squash(text)) : undefined;
        cells.push({ text, colspan, rowspan, header, ...(scope ? { scope } : {}), num: num && !rowHeader, notes: notesAt(r, c), ...(href ? { href } : {}), col: c });
      });
      // The row as written (functionLayout knows a blank 类 or 款 cell by its row), not its padded copy.
      const code = layout && !inHead ? layout.code(table.行[r] ?? rows[r]!) : '';
      const level = /^\d{3}$/.test(code) ? 1 : /^\d{5}$/.test(code) ? 2 : /^\d{7}$/.test(code) ? 3 : undefined;
      return { ...(inHead ? {} : { id: budgetRowAnchor(t, r) }), ...(level ? { level } : {}), cells };
    };
    const unit = unitOf(doc, table);
    return {
      id: budgetTableAnchor(t),
      title: table.名称,
      before: table.前文 ?? [],
      after: table.后文 ?? [],
      ...(unit ? { unit } : {}),
      rows: structure,
      columns: columnLabels(rows, h, width, merges),
      head: rows.slice(0, h).map((_, r) => rowOf(r)),
      body: rows.slice(h).map((_, i) => rowOf(h + i)),
      notes: here.map(({ n, 差异, 原表如此 }) => ({ n, 差异, 原表如此 })),
    };
  });
  return { tables, otherNotes: notes.filter((x) => !x.cell).map(({ n, 差异, 原表如此 }) => ({ n, 差异, 原表如此 })) };
}

/** A chart and the table that prints its numbers (Chart.astro). */
export type BudgetChart = ChartWithTable;

/** One table read for a chart: its rows of figures, the labels above each column, its unit. */
function readTable(doc: BudgetDocument, table: BudgetTable) {
  const merges = (table.合并 ?? []).map(rangeOf);
  const width = Math.max(0, ...table.行.map((r) => r.length), ...merges.map((m) => m.c1 + 1));
  const h = headRowCount(table.行, merges);
  const labels = columnLabels(table.行, h, width, merges);
  const body = table.行.slice(h);
  const unit = unitOf(doc, table) ?? '元';
  const toYuan = (text: string) => ((cents(text) ?? 0) / 100) * (unit === '万元' ? 10000 : 1);
  return { labels, body, unit, toYuan, total: body.find((r) => r.some((x) => isTotalLabel(x))) };
}

const share = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);

/** One bar of a chart of parts: its name, its figure as printed, and in 元 for the drawing. */
interface Part {
  name: string;
  text: string;
  yuan: number;
}

/**
 * A chart of the parts of a whole (收入来源, 支出 by 类, 基本 vs 项目): one bar each, and the table of the
 * figures as printed with each one's share of their sum. `summary` says it in a sentence from the largest part.
 */
function partsChart(c: { id: string; title: string; tableTitle?: string; phase: string; unit: string; source: string; note?: string; heading: string; shareOf: string; parts: Part[]; summary: (top: Part, sum: number) => string }): BudgetChart {
  const sum = c.parts.reduce((s, p) => s + p.yuan, 0);
  const top = [...c.parts].sort((a, b) => b.yuan - a.yuan)[0]!;
  return {
    id: c.id,
    title: c.title,
    summary: c.summary(top, sum),
    caption: `数据来源：${c.source}（单位：${c.unit}）。${c.note ?? ''}`,
    spec: { type: 'bar', horizontal: true, labels: c.parts.map((p) => p.name), series: [{ label: `${c.phase}（元）`, values: c.parts.map((p) => p.yuan), color: 'chart-1' }], unit: '元' },
    table: { caption: `${c.tableTitle ?? c.title}（单位：${c.unit}）`, headers: [c.heading, `${c.phase}（${c.unit}）`, c.shareOf], rows: c.parts.map((p) => ({ header: p.name, cells: [p.text || '0', share(p.yuan, sum)] })) },
  };
}

/** The 支出 table's 类 rows (功能分类, 3-digit code): code, name and the 合计 column as printed. */
export function spendingByClass(doc: BudgetDocument): { table: BudgetTable; unit: '元' | '万元'; classes: { code: string; name: string; text: string }[] } | undefined {
  const spending = tablesByRole(doc).支出表;
  if (!spending) return undefined;
  const { body, unit } = readTable(doc, spending);
  const layout = functionLayout(spending);
  const classes = body.filter((r) => /^\d{3}$/.test(layout.code(r))).map((r) => ({ code: layout.code(r), name: layout.name(r), text: (r[layout.first] ?? '').trim() }));
  return { table: spending, unit, classes };
}

/** The parts of the "三公" 经费 pages show, in this order, with the column threePublicTable finds each in. */
export const THREE_PUBLIC_PARTS = [
  ['合计', 'total'],
  ['因公出国（境）费', 'abroad'],
  ['公务用车购置费', 'buy'],
  ['公务用车运行费', 'run'],
  ['公务接待费', 'host'],
] as const;

/** A "三公" figure as printed (undefined where the table has no such column). */
export interface ThreePublicPhase {
  /** 预算数, or 决算数 (a 决算 prints both side by side; one that prints one column prints its 决算数). */
  label: '预算数' | '决算数';
  texts: (string | undefined)[];
}

/** A document's "三公" table read by its headings (budget-check.ts threePublicTable): each phase it prints, each part's figure. */
export function threePublicOf(doc: BudgetDocument): { table: BudgetTable; unit: '元' | '万元'; phases: ThreePublicPhase[] } | undefined {
  const table = tablesByRole(doc).三公经费表;
  if (!table) return undefined;
  const read = threePublicTable(table);
  const labels: ThreePublicPhase['label'][] = read.paired ? ['预算数', '决算数'] : [doc.种类 === '部门预算' ? '预算数' : '决算数'];
  const phases = labels.map((label, k) => ({ label, texts: THREE_PUBLIC_PARTS.map(([, key]) => (read.cols[key] < 0 ? undefined : read.text(read.cols[key], k).trim())) }));
  return { table, unit: unitOf(doc, table) ?? '万元', phases };
}

/** The charts a document's tables support: each only where its table prints the figures. */
export function budgetCharts(doc: BudgetDocument): BudgetChart[] {
  const roles = tablesByRole(doc);
  const out: BudgetChart[] = [];
  const phase = doc.种类 === '部门预算' ? '预算数' : '决算数';

  const income = roles.收入表;
  if (income) {
    const { labels, total, unit, toYuan } = readTable(doc, income);
    const first = functionLayout(income).first;
    const parts = total
      ? labels.flatMap((l, c) => (c >= first && l.length > 0 && !/合计/.test(l.at(-1)!) && toYuan(total[c] ?? '') !== 0 ? [{ name: l.at(-1)!, text: total[c]!, yuan: toYuan(total[c]!) }] : []))
      : [];
    if (parts.length > 0)
      out.push(
        partsChart({ id: 'income-sources', title: '收入来源', phase, unit, source: `${income.名称}的合计行`, heading: '收入来源', shareOf: '占本年收入', parts, summary: (top, sum) => `本年收入来自 ${parts.length} 个来源，最多的是${top.name}（${top.text} ${unit}，占 ${share(top.yuan, sum)}）。` }),
      );
  }

  const spending = spendingByClass(doc);
  if (spending) {
    const { labels, total, unit, toYuan } = readTable(doc, spending.table);
    const parts = spending.classes.map((c) => ({ name: `${c.code} ${c.name}`, text: c.text, yuan: toYuan(c.text) }));
    if (parts.length > 0)
      out.push(
        partsChart({ id: 'spending-by-class', title: '支出按功能分类（类）', tableTitle: '支出按功能分类的类', phase, unit, source: `${spending.table.名称}各“类”行的合计列`, heading: '功能分类（类）', shareOf: '占合计', parts, summary: (top, sum) => `本年支出分属 ${parts.length} 个功能分类的类，最多的是${top.name}（${top.text} ${unit}，占 ${share(top.yuan, sum)}）。` }),
      );
    const column = (name: string) => labels.findIndex((l) => l.at(-1) === name);
    const [basic, project] = [column('基本支出'), column('项目支出')];
    if (total && basic >= 0 && project >= 0) {
      const parts = [basic, project].map((c, i) => ({ name: i === 0 ? '基本支出' : '项目支出', text: total[c] ?? '', yuan: toYuan(total[c] ?? '') }));
      out.push(
        partsChart({ id: 'basic-and-project', title: '基本支出与项目支出', phase, unit, source: `${spending.table.名称}的合计行`, note: '基本支出保障机构运转和人员，项目支出用于完成特定任务。', heading: '支出类型', shareOf: '占合计', parts, summary: (_, sum) => parts.map((p) => `${p.name} ${p.text || '0'} ${unit}（${share(p.yuan, sum)}）`).join('，') + '。' }),
      );
    }
  }

  // 预算 vs 决算: every table of a 决算 that prints a 预算数 (年初预算) column and a 决算数 column under the same heading.
  if (doc.种类 === '部门决算') {
    const pairs: { name: string; budget: string; final: string; b: number; f: number; unit: string }[] = [];
    const sources: string[] = [];
    for (const table of doc.表格) {
      const { labels, body, unit, toYuan } = readTable(doc, table);
      // Labels every column shares (the table's own title row) name no line.
      const shared = labels[0]?.filter((l) => labels.every((x) => x.length === 0 || x.includes(l))) ?? [];
      const groups = new Map<string, { b?: number; f?: number }>();
      labels.forEach((l, c) => {
        const last = l.at(-1) ?? '';
        const key = l.slice(0, -1).filter((x) => !shared.includes(x)).join(' ');
        const g = groups.get(key) ?? {};
        if (/^(预算数|年初预算数?)$/.test(last)) g.b = c;
        else if (last === '决算数') g.f = c;
        groups.set(key, g);
      });
      const found = [...groups].filter(([, g]) => g.b !== undefined && g.f !== undefined);
      if (found.length === 0) continue;
      const rows = body.filter((r) => found.some(([, g]) => NUMBER.test((r[g.b!] ?? '').trim()) || NUMBER.test((r[g.f!] ?? '').trim())));
      for (const r of rows) {
        const rowName = rows.length > 1 ? r.filter((x) => x.trim() !== '' && !NUMBER.test(x.trim())).map(squash).join(' ') : '';
        for (const [key, g] of found) pairs.push({ name: [rowName, key].filter(Boolean).join(' ') || table.名称, budget: r[g.b!] ?? '', final: r[g.f!] ?? '', b: toYuan(r[g.b!] ?? ''), f: toYuan(r[g.f!] ?? ''), unit });
      }
      sources.push(`${table.名称}（单位：${unit}）`);
    }
    if (pairs.length > 0) {
      const rate = (p: { b: number; f: number }) => (p.b === 0 ? '—（无预算数）' : `${((p.f / p.b) * 100).toFixed(1)}%`);
      const units = [...new Set(pairs.map((p) => p.unit))].join('、');
      out.push({
        id: 'budget-and-final',
        title: '预算数与决算数',
        summary: `决算表同时印有预算数和决算数的 ${pairs.length} 项：${pairs.slice(0, 3).map((p) => `${p.name}预算 ${p.budget || '0'}、决算 ${p.final || '0'}（执行率 ${rate(p)}）`).join('；')}${pairs.length > 3 ? '等' : ''}。`,
        caption: `数据来源：${sources.join('、')}。执行率 = 决算数 ÷ 预算数。`,
        spec: {
          type: 'bar',
          horizontal: true,
          labels: pairs.map((p) => p.name),
          series: [
            { label: '预算数（元）', values: pairs.map((p) => p.b), color: 'chart-1' },
            { label: '决算数（元）', values: pairs.map((p) => p.f), color: 'chart-2' },
          ],
          unit: '元',
        },
        table: { caption: `预算数与决算数（单位：${units}）`, headers: ['项目', `预算数（${units}）`, `决算数（${units}）`, '执行率'], rows: pairs.map((p) => ({ header: p.name, cells: [p.budget || '0', p.final || '0', rate(p)] })) },
      });
    }
  }
  return out;
}

/**
 * The 情况说明 as HTML (rendered and sanitised as the 说明 pages are), its headings moved two levels
 * down: the page's h1 is the document's title and the 说明 sits under its own h2.
 */
export function budgetNoteHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  return renderMarkdown(markdown, { prose: true }).replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`);
}
