// Every real 部门预算/部门决算 of tests/fixtures/budget/ end to end, as a county publishes it: each
// document's workbook and 情况说明 through `npm run import` (budget-corpus-site.ts: one content folder, a
// unit folder per unit holding nothing else, a unit's years together so the year-over-year checks run); `npm run validate`
// first reports exactly the differences the fixture's README lists for it — no more, so a correct
// document passes — each at its cell of the YAML or its line of the 说明; once they are recorded under
// 原表如此 it passes; one `npm run build`; then each document's page, read in headless Chromium without
// JavaScript, shows every non-empty cell, every line printed above and below a table and every line of
// its 说明; each table's CSV and JSON downloads hold every cell exactly as transcribed; and the document's
// workbook download imports back to the same YAML. budget-pages.test.ts checks the page's merges, notes
// and links on one of them.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse, parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/commands/server.ts';
import { budgetTableDownloads } from '../../src/lib/outputs/budget-downloads.ts';
import { readCsv } from '../../src/lib/outputs/tables.ts';
import { BUDGET_FILES } from '../../src/lib/site/content-layout.ts';
import type { BudgetDocument } from '../../src/schema/budget.ts';
import { BUDGET_DIR, transcriptionIds } from '../fixtures/published/transcription.ts';
import { contentText, ROOT, runCli } from '../helpers.ts';
import { importBudgetCorpus, listedDifferences, recordListed, type CorpusDocument } from './budget-corpus-site.ts';
import { missingCells, noteLinesMissing, printsWhatItIsAbout, type ShownTable } from './budget-corpus-cells.ts';
import { EXAMPLE_CONTENT, TEST_DIST } from './global-setup.ts';
import { crawledSite, describeSiteChecks } from './site-checks.ts';
import type { SiteUnderTest } from './sites.ts';

// At fixed places, as the global setup's copies are (Astro's content cache keeps file paths).
const CONTENT = join(TEST_DIST, 'content-budget-corpus');
const OUT = join(TEST_DIST, 'budget-corpus');
const SCRATCH = join(TEST_DIST, 'content-budget-corpus-scratch');

const listed = listedDifferences();
let docs: CorpusDocument[] = [];
/** Each document's YAML as `npm run import` wrote it, before any 原表如此 record. */
const imported = new Map<string, string>();
let before: ReturnType<typeof runCli>;
let after: ReturnType<typeof runCli>;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let site: SiteUnderTest | undefined;
const seconds: Record<string, number> = {};
const timed = <T>(step: string, run: () => T): T => {
  const started = Date.now();
  const result = run();
  seconds[step] = (Date.now() - started) / 1000;
  return result;
};

/** One line of `npm run validate`'s report: `file:line:column  field  message`. */
interface Reported {
  file: string;
  line: number;
  column: number;
  field: string;
  /** The difference, without the advice the validator adds to it. */
  difference: string;
}
const ADVICE = '。核对原件：录入有误就改正；原件就是这样印的，就不要改数字，在“原表如此”下记录这一句（差异: 原样粘贴）并写明原因';
function reported(stderr: string): Reported[] {
  return stderr.split('\n').flatMap((line) => {
    const m = /^(\S+):(\d+):(\d+)  (\S+)  (.*)$/.exec(line);
    return m ? [{ file: resolve(ROOT, m[1]!), line: Number(m[2]), column: Number(m[3]), field: m[4]!, difference: m[5]!.replace(ADVICE, '') }] : [];
  });
}

