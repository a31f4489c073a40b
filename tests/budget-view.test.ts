// What the 部门预算 / 部门决算 pages compute (src/lib/views/budget-view.ts), on the real documents of
// tests/fixtures/budget/ and the example county's 示例数据: where a table's headings end, merges as spans,
// 类/款/项 levels, the charts' figures as the tables print them, links to projects named in a cell, and a
// 原表如此 record placed at the cell the checker names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { countyBudgetSums, threePublicOverYears } from '../src/lib/views/budget-sums.ts';
import { budgetCharts, budgetNoteHtml, budgetView, spendingByClass, threePublicOf } from '../src/lib/views/budget-view.ts';
import type { BudgetDocument } from '../src/schema/budget.ts';

const fixture = (id: string) => parse(readFileSync(join('tests/fixtures/budget', `${id}.yaml`), 'utf8')) as BudgetDocument;
const example = (file: string, year = 2024) => parse(readFileSync(join(`examples/county/content/${year}/910001`, file), 'utf8')) as BudgetDocument;

describe('a table as printed', () => {
  const doc = fixture('sh-putuo-wenlv-2025-final');
  const view = budgetView(doc, '', []);
  const three = view.tables.find((t) => t.title.includes('三公'))!;

  it('keeps a heading row that begins with 合计 in the head, and the figures in the body', () => {
    expect(three.head.map((r) => r.cells.map((c) => c.text.replace(/\s+/g, '')))).toContainEqual(expect.arrayContaining(['合计', '因公出国（境）费']));
    expect(three.body).toHaveLength(1);
    expect(three.body[0]!.cells.map((c) => c.text)).toEqual(doc.表格.find((t) => t.名称.includes('三公'))!.行.at(-1));
  });

  it('prints each merge once, with its spans, and every other cell of the row', () => {
    const first = three.head[0]!.cells;
    expect(first).toEqual([expect.objectContaining({ text: '财政拨款“三公”经费', colspan: 12, rowspan: 1, header: true, scope: 'colgroup' })]);
    const widths = [...three.head, ...three.body].map((r) => r.cells.reduce((n, c) => n + c.colspan, 0));
    // Each row's cells plus those held by rowspans above it fill the 12 columns.
    expect(widths[widths.length - 1]).toBe(12);
  });

  it('gives 功能分类 rows their level by the code, the code and name as row headings', () => {
    const spending = view.tables.find((t) => t.title === '支出决算表')!;
    const levels = spending.body.map((r) => [r.cells[0]!.text, r.level]);
    expect(levels).toContainEqual(['207', 1]);
    expect(levels).toContainEqual(['20701', 2]);
    expect(levels).toContainEqual(['2070101', 3]);
    const row = spending.body.find((r) => r.cells[0]!.text === '2070101')!;
    expect(row.cells.slice(0, 2).map((c) => c.scope)).toEqual(['row', 'row']);
    expect(row.cells[2]).toMatchObject({ header: false, num: true });
  });

  it('leaves the blank lines of an empty table in its body', () => {
    const empty = budgetView(fixture('sh-putuo-caizheng-2024-final'), '', []).tables.find((t) => t.title.startsWith('政府性基金'))!;
    expect(empty.head).toHaveLength(3);
    expect(empty.body.at(-1)!.cells[0]!.text).toBe('合计');
  });
});

describe('原表如此 and project links', () => {
  it('places a record at the cell the checker names, and one about the 说明 apart', () => {
    const doc = fixture('sh-putuo-caizheng-2024-final');
    doc.原表如此 = [
      { 差异: '收入决算表：合计 第 5 列 与各类之和，2946.25 ≠ 2946.26（差 -0.01）', 原表如此: '四舍五入' },
      { 差异: '说明 五（二）：一般公共服务支出（类）占 71.73%，按表为 71.65%', 原表如此: '原件如此' },
    ];
    const note = readFileSync('tests/fixtures/budget/sh-putuo-caizheng-2024-final.说明.md', 'utf8');
    const view = budgetView(doc, note, []);
    const income = view.tables.find((t) => t.title === '收入决算表')!;
    expect(income.notes.map((n) => n.n)).toEqual([1]);
    const marked = [...income.head, ...income.body].flatMap((r) => r.cells).filter((c) => c.notes.includes(1));
    expect(marked.map((c) => c.text.replace(/,/g, ''))).toEqual(['2946.25']);
    expect(view.otherNotes.map((n) => n.n)).toEqual([2]);
  });

  it('links a cell naming a project of the unit-year to its page', () => {
    const view = budgetView(example('budget.yaml'), '', [{ name: '路灯维护', code: '99000024P00EXAMPLE103', href: '/2024/910001/projects/99000024P00EXAMPLE103/' }]);
    const linked = view.tables.flatMap((t) => t.body.flatMap((r) => r.cells)).filter((c) => c.href);
    expect(linked.map((c) => c.text)).toEqual(['99000024P00EXAMPLE103', '路灯维护']);
  });
});

