// The corpus of published tables (tests/fixtures/published/) end to end, as a county would publish
// it: every table the importer takes goes through `npm run import` (with the --unit / --year a
// maintainer passes) into one content folder, `npm run validate` passes, `npm run build` builds
// it, and each table's page — its project page (target, monitoring and self-evaluation tables
// alike) or its unit's department page — shows every non-empty cell the government printed, as
// text a citizen sees in headless Chromium without JavaScript. How a cell may legitimately show
// otherwise (the year line as 2022年, a caption's unit as 单位：万元 …) is corpus-cells.ts's list of
// rules; a cell in none of its forms fails. Every other table of the corpus is refused by the
// import, and nothing is written.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/commands/server.ts';
import { PUBLISHED_DIR, readTranscription, transcriptionIds } from '../fixtures/published/transcription.ts';
import { layoutNamed } from '../../src/schema/table-layouts.ts';
import { ROOT, runCli } from '../helpers.ts';
import { comparable, printedCells, shownBy, type Imported } from './corpus-cells.ts';
import { CORPUS_IMPORTS, importCorpus, type CorpusTable } from './corpus-site.ts';
import { TEST_DIST } from './global-setup.ts';
import { crawledSite, describeSiteChecks } from './site-checks.ts';
import type { SiteUnderTest } from './sites.ts';

// At fixed places, as the global setup's copies are (Astro's content cache keeps file paths).
const CONTENT = join(TEST_DIST, 'content-corpus');
const OUT = join(TEST_DIST, 'corpus');

let tables: CorpusTable[] = [];
let validated = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let site: SiteUnderTest | undefined;
const seconds: Record<string, number> = {};
const timed = async <T>(step: string, run: () => T | Promise<T>): Promise<T> => {
  const started = Date.now();
  const result = await run();
  seconds[step] = (Date.now() - started) / 1000;
  return result;
};

