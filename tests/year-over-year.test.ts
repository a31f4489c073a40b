// A county over several years: which table is a project's last year, what changed in its budget
// and indicators, and each unit's year against the year before. Uses the bundled 2023 tables and
// the fictitious 2024 tables of tests/fixtures/county.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countyYear } from '../src/lib/views/aggregate.ts';
import { compareYears, linkYears, changePercent } from '../src/lib/site/year-over-year.ts';
import { projectSchema, type Project } from '../src/schema/project.ts';

const read = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => ({ data: projectSchema().parse(parse(readFileSync(join(dir, f), 'utf8'))) }));
const y2023 = read('content/2023/483001/projects');
const y2024 = read('tests/fixtures/county/content/2024/483001/projects');
const school = read('tests/fixtures/county/content/2024/483002/projects');
const all = [...y2023, ...y2024, ...school];
const byCode = (year: number, code: string) => all.find((e) => e.data.fiscalYear === year && e.data.code === code)!;

describe('linking a project to its table of the year before', () => {
  const links = linkYears(all);

  it('links by the same 项目编码 and by 上年项目编码, both ways', () => {
    const garbage2023 = byCode(2023, '13022923P00JXC415564L');
    const garbage2024 = byCode(2024, '13022923P00JXC415564L');
    const well2023 = byCode(2023, '13022923P00JXC4155606');
    const well2024 = byCode(2024, '13022924P00JXC4155606');
    expect(links.previous.get(garbage2024)).toBe(garbage2023);
    expect(links.previous.get(well2024)).toBe(well2023);
    expect(links.next.get(garbage2023)).toEqual([garbage2024]);
    expect(links.next.get(well2023)).toEqual([well2024]);
  });

  it('links nothing else: a new project, and tables of the first year, have no last year', () => {
    expect(links.previous.size).toBe(2);
    expect(links.previous.get(school[0]!)).toBeUndefined();
    for (const e of y2023) expect(links.previous.has(e)).toBe(false);
  });

  it('does not skip a year: the same code two years apart is not last year', () => {
    const in2025 = { data: { ...byCode(2023, '13022923P00JXC4143105').data, fiscalYear: 2025 } };
    expect(linkYears([...y2023, in2025]).previous.has(in2025)).toBe(false);
  });

  it('keeps both tables when a project is split in two the year after', () => {
    const before = byCode(2023, '13022923P00JXC4143105');
    const a = { data: { ...before.data, fiscalYear: 2024, code: '13022924P00000000000A', previousCode: before.data.code } };
    const b = { data: { ...before.data, fiscalYear: 2024, code: '13022924P00000000000B', previousCode: before.data.code } };
    expect(linkYears([before, a, b]).next.get(before)).toEqual([a, b]);
  });
});

describe('what changed from one year to the next', () => {
  it('gives the budget change in 元 and percent, exactly', () => {
    const change = compareYears(byCode(2023, '13022923P00JXC415564L').data, byCode(2024, '13022923P00JXC415564L').data);
    expect(change.amounts[0]).toEqual({ label: '预算数', previous: 21980000n, current: 23000000n, change: 1020000n, percent: '+4.64%' });
    expect(change.amounts[2]).toEqual({ label: '其他资金', previous: 0n, current: 0n, change: 0n });
  });

  it('pairs indicators by 一级/二级/三级 and marks each as unchanged, adjusted, new or dropped', () => {
    const change = compareYears(byCode(2023, '13022923P00JXC415564L').data, byCode(2024, '13022923P00JXC415564L').data);
    expect(change.counts).toEqual({ 未变: 7, 指标值调整: 1, 新增: 1, 取消: 1 });
    const row = (name: string) => change.indicators.find((i) => i.name === name)!;
    expect(row('吨数')).toMatchObject({ status: '指标值调整', previousValue: '≤1总吨数', currentValue: '≥1200吨' });
    expect(row('每吨清运成本')).toMatchObject({ status: '新增', currentValue: '≤190元/吨' });
    expect(row('每吨清运成本').previousValue).toBeUndefined();
    expect(row('市场价格')).toMatchObject({ status: '取消', previousValue: '≤1市场价格' });
    expect(row('市场价格').current).toBeUndefined();
    // This year's rows in their order, then the dropped ones.
    expect(change.indicators.at(-1)!.name).toBe('市场价格');
  });

  it('compares a table written in 万元 with one in 元 in the same 分', () => {
    const before = byCode(2023, '13022923P00JXC4155606').data; // 40,000.00 元
    const after: Project = { ...before, fiscalYear: 2024, moneyUnit: '万元', total: '4.5', fiscal: '4.5' };
    expect(compareYears(before, after).amounts[0]).toMatchObject({ previous: 4000000n, current: 4500000n, change: 500000n, percent: '+12.50%' });
  });

  it('rounds percents half away from zero and has none when last year was 0', () => {
    expect(changePercent(1n, 3n)).toBe('+33.33%');
    expect(changePercent(2n, 3n)).toBe('+66.67%');
    expect(changePercent(-2n, 3n)).toBe('-66.67%');
    expect(changePercent(-1n, 200000n)).toBe('-0.00%');
    expect(changePercent(0n, 3n)).toBe('0.00%');
    expect(changePercent(5n, 0n)).toBeUndefined();
  });
});

describe('a county year (budget by unit)', () => {
  const units = [
    { year: 2023, unit: '483001', unitName: '镇本级', projects: y2023 },
    { year: 2024, unit: '483001', unitName: '镇本级', projects: y2024 },
    { year: 2024, unit: '483002', unitName: '中心小学', projects: school },
  ];

  it('totals each unit and the county, with last year only for units published both years', () => {
    const county = countyYear(units, 2024);
    expect(county.units.map((u) => [u.unit, u.totals.total, u.previousTotal])).toEqual([
      ['483001', 27000000n, 316731000n],
      ['483002', 8500000n, undefined],
    ]);
    expect(county.totals).toEqual({ total: 35500000n, fiscal: 35000000n, other: 500000n, projects: 3, indicators: 21, withSplit: 3, phases: [{ phase: '年初预算', projects: 3 }] });
    expect(county.comparable).toEqual({ units: 1, previous: 316731000n, current: 27000000n });
  });

  it('has no comparison in the first year', () => {
    const county = countyYear(units, 2023);
    expect(county.units).toHaveLength(1);
    expect(county.comparable).toBeUndefined();
  });
});
