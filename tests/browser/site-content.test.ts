// What citizens and auditors see of the approved tables: charts that draw and whose tables carry
// the YAML's numbers, downloads that parse back to exactly the YAML, dated pages linked to their
// sources, large text that stays on, and Markdown that cannot run scripts.
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCsv } from '../../src/lib/outputs/tables.ts';
import { formatYuan, toFen } from '../../src/lib/reading/money.ts';
import { projectSchema, type Project } from '../../src/schema/project.ts';
import { openDesktopPage } from './desktop-page.ts';
import { sitesUnderTest } from './sites.ts';

const UNIT_DIR = join(import.meta.dirname, '../../content/2023/483001');
const files = readdirSync(join(UNIT_DIR, 'projects')).sort();
const raws = files.map((f) => parse(readFileSync(join(UNIT_DIR, 'projects', f), 'utf8')) as Record<string, unknown>);
const projects: Project[] = raws.map((raw) => projectSchema().parse(raw));
const yuan = (p: Project) => formatYuan(toFen(p.total, p.moneyUnit));

const sites = sitesUnderTest();
const root = sites.find((s) => s.name === 'root')!;
const sub = sites.find((s) => s.name === 'sub')!;
const projectUrl = (site = root, p: Project) => `${site.baseUrl}2023/483001/projects/${p.code}/`;

let browser: Browser;
let page: Page;
openDesktopPage((opened, launched) => ((page = opened), (browser = launched)));