beforeAll(async () => {
  tables = await timed('import', () => importCorpus(CONTENT, ROOT));
  validated = await timed('validate', () => {
    const result = runCli('validate', [CONTENT]);
    if (result.status !== 0) throw new Error(`npm run validate of the corpus failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  });
  await timed('build', () => {
    const result = runCli('build', [], { GONGKAI_CONTENT: CONTENT, GONGKAI_OUT: OUT });
    if (result.status !== 0) throw new Error(`building the corpus site failed:\n${result.stdout}\n${result.stderr}`);
  });
  server = await startStaticServer(OUT, '/');
  browser = await launchBrowser(inject('chromiumPath'));
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  site = await timed('crawl', () => crawledSite(browser!, 'corpus', OUT, server!));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.log(`[corpus] ${site?.crawl.pages.length ?? 0} pages: ${Object.entries(seconds).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', ')}`);
});

/** What the cell rules need to know of a table: read from the file the import wrote and its output. */
function importedOf(t: CorpusTable): Imported {
  const d = t.data;
  const kind = t.file.includes('/monitoring/') ? 'monitoring' : t.file.includes('/evaluations/') ? 'evaluation' : t.file.endsWith('department-evaluation.yaml') ? 'departmentEvaluation' : 'target';
  return { layout: String(d['表样'] ?? ''), kind, year: Number(d['年度']), unitCode: String(d['单位编码']), unitName: String(d['单位名称']), moneyUnit: d['金额单位'] as string | undefined, notices: t.stdout };
}

/** The text of a page's main content as a citizen sees it, without JavaScript, compared as corpus-cells.ts says. */
async function pageText(path: string): Promise<string> {
  const response = await page.goto(`${server!.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  return comparable(await page.locator('main').innerText());
}

describe('the corpus of published tables, imported, validated, built and read in the browser', () => {
  it('imports every table it lists, each into one file, and the site validates', () => {
    expect(tables.map((t) => t.id)).toEqual(CORPUS_IMPORTS.map((c) => c.id));
    expect(validated).toContain('没有发现问题');
    // Project tables, the department table and the result tables each on a page of their own.
    expect(new Set(tables.map((t) => t.page)).size).toBe(tables.length);
  });

  it('refuses every other table of the corpus through the same command, and writes nothing', () => {
    const listed = new Set(CORPUS_IMPORTS.map((c) => c.id));
    const others = transcriptionIds().filter((id) => !listed.has(id));
    expect(others.length).toBe(11); // 32 tables, 21 imported (tests/published-*.test.ts give each refusal's reason)
    const scratch = join(TEST_DIST, 'content-corpus-refused');
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'site.yaml'), '网站名称: 测试用\n主办单位: 测试用\n联系方式:\n  地址: 测试地址\n');
    for (const id of others) {
      const word = ['doc', 'docx'].includes(readTranscription(id).原格式);
      // What those tests pass: the year a result table is of, and a unit code for those printing none.
      const result = runCli('import', [join(PUBLISHED_DIR, `${id}.${word ? 'docx' : 'xlsx'}`), '--content', scratch, '--unit', '999001', '--year', String(readTranscription(id).年度)]);
      expect(result.status, `${id}:\n${result.stdout}`).toBe(1);
      expect(result.stderr, id).toMatch(/没有写入任何文件/);
      expect(readdirSync(scratch), id).toEqual(['site.yaml']);
    }
  });

  for (const { id } of CORPUS_IMPORTS) {
    it(`${id}: every non-empty cell is on the table's page`, async () => {
      const t = tables.find((x) => x.id === id)!;
      const text = await pageText(t.page);
      const imported = importedOf(t);
      const cells = readTranscription(id).表格.flatMap(printedCells);
      expect(cells.length).toBeGreaterThan(20);
      expect(cells.filter((cell) => shownBy(cell, imported, text) === undefined).map((cell) => cell.text)).toEqual([]);
    });
  }

  it('shows each 其他栏目 where the table printed it (其他栏目位置)', async () => {
    const placed = tables.filter((t) => t.data['其他栏目位置'] !== undefined);
    expect(placed.length).toBeGreaterThanOrEqual(10);
    for (const t of placed) {
      const extra = t.data['其他栏目'] as Record<string, string>;
      const places = Object.entries(t.data['其他栏目位置'] as Record<string, string>);
      await pageText(t.page);
      if (t.page.endsWith('/department/')) {
        // A department page in parts: those printed before its first part above the first heading.
        const before = await page.locator('main').evaluate((main) => [...main.querySelectorAll('dt, h2')].map((e) => `${e.tagName}:${e.textContent?.trim()}`));
        const firstPart = before.findIndex((x) => x.startsWith('H2:'));
        for (const [label, after] of places) if (after === '原文标题') expect(before.indexOf(`DT:${label}`), `${t.id}: ${label}`).toBeLessThan(firstPart);
        continue;
      }
      if (!t.file.includes('/projects/')) {
        // A result table's 基本信息与结论: those printed in its head (after the title, 项目名称, 主管部门 or
        // 实施单位, or after such a 其他栏目) among the head's rows, before the 年度总体目标, 总分 and closing rows; the others after them.
        const rows = await page.locator('table', { has: page.locator('caption', { hasText: '基本信息与结论' }) }).first().locator('tr > th').allInnerTexts();
        const printed = (t.data['原文栏目'] ?? {}) as Record<string, string>;
        const head = new Set(['原文标题', '监控截至月份', ...['项目名称', '主管部门', '实施单位'].map((k) => printed[k] ?? k)]);
        const placeOf = Object.fromEntries(places);
        const rootOf = (label: string): string => (label in extra ? rootOf(placeOf[label] ?? '') : label);
        const inHead = (label: string) => ['原文标题', '项目名称', '主管部门', '实施单位'].includes(rootOf(label));
        const ofHead = (r: string) => (r in extra ? inHead(r) : head.has(r));
        for (const [label] of places) {
          const at = rows.indexOf(label);
          expect(at, `${t.id}: ${label}`).toBeGreaterThanOrEqual(0);
          if (inHead(label)) expect(rows.slice(0, at).every(ofHead), `${t.id}: ${label} in the head: ${rows.join(' | ')}`).toBe(true);
          else expect(rows.slice(at + 1).some(ofHead), `${t.id}: ${label} after the head: ${rows.join(' | ')}`).toBe(false);
        }
        continue;
      }
      // A project page: in its 项目基本信息, the rows from the field (or 其他栏目) it followed down to it are 其他栏目 only.
      const rows = await page.locator('table.sheet').first().locator('tr > th').allInnerTexts();
      const layout = layoutNamed(String(t.data['表样']))!;
      const rowOf = (key: string) => rows.indexOf(key in extra ? key : key === '原文标题' ? '金额单位' : (layout.fields.find((f) => f.field === key)?.label ?? key));
      for (const [label, after] of places) {
        const [from, at] = [rowOf(after), rows.indexOf(label)];
        expect(from, `${t.id}: ${after}`).toBeGreaterThanOrEqual(0);
        expect(at, `${t.id}: ${label}`).toBeGreaterThan(from);
        expect(rows.slice(from + 1, at).every((r) => r in extra), `${t.id}: ${label} after ${after}: ${rows.slice(from, at + 1).join(' | ')}`).toBe(true);
      }
    }
  });

  it('notices a cell missing from the page', async () => {
    // The same check on a page with one indicator's name cut out of its text: that cell is reported.
    const t = tables.find((x) => x.id === 'hub-huangshi-2022-evaluation')!;
    const name = '完成省级宣传片制作;完成实施方案的编制;完成自评估报告';
    const text = await pageText(t.page);
    expect(text).toContain(comparable(name));
    const cells = readTranscription(t.id).表格.flatMap(printedCells);
    const missing = cells.filter((cell) => shownBy(cell, importedOf(t), text.replaceAll(comparable(name), '')) === undefined).map((cell) => cell.text);
    expect(missing).toEqual([name]);
  });
});

// Real tables' shapes (very wide, long merged headings) through axe, the phone widths, the HTML checker and the link checks.
describeSiteChecks(() => ({ browser: browser!, site: site! }));