describe('charts from the tables', () => {
  it('reads 收入来源, the 类 of 支出, 基本 vs 项目 and, for a 决算, 预算数 against 决算数', () => {
    const charts = budgetCharts(example('final-accounts.yaml'));
    expect(charts.map((c) => c.id)).toEqual(['income-sources', 'spending-by-class', 'basic-and-project', 'budget-and-final']);
    const byId = Object.fromEntries(charts.map((c) => [c.id, c]));
    expect(byId['basic-and-project']!.table.rows).toEqual([
      { header: '基本支出', cells: ['374.00', '94.4%'] },
      { header: '项目支出', cells: ['22.30', '5.6%'] },
    ]);
    // 万元 in the tables, 元 in the drawing.
    expect(byId['basic-and-project']!.spec.series[0]!.values).toEqual([3_740_000, 223_000]);
    expect(byId['budget-and-final']!.table.rows[0]).toEqual({ header: '合计', cells: ['8.00', '7.00', '87.5%'] });
  });

  it('draws no 预算 vs 决算 chart for a 部门预算', () => {
    expect(budgetCharts(example('budget.yaml')).map((c) => c.id)).not.toContain('budget-and-final');
  });
});

describe('"三公" over the years', () => {
  const docs = [
    { year: 2024, unit: '910001', data: example('final-accounts.yaml') },
    { year: 2023, unit: '910001', data: example('budget.yaml', 2023) },
    { year: 2024, unit: '910001', data: example('budget.yaml') },
  ];

  it('lists each document’s figures by year, the parts as its "三公" table prints them, and draws the 合计 by year', () => {
    const chart = threePublicOverYears(docs)!;
    expect(chart.tableOnly).toBeUndefined();
    expect(chart.table.headers).toEqual(['年度和文件', '合计', '因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费']);
    // The 2023 预算's figures row (7.50 | 0.00 | 2.50 | 5.00 | 0.00 | 5.00 | 48.00: 合计, 出国, 接待, 小计, 购置, 运行, 机关运行经费), the
    // 2024 决算's 预算数 and 决算数 side by side under each part.
    expect(chart.table.rows).toEqual([
      { header: '2023年部门预算（预算数）', cells: ['7.50', '0.00', '0.00', '5.00', '2.50'] },
      { header: '2024年部门预算（预算数）', cells: ['8.00', '0.00', '0.00', '6.00', '2.00'] },
      { header: '2024年部门决算（预算数）', cells: ['8.00', '0.00', '0.00', '6.00', '2.00'] },
      { header: '2024年部门决算（决算数）', cells: ['7.00', '0.00', '0.00', '5.50', '1.50'] },
    ]);
    expect(chart.spec.labels).toEqual(['2023年', '2024年']);
    expect(chart.spec.series.map((s) => s.values)).toEqual([
      [75_000, 80_000],
      [null, 70_000],
    ]);
  });

  it('with one year only shows the table and says why there is no drawing', () => {
    const chart = threePublicOverYears(docs.filter((d) => d.year === 2024))!;
    expect(chart.tableOnly).toBe(true);
    expect(chart.summary).toMatch(/只有 2024 年.*只列表、不画图/);
    expect(chart.table.rows).toHaveLength(3);
    expect(threePublicOverYears([{ year: 2024, unit: '910001', data: { ...docs[0]!.data, 表格: [] } }])).toBeUndefined();
  });

  it('reads a real 决算’s "三公" table by its headings: each part’s 预算数 and 决算数, whatever their order', () => {
    // 合计 | 出国 | 公务用车 小计 | 购置 | 运行维护 | 接待, a 预算数 and a 决算数 under each (headings broken over lines).
    const three = threePublicOf(fixture('sh-putuo-wenlv-2025-final'))!;
    expect(three.unit).toBe('万元');
    expect(three.phases).toEqual([
      { label: '预算数', texts: ['11.49', '0', '0', '9.38', '2.11'] },
      { label: '决算数', texts: ['3.04', '0', '0', '2.64', '0.40'] },
    ]);
  });
});

