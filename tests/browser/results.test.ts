// The three stages as a citizen reads them on the example county (examples/county, 示例数据):
// every published cell of a monitoring and a self-evaluation table on its project's page without
// JavaScript, the plan-against-actual table equal to the YAML, the site's reading labelled as its
// own, the note where the published full score disagrees with it, a project with results only,
// the unit overview's deviations, and the search of results with its 达成情况 filter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { searchDocuments } from '../../src/lib/search/search-index.ts';
import { validateContent } from '../../src/lib/check/validate.ts';
import { ROOT } from '../helpers.ts';
import { openDesktopPage } from './desktop-page.ts';
import { sitesUnderTest } from './sites.ts';

const example = sitesUnderTest().find((s) => s.name === 'example')!;
const CONTENT = join(ROOT, 'examples/county/content');
const yamlOf = (file: string) => parse(readFileSync(join(CONTENT, file), 'utf8')) as Record<string, any>;

let browser: Browser;
let page: Page;
openDesktopPage((opened, launched) => ((page = opened), (browser = launched)));

/** Every scalar written in a YAML file, as text (keys left out). */
function cellsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(cellsOf);
  if (typeof value === 'object') return Object.values(value).flatMap(cellsOf);
  return [String(value)];
}

/** Fen of a decimal text in 元 or 万元, without floating point. */
function fen(text: string, unit: '元' | '万元'): bigint {
  const [integer, fraction = ''] = text.split('.');
  const places = unit === '元' ? 2 : 6;
  return BigInt(integer! + fraction.padEnd(places, '0'));
}
const yuan = (f: bigint) => `${(f / 100n).toLocaleString('en-US')}.${String(f % 100n).padStart(2, '0')}`;

describe('project page with monitoring and a self-evaluation (example county)', () => {
  const project = '2024/910001/projects/99000024P00EXAMPLE001/';
  const target = yamlOf('2024/910001/projects/01-road.yaml');
  const monitoring = yamlOf('2024/910001/monitoring/01-road.yaml');
  const evaluation = yamlOf('2024/910001/evaluations/01-road.yaml');
  let plain: BrowserContext;
  let text = '';
  beforeAll(async () => {
    plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(`${example.baseUrl}${project}`);
    text = (await p.locator('main').innerText()).replace(/\s+/g, ' ');
  });
  afterAll(async () => plain?.close());

  it('shows every cell of both published tables, readable without JavaScript', () => {
    const missing = [...cellsOf(monitoring), ...cellsOf(evaluation)].filter((cell) => !text.includes(cell.replace(/\s+/g, ' ')));
    expect(missing).toEqual([]);
  });

  it('puts target, mid-year progress and result of each indicator side by side, the reading labelled as the site’s', async () => {
    await page.goto(`${example.baseUrl}${project}`);
    const table = page.locator('table', { has: page.locator('caption', { hasText: '执行与自评' }) });
    const headers = await table.locator('thead th').allInnerTexts();
    for (const h of ['年度指标值', '年中进度', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '本网站的读法']) expect(headers.join('|')).toContain(h);
    expect(await table.locator('caption').innerText()).toContain('不是公布的结果');
    const row = table.locator('tr', { has: page.locator('th', { hasText: '垃圾清运率' }) });
    const cells = (await row.innerText()).replace(/\s+/g, ' ');
    for (const expected of ['≥95%', '92%', '93%', '20', '19.5', '未达到', '两台清运车辆']) expect(cells).toContain(expected);
  });

  it('sets the approved plan against the money spent: the chart’s table equals the YAML', async () => {
    await page.goto(`${example.baseUrl}${project}`);
    const figure = page.locator('figure', { has: page.locator('h3', { hasText: '实际' }) });
    const rows = await figure.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    const total = fen(target['预算数'], target['金额单位']);
    const plan = new Map<number, bigint>(target['资金支出计划'].map((c: { 月份: number; 累计比例: number }) => [c.月份, (total * BigInt(Math.round(c.累计比例 * 100))) / 10000n]));
    const byMonth = new Map(rows.map((r) => [Number(/^(\d+)月/.exec(r[0]!)?.[1]), r]));
    for (const [month, planned] of plan) expect(byMonth.get(month)?.join('|'), `${month}月`).toContain(yuan(planned));
    const moneyTotal = (t: Record<string, any>) => t['资金'][0];
    expect(byMonth.get(monitoring['监控截至月份'])?.join('|')).toContain(yuan(fen(moneyTotal(monitoring)['执行数'], monitoring['金额单位'])));
    expect(byMonth.get(12)?.join('|')).toContain(yuan(fen(moneyTotal(evaluation)['全年执行数'], evaluation['金额单位'])));
  });

  it('names the phase of every money column', async () => {
    await page.goto(`${example.baseUrl}${project}`);
    const money = (await page.locator('table', { has: page.locator('caption', { hasText: '资金' }) }).locator('thead').allInnerTexts()).join('|');
    for (const phase of ['年初预算', '监控至6月', '决算']) expect(money).toContain(phase);
  });
});

