// The column names that a data table's cells show on a phone (lib/views/responsive-table.ts).
import { describe, expect, it } from 'vitest';
import { labelTableCells, textOfHtml } from '../src/lib/views/responsive-table.ts';

const labelsOf = (html: string) => [...html.matchAll(/<(td|th)[^>]*?(?: data-label="([^"]*)")?[^>]*>/g)].map((m) => `${m[1]}:${m[2] ?? ''}`);

describe('labelTableCells', () => {
  it('gives every body cell its column header as data-label, and row headers none', () => {
    const html = labelTableCells(
      '<table><caption>c</caption><thead><tr><th scope="col">项目</th><th scope="col">指标值</th><th scope="col" class="num">预算数（元）</th></tr></thead>' +
        '<tbody><tr><th scope="row">甲</th><td>≥95%</td><td class="num">1,000.00</td></tr></tbody></table>',
    );
    expect(html).toContain('<td data-label="指标值">≥95%</td>');
    expect(html).toContain('<td data-label="预算数（元）" class="num">1,000.00</td>');
    expect(html).toContain('<th scope="row">甲</th>');
  });

  it('follows rowspans and colspans as the HTML table model does', () => {
    const html = labelTableCells(
      '<table><thead><tr><th>一级</th><th>二级</th><th>三级</th><th>指标值</th></tr></thead>' +
        '<tbody><tr><th scope="rowgroup" rowspan="2">产出</th><th scope="row" rowspan="2">数量</th><td>a</td><td>1</td></tr>' +
        '<tr><td>b</td><td>2</td></tr>' +
        '<tr><td colspan="2">合并</td><td>c</td><td>3</td></tr></tbody></table>',
    );
    expect(labelsOf(html).filter((l) => l.startsWith('td'))).toEqual(['td:三级', 'td:指标值', 'td:三级', 'td:指标值', 'td:一级', 'td:三级', 'td:指标值']);
  });

  it('joins stacked headers, strips markup from them and escapes quotes', () => {
    const html = labelTableCells(
      '<table><thead><tr><th rowspan="2">项目</th><th colspan="2">预算数</th></tr><tr><th>财政<span class="visually-hidden">资金</span></th><th>其他 "资金"</th></tr></thead>' +
        '<tbody><tr><td>甲</td><td>1</td><td>2</td></tr></tbody></table>',
    );
    expect(labelsOf(html).slice(-3)).toEqual(['td:项目', 'td:预算数 财政 资金', 'td:预算数 其他 &quot;资金&quot;']);
  });

  it('leaves tables without a header row, and cells that already have a label, as they are', () => {
    const sheet = '<table><tbody><tr><th scope="row">项目名称</th><td>甲</td></tr></tbody></table>';
    expect(labelTableCells(sheet)).toBe(sheet);
    const labelled = '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td data-label="x">1</td></tr></tbody></table>';
    expect(labelTableCells(labelled)).toBe(labelled);
  });

  it('labels each of several tables from its own header', () => {
    const one = (h: string) => `<table><thead><tr><th>${h}</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>`;
    expect(labelsOf(labelTableCells(one('甲') + '<p>…</p>' + one('乙'))).filter((l) => l.startsWith('td'))).toEqual(['td:甲', 'td:乙']);
  });
});

describe('textOfHtml', () => {
  it('keeps the words of a header and drops its tags', () => {
    expect(textOfHtml('<abbr title="x">KPI</abbr>\n 值')).toBe('KPI 值');
  });
});