describe('a county year summing its units', () => {
  // Two units of one year, one printing its tables in 万元 (the example town), the other in 元 (a real 上海 budget).
  const town = example('budget.yaml');
  const real = fixture('sh-putuo-wenlv-2026-budget');
  const units = [
    { unit: '910001', unitName: '示例镇' },
    { unit: '910002', unitName: '文旅局' },
    { unit: '910003', unitName: '没有预算的单位' },
  ];
  const docs = [
    { year: 2024, unit: '910001', data: town },
    { year: 2024, unit: '910002', data: real },
    { year: 2024, unit: '910001', data: example('final-accounts.yaml') },
  ];
  const [budget, final] = countyBudgetSums(2024, units, docs);

  it('adds each 类 of 支出 over the units to the fen, in 元 when a table prints 元, and counts the units listing it', () => {
    expect(budget!.added.map((u) => u.unit)).toEqual(['910001', '910002']);
    expect(budget!.missing.map((u) => u.unitName)).toEqual(['没有预算的单位']);
    const chart = budget!.charts.find((c) => c.id === 'county-budget-by-class')!;
    const fen = (text: string, unit: string) => BigInt(Math.round(Number(text.replace(/,/g, '')) * 100)) * (unit === '万元' ? 10_000n : 1n);
    const expected = new Map<string, bigint>();
    for (const s of [spendingByClass(town)!, spendingByClass(real)!]) for (const c of s.classes) expected.set(c.code, (expected.get(c.code) ?? 0n) + fen(c.text, s.unit));
    expect(chart.table.rows.map((r) => [r.header.slice(0, 3), fen(r.cells[0]!, '元')])).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)));
    // 208 is in both, 207 (文化旅游体育与传媒) only in the real one, 201 only in the town's.
    expect(chart.table.rows.find((r) => r.header.startsWith('208'))!.cells[2]).toBe('2');
    expect(chart.table.rows.find((r) => r.header.startsWith('201'))!.cells[2]).toBe('1');
    expect(chart.table.rows.find((r) => r.header.startsWith('207'))!.cells[2]).toBe('1');
    expect(chart.table.caption).toContain('2 个单位相加；没有部门预算的 没有预算的单位；单位：元');
  });

  it('adds the "三公" parts (预算数 of the 预算, 决算数 of the 决算) and names the units without the document', () => {
    const three = budget!.charts.find((c) => c.id === 'county-budget-three-public')!;
    const part = (doc: BudgetDocument, i: number) => Math.round(Number(threePublicOf(doc)!.phases[0]!.texts[i]!.replace(/,/g, '') || '0') * 100);
    expect(three.table.rows.map((r) => r.header)).toEqual(['合计', '因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费']);
    // Both print "三公" in 万元: the sum stays in 万元.
    expect(three.table.rows.map((r) => Math.round(Number(r.cells[0]) * 100))).toEqual([0, 1, 2, 3, 4].map((i) => part(town, i) + part(real, i)));
    expect(final!.种类).toBe('部门决算');
    expect(final!.missing.map((u) => u.unit)).toEqual(['910002', '910003']);
    expect(final!.charts.find((c) => c.id === 'county-final-accounts-three-public')!.table.rows[0]!.cells).toEqual(['7.00']);
    expect(countyBudgetSums(2023, units, docs)).toEqual([]);
  });
});

describe('the 情况说明', () => {
  it('is sanitised Markdown with its headings under the page’s', () => {
    const html = budgetNoteHtml('# 标题\n\n## 一、概况\n\n<script>alert(1)</script>文字');
    expect(html).toContain('<h3 id="标题">标题</h3>');
    expect(html).toContain('<h4 id="一、概况">');
    expect(html).not.toContain('<script');
  });
});