const pagePath = (d: CorpusDocument) => `${d.year}/${d.unit}/${BUDGET_FILES[d.kind]}/`;
const downloads = (d: CorpusDocument) => budgetTableDownloads({ year: d.year, unit: d.unit, data: parse(readFileSync(d.file, 'utf8')) as BudgetDocument });
const fetched = async (path: string) => {
  const response = await fetch(`${server!.baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return response;
};

beforeAll(async () => {
  docs = timed('import', () => importBudgetCorpus(CONTENT, EXAMPLE_CONTENT));
  for (const d of docs) imported.set(d.id, contentText(d.file));
  before = timed('validate', () => runCli('validate', [CONTENT]));
  recordListed(docs, listed);
  after = runCli('validate', [CONTENT]);
  if (after.status !== 0) throw new Error(`npm run validate with the README's differences recorded failed:\n${after.stdout}\n${after.stderr}`);
  timed('build', () => {
    const built = runCli('build', [], { GONGKAI_CONTENT: CONTENT, GONGKAI_OUT: OUT });
    if (built.status !== 0) throw new Error(`npm run build of the budget corpus failed:\n${built.stdout}\n${built.stderr}`);
  });
  server = await startStaticServer(OUT, '/');
  browser = await launchBrowser(inject('chromiumPath'));
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const started = Date.now();
  site = await crawledSite(browser, 'budget-corpus', OUT, server);
  seconds['crawl'] = (Date.now() - started) / 1000;
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(SCRATCH, { recursive: true, force: true });
  console.log(`[budget corpus] ${docs.length} documents, ${site?.crawl.pages.length ?? 0} pages: ${Object.entries(seconds).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', ')}`);
});

/** The page's tables and 说明 as a citizen sees them. */
async function shownOn(d: CorpusDocument): Promise<{ tables: ShownTable[]; note: string }> {
  const response = await page.goto(`${server!.baseUrl}${pagePath(d)}`);
  expect(response?.status(), pagePath(d)).toBe(200);
  const sections = page.locator('section.budget-table');
  const tables: ShownTable[] = [];
  for (let i = 0; i < (await sections.count()); i++) tables.push({ caption: await sections.nth(i).locator('caption').innerText(), text: await sections.nth(i).innerText() });
  const note = (await page.locator('#情况说明').count()) > 0 ? await page.locator('#情况说明').locator('xpath=..').innerText() : '';
  return { tables, note };
}

