// The 部门决算 page end to end from a real document: the 上海市普陀区财政局 2024 年度部门决算 as published
// (tests/fixtures/budget/, its workbook and its 情况说明) goes through `npm run import` into a temporary
// content folder beside one project of the same unit-year (the example county's, so the unit-year has an
// overview). Its differences are recorded under 原表如此 exactly as the fixture's README lists them — what
// staff do once they have checked the original — so that `npm run validate` passes and `npm run build`
// builds. Its page, read in headless Chromium without JavaScript, prints merged headings as the document
// merges them; each 原表如此 note that is about one cell is printed under that cell's table and marked at
// the cell holding the figure it names. (That every document's page shows every cell, every line above and
// below a table and its 说明 is budget-corpus.test.ts.)
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

  it('shows the 情况说明 and the charts with their tables', async () => {
    expect(squash(await page.locator('#情况说明').locator('xpath=..').innerText())).toContain(squash('收入支出决算总体情况说明'));
    for (const id of ['income-sources', 'spending-by-class', 'basic-and-project', 'budget-and-final']) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      expect(await figure.locator('table tbody tr').count(), id).toBeGreaterThan(0);
    }
  });
});