/** Rows of the table inside a chart's figure: [row header, ...cells]. */
function chartTable(id: string): Promise<string[][]> {
  return page.$$eval(`figure[data-chart="${id}"] tbody tr`, (rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
  );
}

/** How many pixels of a chart's canvas have been painted. */
async function paintedPixels(id: string): Promise<number> {
  // Charts are drawn when they come into view (src/scripts/charts.ts).
  await page.locator(`figure[data-chart="${id}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction((chart) => {
    const holder = document.querySelector<HTMLElement>(`figure[data-chart="${chart}"] .chart-canvas`);
    return holder && !holder.hidden;
  }, id);
  await page.waitForTimeout(1200); // the drawing animation
  return page.$eval(`figure[data-chart="${id}"] canvas`, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}

describe('charts', () => {
  it('draws the budget by project and shows each project’s budget from the YAML in its table', async () => {
    await page.goto(root.baseUrl);
    expect(await paintedPixels('budget-by-project')).toBeGreaterThan(2000);
    const rows = await chartTable('budget-by-project');
    expect(rows.map((r) => r.slice(0, 2))).toEqual(projects.map((p) => [p.name, yuan(p)]));
    expect(await page.textContent('figure[data-chart="budget-by-project"] .chart__summary')).toContain('3,167,310.00 元');
  });

  it('draws the department’s planned spending and leaves unplanned checkpoints out, not as 0', async () => {
    expect(await paintedPixels('planned-spending')).toBeGreaterThan(1000);
    const rows = await chartTable('planned-spending');
    // 3月底: every project's 25% except 人饮井更新, which plans nothing before December.
    expect(rows[0]).toEqual(['3月底', '781,827.50', '24.68%', '1']);
    expect(rows[3]).toEqual(['12月底', '3,167,310.00', '100.00%', '0']);
  });

  it.each(projects.map((p) => [p.name, p] as const))('draws the spending plan of %s with the YAML’s percents', async (_name, p) => {
    await page.goto(projectUrl(root, p));
    expect(await paintedPixels('spending-plan')).toBeGreaterThan(500);
    const rows = await chartTable('spending-plan');
    expect(rows.map((r) => [r[0], r[1]])).toEqual(p.spendingPlan!.map((c) => [`${c.month}月底`, c.percent === null ? '未列计划' : `${c.percent}%`]));
  });
});

describe('project page', () => {
  it.each(projects.map((p) => [p.name, p] as const))('shows every indicator of %s as written, each row with its own anchor', async (_name, p) => {
    await page.goto(projectUrl(root, p));
    const rows = await page.$$eval('table.indicators tbody tr', (trs) =>
      trs.map((tr) => ({ id: tr.id, name: tr.querySelector('th:last-of-type')?.textContent?.trim(), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()) })),
    );
    expect(rows.map((r) => r.name)).toEqual(p.indicators.map((i) => i.name));
    expect(rows.map((r) => [r.cells[0], r.cells[1], r.cells[3]])).toEqual(p.indicators.map((i) => [i.description ?? '', i.value, i.basis ?? '']));
    expect(new Set(rows.map((r) => r.id)).size).toBe(p.indicators.length);
    expect(await page.textContent('main')).toContain(yuan(p));
  });
});

describe('downloads', () => {
  const get = async (url: string) => {
    const response = await fetch(url);
    expect(response.status, url).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };
  // ignoreBOM keeps the BOM in the text, so the test can see that Excel will get it.
  const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it.each(projects.map((p, i) => [p.name, p, raws[i]!] as const))('gives %s as JSON equal to its YAML and as CSV with its values', async (_name, p, raw) => {
    const base = `${root.baseUrl}2023/483001/projects/${p.code}`;
    expect(JSON.parse(text(await get(`${base}.json`)))).toEqual(raw);
    const csvText = text(await get(`${base}.csv`));
    expect(csvText.startsWith('\uFEFF')).toBe(true); // so that Excel reads UTF-8
    const [header, ...rows] = readCsv(csvText);
    const col = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(p.indicators.length);
    rows.forEach((row, n) => {
      const i = p.indicators[n]!;
      expect([row[col('项目编码')], row[col('预算数')], row[col('三级指标')], row[col('指标值')], row[col('指标值确定依据')]]).toEqual([p.code, raw['预算数'], i.name, i.value, i.basis ?? '']);
    });
  });

  it('gives all projects and indicators as CSV, XLSX and JSON, described by datapackage.json with matching SHA-256', async () => {
    const pkg = JSON.parse(text(await get(`${root.baseUrl}data/datapackage.json`))) as { resources: { path: string; hash: string; bytes: number }[] };
    for (const resource of pkg.resources) {
      const bytes = await get(`${root.baseUrl}data/${resource.path}`);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(resource.bytes).toBe(bytes.length);
    }
    const [header, ...indicators] = readCsv(text(await get(`${root.baseUrl}data/indicators.csv`)));
    expect(indicators).toHaveLength(126);
    expect(indicators.map((r) => r[header!.indexOf('指标值')])).toEqual(projects.flatMap((p) => p.indicators.map((i) => i.value)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get(`${root.baseUrl}data/gongkai.xlsx`)).buffer as ArrayBuffer);
    const sheet = book.getWorksheet('项目')!;
    const nameColumn = (sheet.getRow(1).values as unknown[]).indexOf('项目名称');
    expect(nameColumn).toBeGreaterThan(0);
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(nameColumn).value));
    });
    expect(names).toEqual(projects.map((p) => p.name));
    const all = JSON.parse(text(await get(`${root.baseUrl}data/gongkai.json`)));
    expect(all['项目绩效目标表']).toEqual(raws);
  });
});

describe('every page is dated and linked to its sources', () => {
  // The 404 page shows no content of the site, so it has no date (tests/browser/gov-site.test.ts).
  const dated = root.crawl.pages.filter((url) => !url.endsWith('/404.html'));
  it.each(dated.map((url) => [new URL(url).pathname, url] as const))('%s', async (_path, url) => {
    await page.goto(url);
    const datetime = await page.getAttribute('footer time[datetime]', 'datetime');
    expect(Number.isNaN(Date.parse(datetime ?? ''))).toBe(false);
    const sources = await page.$$eval('footer a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith('mailto:')));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect((await fetch(source)).status, source).toBe(200);
  });

  it('links a project page to its YAML file, served exactly as committed', async () => {
    await page.goto(projectUrl(root, projects[0]!));
    const yamlUrl = await page.$eval('footer a[href$=".yaml"]', (a) => (a as HTMLAnchorElement).href);
    expect(await (await fetch(yamlUrl)).text()).toBe(readFileSync(join(UNIT_DIR, 'projects', files[0]!), 'utf8'));
  });
});

describe('large text (适老化)', () => {
  it('stays on across pages once switched on', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(root.baseUrl);
    const normal = await tab.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await tab.click('button.text-size');
    expect(await tab.getAttribute('button.text-size', 'aria-pressed')).toBe('true');
    await tab.click('nav a[href$="about/"]');
    await tab.waitForURL(/about\/$/);
    const large = await tab.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(large).toBeGreaterThan(normal * 1.2);
    expect(await tab.getAttribute('button.text-size', 'aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('Markdown content', () => {
  it('renders the 说明 page but never a script planted in its Markdown', async () => {
    const response = await fetch(`${sub.baseUrl}about/`);
    const html = await response.text();
    expect(html).toContain('植入测试');
    expect(html).not.toContain('__planted');
    expect(html).not.toContain('javascript:');
    await page.goto(`${sub.baseUrl}about/`);
    for (const link of await page.$$('main a')) if ((await link.textContent())?.includes('植入')) await link.click({ trial: false }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { __planted?: string }).__planted)).toBeUndefined();
  });

  it('explains glossary terms where they appear in a table', async () => {
    await page.goto(projectUrl(root, projects[0]!));
    await page.click('details.terms summary');
    const terms = await page.$$eval('details.terms dt', (dts) => dts.map((d) => d.textContent?.trim()));
    expect(terms).toEqual(expect.arrayContaining(['产出指标', '满意度指标', '财政资金', '资金支出计划']));
  });
});
