// A county's site over several years, as a reader finds it: the landing page by year and unit,
// a year's overview of all units with its chart, a project against its table of the year before,
// and a unit that published no department targets. Built from content/ plus the fictitious 2024
// tables of tests/fixtures/county (global-setup.ts); figures are recomputed here from the YAML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatYuan, toFen } from '../../src/lib/reading/money.ts';
import { projectSchema, type Project } from '../../src/schema/project.ts';
import { openDesktopPage } from './desktop-page.ts';
import { COUNTY_FIXTURE } from './global-setup.ts';
import { sitesUnderTest } from './sites.ts';

const sites = sitesUnderTest();
const county = sites.find((s) => s.name === 'county')!;
const root = sites.find((s) => s.name === 'root')!;

const projectsIn = (dir: string): Project[] =>
  readdirSync(dir)
    .sort()
    .map((f) => projectSchema().parse(parse(readFileSync(join(dir, f), 'utf8'))));
const sumOf = (projects: Project[]) => projects.reduce((n, p) => n + toFen(p.total, p.moneyUnit), 0n);
const town2023 = projectsIn(join(import.meta.dirname, '../../content/2023/483001/projects'));
const town2024 = projectsIn(join(COUNTY_FIXTURE, '2024/483001/projects'));
const school2024 = projectsIn(join(COUNTY_FIXTURE, '2024/483002/projects'));

let page: Page;
openDesktopPage((opened) => (page = opened));

const rowsOf = (selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));

describe('the landing page of a county', () => {
  it('lists the years, newest first, each with its units and a link to its overview', async () => {
    await page.goto(county.baseUrl);
    expect(await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent?.trim()))).toEqual(['2024年', '2023年']);
    const links = await page.$$eval('main a', (as) => as.map((a) => [a.textContent?.trim(), (a as HTMLAnchorElement).pathname]));
    expect(links).toContainEqual(['2024年各单位汇总与图表', '/2024/']);
    expect(links).toContainEqual(['2023年各单位汇总与图表', '/2023/']);
    expect(links).toContainEqual(['玉田县林南仓镇人民政府本级', '/2024/483001/']);
    expect(links).toContainEqual(['玉田县林南仓镇人民政府本级', '/2023/483001/']);
    expect(links).toContainEqual([school2024[0]!.unitName, '/2024/483002/']);
  });

  it('stays the unit overview on a township site, which has no year overview page', async () => {
    await page.goto(root.baseUrl);
    expect(await page.textContent('h1')).toBe('玉田县林南仓镇人民政府本级 2023年预算绩效目标');
    expect((await page.goto(`${root.baseUrl}2023/`))?.status()).toBe(404);
  });
});

describe('a year of the county (budget by unit)', () => {
  it('charts each unit’s budget, summed from its project tables, and lists the units', async () => {
    await page.goto(`${county.baseUrl}2024/`);
    // Charts are drawn when they come into view (src/scripts/charts.ts).
    await page.locator('figure[data-chart="budget-by-unit"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('figure[data-chart="budget-by-unit"] .chart-canvas')?.hidden);
    const total = sumOf(town2024) + sumOf(school2024);
    expect(await rowsOf('figure[data-chart="budget-by-unit"]')).toEqual([
      ['玉田县林南仓镇人民政府本级', formatYuan(sumOf(town2024)), `${((Number(sumOf(town2024)) / Number(total)) * 100).toFixed(2)}%`],
      [school2024[0]!.unitName, formatYuan(sumOf(school2024)), `${((Number(sumOf(school2024)) / Number(total)) * 100).toFixed(2)}%`],
    ]);
    expect(await page.textContent('figure[data-chart="budget-by-unit"] .chart__summary')).toContain(`合计 ${formatYuan(total)} 元`);
    const units = await rowsOf('#units ~ .table-region table');
    expect(units[0]).toEqual(['玉田县林南仓镇人民政府本级', '483001', '2', String(town2024.reduce((n, p) => n + p.indicators.length, 0)), formatYuan(sumOf(town2024)), formatYuan(sumOf(town2023)), formatYuan(sumOf(town2024) - sumOf(town2023))]);
    expect(units[1]!.slice(5)).toEqual(['未公开', '—']);
    // The year before counts only units published in both years.
    expect(await page.textContent('main')).toContain(`两年都公开的 1 个单位）：预算数合计从 ${formatYuan(sumOf(town2023))} 元`);
  });
});

describe('a project from one year to the next', () => {
  const garbage = (year: number) => `${county.baseUrl}${year}/483001/projects/13022923P00JXC415564L/`;

  it('compares the budget and every indicator with last year’s table of the same code', async () => {
    await page.goto(garbage(2024));
    const before = town2023.find((p) => p.code === '13022923P00JXC415564L')!;
    const after = town2024.find((p) => p.code === '13022923P00JXC415564L')!;
    const section = '[aria-labelledby="year-over-year"]';
    const [budget] = await rowsOf(`${section} table.table--medium`);
    expect(budget).toEqual(['预算数', formatYuan(toFen(before.total)), formatYuan(toFen(after.total)), `+${formatYuan(toFen(after.total) - toFen(before.total))}`, '+4.64%']);
    const indicators = await rowsOf(`${section} table.table--wide`);
    expect(indicators.find((r) => r[2] === '吨数')).toEqual(['产出指标', '数量指标', '吨数', '≤1总吨数', '≥1200吨', '指标值调整']);
    expect(indicators.find((r) => r[2] === '市场价格')).toEqual(['产出指标', '成本指标', '市场价格', '≤1市场价格', '（无）', '取消']);
    expect(indicators.find((r) => r[2] === '每吨清运成本')?.slice(3)).toEqual(['（无）', '≤190元/吨', '新增']);
    expect(indicators).toHaveLength(10);
    // Each of this year's rows links to its row in this year's table.
    await page.click(`${section} a:text-is("每吨清运成本")`);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#指标-成本指标-每吨清运成本');
  });

  it('links both years to each other', async () => {
    await page.goto(garbage(2023));
    await page.click('a:has-text("2024年“2022年村级垃圾清运及焚烧”")');
    expect(page.url()).toBe(garbage(2024));
    await page.click('a:has-text("2023年“2022年村级垃圾清运及焚烧”")');
    expect(page.url()).toBe(garbage(2023));
    expect(await page.$('#year-over-year')).toBeNull(); // the first year has nothing to compare with
  });

  it('follows 上年项目编码 when the code changed with the year', async () => {
    await page.goto(`${county.baseUrl}2024/483001/projects/13022924P00JXC4155606/`);
    const text = await page.textContent('[aria-labelledby="year-over-year"]');
    expect(text).toContain('本表“上年项目编码”13022923P00JXC4155606');
    expect(text).toContain('预算数与上年相同；绩效指标 9 条未变、0 条调整了指标值、新增 0 条、取消 0 条。');
  });
});

describe('a unit without department targets', () => {
  it('offers no link to a department page it does not have', async () => {
    await page.goto(`${county.baseUrl}2024/483002/`);
    const nav = await page.$$eval('.unit-nav a', (as) => as.map((a) => a.textContent?.trim()));
    expect(nav).toEqual(['概览与项目', '全部绩效指标']);
    expect(await page.$eval('main .meta a', (a) => (a as HTMLAnchorElement).pathname)).toBe('/2024/');
    expect((await page.goto(`${county.baseUrl}2024/483002/department/`))?.status()).toBe(404);
  });
});