describe('the published score against the site’s reading', () => {
  it('says so beside a full score given to a target the reading says was missed', async () => {
    await page.goto(`${example.baseUrl}2023/910001/projects/99000023P00EXAMPLE103/`);
    const note = page.locator('.results__note');
    await expect.poll(() => note.count()).toBeGreaterThan(0);
    expect(await note.first().innerText()).toContain('已给满分，但按本网站的读法未达到目标');
  });
});

describe('a project with a self-evaluation and no target table', () => {
  it('has its page, saying the target table is not published here', async () => {
    const response = await page.goto(`${example.baseUrl}2024/910001/projects/99000024P00EXAMPLE104/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('main').innerText()).toContain('绩效目标表没有在本网站公开');
    const evaluation = yamlOf('2024/910001/evaluations/04-flood.yaml');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(cellsOf(evaluation).filter((cell) => !text.includes(cell.replace(/\s+/g, ' ')))).toEqual([]);
  });
});

describe('unit overview', () => {
  it('lists execution rates with their phase and the deviations, each linked to its row', async () => {
    await page.goto(`${example.baseUrl}2024/910001/`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('执行与自评');
    expect(main).toMatch(/决算/);
    const deviation = page.locator('main a[href*="#结果-"]', { hasText: '垃圾清运率' }).first();
    const href = await deviation.getAttribute('href');
    await page.goto(new URL(href!, page.url()).href);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${id}"]`).innerText()).toContain('垃圾清运率');
  });
});

describe('search of the later stages', () => {
  it('finds a deviation reason and lands on the indicator’s line; 达成情况 filters', async () => {
    await page.goto(`${example.baseUrl}search/?q=${encodeURIComponent('故障停运')}`);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/完全匹配|找到/);
    const options = await page.$eval('select[data-filter="达成情况"]', (s) => [...(s as HTMLSelectElement).options].map((o) => o.value));
    expect(options).toEqual(expect.arrayContaining(['已达到', '未达到', '无法判断']));
    const link = page.locator('.results .lines a').first();
    await link.click();
    await page.waitForURL(/projects\/.+#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${id}"]`).innerText()).toContain('故障停运');
  });
});

describe('every search line of the later stages', () => {
  it('opens a page of the example site with the indicator’s line on it', async () => {
    const content = await validateContent(CONTENT);
    const documents = searchDocuments(content.projects.map((p) => p.data), content.departments.map((d) => d.data), {
      monitoring: content.monitoring.map((m) => m.data),
      evaluations: content.evaluations.map((e) => e.data),
      departmentEvaluations: content.departmentEvaluations.map((e) => e.data),
    });
    const lines = documents.flatMap((d) => d.sections.filter((s) => s.line.k === '执行监控' || s.line.k === '绩效自评').map((s) => ({ path: d.url, id: s.anchor })));
    expect(lines.length).toBeGreaterThan(50);
    const pages = new Map<string, string>();
    const missing: string[] = [];
    for (const { path, id } of lines) {
      if (!pages.has(path)) pages.set(path, await (await fetch(new URL(path.slice(1), example.baseUrl))).text());
      if (!pages.get(path)!.includes(`id="${id}"`)) missing.push(`${path}#${id}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('every monitoring and self-evaluation of the example county', () => {
  it('has every published cell on its page, read without JavaScript', async () => {
    const content = await validateContent(CONTENT);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    const missing: string[] = [];
    const texts = new Map<string, string>();
    const textOf = async (path: string) => {
      if (!texts.has(path)) {
        await p.goto(`${example.baseUrl}${path}`);
        texts.set(path, (await p.locator('main').innerText()).replace(/\s+/g, ' '));
      }
      return texts.get(path)!;
    };
    const departments = new Set(content.departments.map((d) => `${d.data.fiscalYear}/${d.data.unitCode}`));
    const pages = [
      ...[...content.monitoring, ...content.evaluations].map((f) => ({ file: f.file, path: `${f.data.fiscalYear}/${f.data.unitCode}/projects/${f.data.key}/` })),
      // Without department targets the unit's overview shows its self-evaluation.
      ...content.departmentEvaluations.map((f) => ({ file: f.file, path: `${f.data.fiscalYear}/${f.data.unitCode}/${departments.has(`${f.data.fiscalYear}/${f.data.unitCode}`) ? 'department/' : ''}` })),
    ];
    expect(pages.length).toBeGreaterThan(20);
    for (const { file, path } of pages) {
      const text = await textOf(path);
      for (const cell of cellsOf(parse(readFileSync(file, 'utf8')))) if (!text.includes(cell.replace(/\s+/g, ' '))) missing.push(`${path}: ${cell}`);
    }
    await context.close();
    expect(missing).toEqual([]);
  });
});