describe('every real 部门预算/部门决算, imported, validated, built and read in the browser', () => {
  it('imports every document of tests/fixtures/budget/, a unit’s years into one unit folder', () => {
    expect(docs.map((d) => d.id)).toEqual(transcriptionIds(BUDGET_DIR));
    // A 部门预算 beside the same unit's 部门决算 of the year before: validate compares the two.
    const pairs = docs.filter((b) => b.kind === '部门预算' && docs.some((f) => f.kind === '部门决算' && f.unit === b.unit && f.year === b.year - 1));
    expect(pairs.length).toBeGreaterThan(0);
  });

  it('validate reports nothing but the listed differences, then passes once they are recorded under 原表如此', () => {
    const all = reported(before.stderr);
    const files = new Set(docs.flatMap((d) => [d.file, d.noteFile]));
    expect(all.filter((p) => !files.has(p.file)).map((p) => `${p.file}:${p.line} ${p.difference}`)).toEqual([]);
    expect(all.length).toBe([...listed.values()].flat().length);
    expect(before.status).toBe(all.length > 0 ? 1 : 0);
    expect(after.stdout).toContain('没有发现问题');
  });

  for (const id of transcriptionIds(BUDGET_DIR)) {
    it(`${id}: validate reports exactly the README's differences, each at its cell or its line of the 说明`, () => {
      const d = docs.find((x) => x.id === id)!;
      const mine = reported(before.stderr).filter((p) => p.file === d.file || p.file === d.noteFile);
      expect(mine.map((p) => p.difference).sort()).toEqual([...(listed.get(id) ?? [])].sort());
      const yaml = imported.get(id)!.split('\n');
      const note = readFileSync(d.noteFile, 'utf8').split('\n');
      for (const p of mine) {
        if (p.file === d.noteFile) {
          // A difference of the 说明: the line that prints what it is about (a figure or a name of the sentence).
          expect(printsWhatItIsAbout(p.difference, note.slice(p.line - 1, p.line + 1)), `${p.difference} at line ${p.line}`).toBe(true);
          continue;
        }
        const cell = /^表格\[(\d+)\]\.行\[(\d+)\]\[(\d+)\]$/.exec(p.field);
        const figure = /，(-?[\d.]+) ≠/.exec(p.difference)?.[1];
        if (!cell) {
          // Only a figure the checker added up itself (人员经费合计+公用经费合计) has no one cell to point at.
          expect(p.difference.split('：')[1]?.split(' 与 ')[0], `${p.difference}: not at a cell (${p.field})`).toContain('+');
          continue;
        }
        const [t, r, c] = cell.slice(1).map((n) => Number(n) - 1) as [number, number, number];
        const printed = d.transcription.表格[t]!.行[r]![c]!;
        // The field names the cell holding the figure, and the line and column are where the YAML writes it.
        expect(Number(printed.replace(/,/g, '') || '0'), `${p.difference}: ${p.field} holds “${printed}”`).toBe(Number(figure));
        const written = /^"(?:[^"\\]|\\.)*"/.exec(yaml[p.line - 1]!.slice(p.column - 1))?.[0];
        expect(written === undefined ? undefined : JSON.parse(written), `${p.difference} at ${p.line}:${p.column}`).toBe(printed);
      }
    });

    it(`${id}: its page shows every non-empty cell, every line above and below a table and every line of the 说明`, async () => {
      const d = docs.find((x) => x.id === id)!;
      // The unit-year has nothing but its 部门预算/部门决算: its overview links them all the same.
      await page.goto(`${server!.baseUrl}${d.year}/${d.unit}/`);
      expect(await page.locator(`nav.unit-nav a[href$="/${pagePath(d)}"]`).textContent()).toBe(d.kind);
      const shown = await shownOn(d);
      expect(shown.tables.length).toBe(d.transcription.表格.length);
      for (const [i, table] of d.transcription.表格.entries()) expect(shown.tables[i]!.caption).toContain(table.名称);
      expect(missingCells(d.transcription.表格, shown.tables)).toEqual([]);
      expect(noteLinesMissing(readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8'), shown.note)).toEqual([]);
      // Each recorded difference is on the page once with its 原表如此 note: under its table at a cell, or in the page's own section.
      const notes = await page.locator('li[id^="原表如此-"]').allInnerTexts();
      expect(notes).toHaveLength((listed.get(id) ?? []).length);
      expect((listed.get(id) ?? []).filter((difference) => !notes.some((n) => n.includes(difference)))).toEqual([]);
    });

    it(`${id}: each table's CSV and JSON downloads hold every cell as transcribed, and the workbook imports back to the same file`, async () => {
      const d = docs.find((x) => x.id === id)!;
      const paths = downloads(d);
      const whole = (await (await fetched(paths.json)).json()) as BudgetDocument;
      expect(paths.tables.length).toBe(d.transcription.表格.length);
      for (const [i, table] of d.transcription.表格.entries()) {
        const csv = readCsv(await (await fetched(paths.tables[i]!.csv)).text());
        const json = (await (await fetched(paths.tables[i]!.json)).json()) as { 名称: string; 行: string[][] };
        const lost = (rows: string[][]) => table.行.flatMap((row, r) => row.flatMap((cell, c) => (cell.trim() !== '' && rows[r]?.[c] !== cell ? [`${table.名称} ${r + 1}:${c + 1} “${cell}” → “${rows[r]?.[c] ?? ''}”`] : [])));
        expect(lost(csv), 'CSV').toEqual([]);
        expect(lost(json.行), 'JSON of the table').toEqual([]);
        expect(lost(whole.表格[i]!.行), 'JSON of the document').toEqual([]);
        expect(json.名称).toBe(table.名称);
      }
      // The workbook download, imported as staff would import the original.
      const scratch = join(SCRATCH, id);
      rmSync(scratch, { recursive: true, force: true });
      mkdirSync(scratch, { recursive: true });
      const workbook = join(scratch, `${id}.xlsx`);
      writeFileSync(workbook, Buffer.from(await (await fetched(paths.workbook)).arrayBuffer()));
      const again = runCli('import', [workbook, '--unit', d.unit, '--region', d.transcription.地区, '--content', join(scratch, 'content')]);
      expect(again.status, again.stderr).toBe(0);
      expect(contentText(join(scratch, 'content', String(d.year), d.unit, `${BUDGET_FILES[d.kind]}.yaml`))).toBe(imported.get(id));
    });
  }

  it('notices a cell missing from a page, and an unrecorded or changed figure in validate', async () => {
    // The page check: one cell cut out of a table's text is reported as that cell.
    const d = docs.find((x) => x.kind === '部门决算')!;
    const shown = await shownOn(d);
    const table = d.transcription.表格.findIndex((t) => t.行.flat().some((x) => /^\d[\d,]*\.\d\d$/.test(x)));
    const figure = d.transcription.表格[table]!.行.flat().find((x) => /^\d[\d,]*\.\d\d$/.test(x) && shown.tables[table]!.text.split(x).length === 2)!;
    const cut = shown.tables.map((t, i) => (i === table ? { ...t, text: t.text.replace(figure, '') } : t));
    expect(missingCells(d.transcription.表格, cut)).toEqual([`${d.transcription.表格[table]!.名称}: “${figure}”`]);

    // The validate path: a record dropped is reported again; last year's figure changed is reported in this year's 预算.
    rmSync(SCRATCH, { recursive: true, force: true });
    cpSync(CONTENT, SCRATCH, { recursive: true });
    const withListed = docs.find((x) => (listed.get(x.id) ?? []).length > 0)!;
    const file = join(SCRATCH, withListed.file.slice(CONTENT.length));
    const data = readFileSync(file, 'utf8');
    const first = listed.get(withListed.id)![0]!;
    writeFileSync(file, data.replace(`  - 差异: ${JSON.stringify(first)}\n    原表如此: "原件就是这样印的（见 tests/fixtures/budget/README.md）"\n`, ''));
    const budget = docs.find((b) => b.kind === '部门预算' && docs.some((f) => f.kind === '部门决算' && f.unit === b.unit && f.year === b.year - 1))!;
    const lastYear = docs.find((f) => f.kind === '部门决算' && f.unit === budget.unit && f.year === budget.year - 1)!;
    const lastFile = join(SCRATCH, lastYear.file.slice(CONTENT.length));
    const last = parse(readFileSync(lastFile, 'utf8')) as BudgetDocument;
    const three = last.表格.find((t) => t.名称.includes('三公'))!;
    const row = three.行.findIndex((r) => r.some((x) => x.trim() === '预算数')) + 1;
    const col = three.行[row]!.findIndex((x) => /^\d[\d,]*\.\d\d$/.test(x));
    const was = three.行[row]![col]!;
    const edited = parseDocument(readFileSync(lastFile, 'utf8'));
    edited.setIn(['表格', last.表格.indexOf(three), '行', row, col], (Number(was) + 0.01).toFixed(2));
    writeFileSync(lastFile, String(edited));
    const result = runCli('validate', [SCRATCH]);
    expect(result.status).toBe(1);
    const problems = reported(result.stderr);
    const where = (p: Reported) => p.file.slice(SCRATCH.length);
    // The record's difference is reported again, in its document (at a cell of the YAML or a line of the 说明).
    const again = problems.filter((p) => p.difference === first);
    expect(again).toHaveLength(1);
    expect([withListed.file, withListed.noteFile].map((f) => f.slice(CONTENT.length))).toContain(where(again[0]!));
    // This year's 预算说明 against last year's changed figure, at the 说明.
    const changed = (Number(was) + 0.01).toFixed(2);
    expect(problems.filter((p) => where(p) === budget.noteFile.slice(CONTENT.length) && new RegExp(`^${budget.year}年预算说明.*“三公”.*${changed} 万元$`).test(p.difference))).toHaveLength(1);
  });
});

// Real budget tables' shapes (类/款/项 codes in three columns, many money columns) through axe, the phone widths,
// the HTML checker and the link checks. 支出: a word the search finds on this site.
describeSiteChecks(() => ({ browser: browser!, site: site! }), '支出');
