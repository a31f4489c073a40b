// The 部门决算 page end to end from a real document: the 上海市普陀区财政局 2024 年度部门决算 as published
// (tests/fixtures/budget/, its workbook and its 情况说明) goes through `npm run import` into a temporary
// content folder beside one project of the same unit-year (the example county's, so the unit-year has an
// overview). Its differences are recorded under 原表如此 exactly as the fixture's README lists them — what
// staff do once they have checked the original — so that `npm run validate` passes and `npm run build`
// builds. Its page, read in headless Chromium without JavaScript, prints merged headings as the document
// merges them; each 原表如此 note that is about one cell is printed under that cell's table and marked at
// the cell holding the figure it names. (That every document's page shows every cell, every line above and
// below a table and its 说明 is budget-corpus.test.ts.)
// Then the example county (示例数据, built and crawled by the global setup): the unit's "三公" over the years,
// the county year page whose sums equal the units' tables, and the links to each table's downloads and
// to the year's 公开情况.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/commands/server.ts';
import type { BudgetDocument } from '../../src/schema/budget.ts';
import { ROOT, runCli } from '../helpers.ts';
import { EXAMPLE_CONTENT, TEST_DIST } from './global-setup.ts';
import { pagePath, sitesUnderTest } from './sites.ts';

const ID = 'sh-putuo-caizheng-2024-final';
const FIXTURES = join(ROOT, 'tests/fixtures/budget');
const CONTENT = join(TEST_DIST, 'content-budget');
const OUT = join(TEST_DIST, 'budget-site');
const UNIT = '910001';
const squash = (s: string) => s.replace(/\s+/g, '');

/** The differences the fixture's README lists for this document, as the checker words them. */
const listed = readFileSync(join(FIXTURES, 'README.md'), 'utf8')
  .split('\n')
  .flatMap((line) => (line.startsWith(`- \`${ID}\` `) ? [line.slice(`- \`${ID}\` `.length)] : []));

