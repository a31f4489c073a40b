// What the 部门预算 / 部门决算 pages compute (src/lib/views/budget-view.ts), on the real documents of
// tests/fixtures/budget/ and the example county's 示例数据: where a table's headings end, merges as spans,
// 类/款/项 levels, the charts' figures as the tables print them, links to projects named in a cell, and a
// 原表如此 record placed at the cell the checker names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { budgetCharts, budgetNoteHtml, budgetView } from '../src/lib/views/budget-view.ts';
import type { BudgetDocument } from '../src/schema/budget.ts';

const fixture = (id: string) => parse(readFileSync(join('tests/fixtures/budget', `${id}.yaml`), 'utf8')) as BudgetDocument;
const example = (file: string) => parse(readFileSync(join('examples/county/content/2024/910001', file), 'utf8')) as BudgetDocument;

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

describe('the 情况说明', () => {
  it('is sanitised Markdown with its headings under the page’s', () => {
    const html = budgetNoteHtml('# 标题\n\n## 一、概况\n\n<script>alert(1)</script>文字');
    expect(html).toContain('<h3 id="标题">标题</h3>');
    expect(html).toContain('<h4 id="一、概况">');
    expect(html).not.toContain('<script');
  });
});