let document: BudgetDocument;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  mkdirSync(join(CONTENT, '2024', UNIT, 'projects'), { recursive: true });
  for (const file of ['site.yaml', 'about.md']) copyFileSync(join(EXAMPLE_CONTENT, file), join(CONTENT, file));
  // One project, so that the unit-year has an overview page (its last year's code points at nothing here).
  const project = readFileSync(join(EXAMPLE_CONTENT, '2024', UNIT, 'projects', '01-road.yaml'), 'utf8').replace(/^上年项目编码:.*\n/m, '');
  writeFileSync(join(CONTENT, '2024', UNIT, 'projects', '01-road.yaml'), project);
  const imported = runCli('import', [join(FIXTURES, `${ID}.xlsx`), '--unit', UNIT, '--region', '上海市普陀区', '--note', join(FIXTURES, `${ID}.说明.md`), '--content', CONTENT]);
  if (imported.status !== 0) throw new Error(`npm run import failed:\n${imported.stdout}\n${imported.stderr}`);
  const file = join(CONTENT, '2024', UNIT, 'final-accounts.yaml');
  const records = listed.map((d) => `  - 差异: ${JSON.stringify(d)}\n    原表如此: "原件就是这样印的（见 tests/fixtures/budget/README.md）"\n`).join('');
  writeFileSync(file, `${readFileSync(file, 'utf8')}原表如此:\n${records}`);
  document = parse(readFileSync(file, 'utf8')) as BudgetDocument;
  const validated = runCli('validate', [CONTENT]);
  if (validated.status !== 0) throw new Error(`npm run validate failed:\n${validated.stdout}\n${validated.stderr}`);
  const built = runCli('build', [], { GONGKAI_CONTENT: CONTENT, GONGKAI_OUT: OUT });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
  server = await startStaticServer(OUT, '/');
  browser = await launchBrowser(inject('chromiumPath'));
  page = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${server.baseUrl}2024/${UNIT}/final-accounts/`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`the 部门决算 page of a published document (${ID})`, () => {
  it('is linked from the unit-year overview', async () => {
    const overview = await browser!.newPage();
    await overview.goto(`${server!.baseUrl}2024/${UNIT}/`);
    expect(await overview.locator(`nav.unit-nav a[href$="/2024/${UNIT}/final-accounts/"]`).textContent()).toBe('部门决算');
    await overview.close();
  });

  it('prints merged headings once, spanning the columns and rows the document merges', async () => {
    const merged = document.表格.findIndex((t) => (t.合并 ?? []).length > 0);
    const table = document.表格[merged]!;
    const spans = await page
      .locator('section.budget-table')
      .nth(merged)
      .locator('th[colspan], th[rowspan], td[colspan], td[rowspan]')
      .evaluateAll((cells) => cells.map((c) => ({ text: (c as HTMLElement).innerText.replace(/\s+/g, ''), colspan: (c as HTMLTableCellElement).colSpan, rowspan: (c as HTMLTableCellElement).rowSpan })));
    const expected = (table.合并 ?? []).map((a1) => {
      const [, c0, r0, c1, r1] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1)!;
      return { text: squash(table.行[Number(r0) - 1]![c0!.charCodeAt(0) - 65] ?? ''), colspan: c1!.charCodeAt(0) - c0!.charCodeAt(0) + 1, rowspan: Number(r1) - Number(r0) + 1 };
    });
    for (const e of expected.filter((x) => x.text !== '')) expect(spans).toContainEqual(e);
  });

  it('shows each 原表如此 note under its table, marked at the figure it names, and the others in their own section', async () => {
    expect(listed.length).toBeGreaterThan(0);
    const atCells = await page.locator('section.budget-table li[id^="原表如此-"]').count();
    const apart = await page.locator('section[aria-labelledby="原表如此"] li').count();
    expect(atCells + apart).toBe(listed.length);
    expect(atCells).toBeGreaterThan(0);
    for (const note of await page.locator('section.budget-table li[id^="原表如此-"]').all()) {
      const id = (await note.getAttribute('id'))!;
      const text = await note.innerText();
      const figure = /，(-?[\d.]+) ≠/.exec(text)?.[1];
      const section = page.locator('section.budget-table', { has: page.locator(`li[id="${id}"]`) });
      const cell = section.locator(`a[href="#${id}"]`).locator('xpath=ancestor::*[self::td or self::th][1]');
      expect(await cell.count(), `${text}: no marker in its table`).toBe(1);
      expect(squash(await cell.innerText()).replace(/,/g, ''), text).toContain(figure);
    }
  });

  it('shows the "三公" 经费 of its only year as a table with a sentence, not a one-point chart', async () => {
    const figure = page.locator('figure.chart', { has: page.locator('h3', { hasText: '“三公”经费历年情况' }) });
    expect(await figure.locator('canvas').count()).toBe(0);
    expect(await figure.getAttribute('data-chart')).toBeNull();
    expect(await figure.locator('.chart__summary').innerText()).toMatch(/只有 2024 年.*只列表、不画图/);
    expect(await figure.locator('tbody tr th').allInnerTexts()).toEqual(['2024年部门决算（预算数）', '2024年部门决算（决算数）']);
  });

  it('shows the 情况说明 and the charts with their tables', async () => {
    expect(squash(await page.locator('#情况说明').locator('xpath=..').innerText())).toContain(squash('收入支出决算总体情况说明'));
    for (const id of ['income-sources', 'spending-by-class', 'basic-and-project', 'budget-and-final']) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      expect(await figure.locator('table tbody tr').count(), id).toBeGreaterThan(0);
    }
  });
});

describe('the example county’s 部门预算 and 部门决算 pages (示例数据)', () => {
  const example = sitesUnderTest().find((s) => s.name === 'example')!;
  const open = async (path: string) => {
    const p = await (await browser!.newContext({ javaScriptEnabled: false })).newPage();
    await p.goto(`${example.baseUrl}${path}`);
    return p;
  };
  /** A table's rows as text: its row heading, then its cells. */
  const rowsOf = (table: ReturnType<Page['locator']>) =>
    table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ''))));
  const fen = (text: string, unit: string) => BigInt(Math.round(Number(text.replace(/,/g, '') || '0') * 100)) * (unit === '万元' ? 10_000n : 1n);

  it('are crawled with the county year pages and the 公开情况 of both years (axe, HTML, phone and link checks read these)', () => {
    const paths = example.crawl.pages.map((url) => pagePath(example, url));
    for (const path of ['/2023/910001/budget/', '/2024/910001/budget/', '/2024/910001/final-accounts/', '/2023/', '/2024/', '/2023/disclosure/', '/2024/disclosure/']) expect(paths).toContain(path);
  });

  it('show the "三公" 经费 of every year the unit has a document, each figure as that document’s "三公" table prints it', async () => {
    const page2024 = await open('2024/910001/budget/');
    const figure = page2024.locator('figure.chart', { has: page2024.locator('h3', { hasText: '“三公”经费历年情况' }) });
    // Two years: drawn (the canvas and its data are there), with the table beside it.
    expect(await figure.getAttribute('data-chart')).toBe('three-public-years');
    expect(await figure.locator('canvas').count()).toBe(1);
    const rows = await rowsOf(figure.locator('table'));
    expect(rows.map((r) => r[0])).toEqual(['2023年部门预算（预算数）', '2024年部门预算（预算数）', '2024年部门决算（预算数）', '2024年部门决算（决算数）']);
    for (const { header, total } of rows.map((r) => ({ header: r[0]!, total: r[1]! }))) {
      const [, year, kind] = /^(\d{4})年(部门预算|部门决算)/.exec(header)!;
      const doc = await open(`${year}/910001/${kind === '部门预算' ? 'budget' : 'final-accounts'}/`);
      const three = doc.locator('section.budget-table', { has: doc.locator('h3', { hasText: '三公' }) });
      const figures = (await rowsOf(three.locator('table'))).at(-1)!;
      // The 合计 is the first figure of the row (a 决算 prints its 预算数, then its 决算数).
      expect(figures[header.endsWith('（决算数）') ? 1 : 0], header).toBe(total);
      await doc.close();
    }
    await page2024.close();
  });

  it('link every table’s CSV, Excel and JSON and the whole workbook, each served', async () => {
    const page = await open('2024/910001/final-accounts/');
    const sections = page.locator('section.budget-table');
    for (let i = 0; i < (await sections.count()); i++) {
      const links = await sections.nth(i).locator('.budget-table__downloads a').evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).innerText, (a as HTMLAnchorElement).href]));
      expect(links.map(([text]) => text)).toEqual(['CSV', 'Excel', 'JSON']);
      const csv = await (await fetch(links[0]![1]!)).text();
      const firstCell = (await sections.nth(i).locator('table th, table td').first().innerText()).replace(/\s+/g, '');
      expect(csv.replace(/\s+/g, '')).toContain(firstCell);
    }
    const workbook = await page.locator('a', { hasText: '全部表格（Excel 工作簿' }).getAttribute('href');
    expect((await fetch(new URL(workbook!, page.url()))).status).toBe(200);
    await page.close();
  });

  it('sum the units on the county year page: each 类 and each "三公" figure equals the units’ own tables, naming the units without a document', async () => {
    const county = await open('2024/');
    const section = county.locator('section[aria-labelledby="budgets"]');
    expect(await section.locator(`a[href$="/2024/disclosure/"]`).count()).toBe(1);
    const byClass = section.locator('figure', { has: county.locator('h3', { hasText: '部门预算支出按功能分类（类）' }) });
    const caption = await byClass.locator('caption').innerText();
    expect(caption).toContain('1 个单位相加；没有部门预算的 示例县示例文化旅游局');
    const unit = /单位：(元|万元)/.exec(caption)![1]!;
    const sums = await rowsOf(byClass.locator('table'));
    // The units added, as linked from the section: each one's 支出 table, 类 rows, 合计 column.
    const added = await section.locator('p', { has: county.locator('strong', { hasText: '部门预算' }) }).locator('a[href*="/budget/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(added).toHaveLength(1);
    const expected = new Map<string, bigint>();
    for (const href of added) {
      const doc = await (await browser!.newContext({ javaScriptEnabled: false })).newPage();
      await doc.goto(href);
      const spending = doc.locator('section.budget-table', { has: doc.locator('h3', { hasText: '部门支出总表' }) });
      const tableUnit = /单位：(元|万元)/.exec(await spending.locator('caption').innerText())![1]!;
      for (const r of await rowsOf(spending.locator('table'))) if (/^\d{3}$/.test(r[0]!)) expected.set(`${r[0]}${r[1]}`, (expected.get(`${r[0]}${r[1]}`) ?? 0n) + fen(r[2]!, tableUnit));
      await doc.close();
    }
    expect(new Map(sums.map((r) => [r[0]!, fen(r[1]!, unit)]))).toEqual(expected);

    // "三公": the county's 预算数 equals the unit's 2024 部门预算 row of its "三公" over the years.
    const three = await rowsOf(section.locator('figure', { has: county.locator('h3', { hasText: '部门预算“三公”经费' }) }).locator('table'));
    const unitPage = await open('2024/910001/budget/');
    const overYears = (await rowsOf(unitPage.locator('figure.chart', { has: unitPage.locator('h3', { hasText: '“三公”经费历年情况' }) }).locator('table'))).find((r) => r[0] === '2024年部门预算（预算数）')!;
    expect(three.map((r) => r[1])).toEqual(overYears.slice(1));
    await unitPage.close();
    await county.close();
  });

  it('on the county year page, sum only the kinds of document some unit publishes that year', async () => {
    const county = await open('2023/');
    const titles = await county.locator('section[aria-labelledby="budgets"] figure h3').allInnerTexts();
    expect(titles).toEqual(['部门预算支出按功能分类（类）', '部门预算“三公”经费']);
    await county.close();
  });
});
