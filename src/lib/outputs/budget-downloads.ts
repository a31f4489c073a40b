// The downloads of a unit's 部门预算 and 部门决算 (issue 22 item 7): each table as CSV, XLSX and JSON,
// every cell as printed (text, never a number re-formatted), and the whole document as one workbook
// laid out as the importer reads it (one sheet per table, 前文 above, 后文 under, merges kept), so that
// `npm run import` of the download gives the same file back. Also the budget lines of every document as
// one Fiscal Data Package resource: each amount of a 功能分类 or 经济分类 table with its codes, the
// column it is printed in, its unit and its phase (预算 or 决算).
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_TABLE_KINDS, budgetSetFor, titleMatches, MONEY_UNIT_LINE } from '../../schema/budget-tables.ts';
import type { BudgetDocument, BudgetTable } from '../../schema/budget.ts';
import { functionLayout } from '../budget/budget-check.ts';
import { disclosureCells, disclosureRows, DISCLOSURE_COLUMNS, type DisclosureRow } from '../budget/budget-disclosure.ts';
import { chinaDay } from '../site/git-dates.ts';
import type { Grid, GridCell } from '../office/grid.ts';
import { writeXlsxGrids } from '../office/grid-xlsx.ts';
import { budgetEntryOf } from '../site/budget-entries.ts';
import { BUDGET_FILES, CONTENT_DIR, type BudgetKind } from '../site/content-layout.ts';
import { csvCell, toCsv, type Column, type Table } from './tables.ts';

/** A budget file of the content: its folder's year and unit, and the document. */
export interface BudgetEntry {
  year: number;
  unit: string;
  data: BudgetDocument;
  /** The YAML file, and its 说明 beside it ('' when there is none). */
  file: string;
  noteFile: string;
  noteText: string;
}

/**
 * Every 部门预算/决算 file of a content folder (validated before the build: one that does not parse is skipped).
 * Read through budgetEntryOf, so that a build parses each file once, not once for each page that lists them
 * (downloads, 数据 page, 公开情况 pages and their CSV, both site maps).
 */
export function budgetEntries(contentDir = CONTENT_DIR): BudgetEntry[] {
  if (!existsSync(contentDir)) return [];
  const out: BudgetEntry[] = [];
  for (const year of readdirSync(contentDir).filter((y) => /^\d{4}$/.test(y)).sort())
    for (const unit of readdirSync(join(contentDir, year)).sort())
      for (const [kind, name] of Object.entries(BUDGET_FILES) as [BudgetKind, string][]) {
        const file = join(contentDir, year, unit, `${name}.yaml`);
        let entry: ReturnType<typeof budgetEntryOf>;
        try {
          entry = budgetEntryOf(Number(year), unit, kind, contentDir);
        } catch {
          continue; // does not match its schema: npm run validate says where
        }
        if (entry) out.push({ year: Number(year), unit, data: entry.data, file, noteFile: file.replace(/\.yaml$/, '.md'), noteText: entry.note });
      }
  return out;
}

/** The file name stem of a document's downloads under data/: `budget-2026-483001`, `final-accounts-2025-483001`. */
const stemOf = (e: Pick<BudgetEntry, 'year' | 'unit' | 'data'>) => `${BUDGET_FILES[e.data.种类]}-${e.year}-${e.unit}`;

export interface BudgetTableDownload {
  名称: string;
  csv: string;
  xlsx: string;
  json: string;
}

/**
 * Where each table's downloads are, as paths under the site's base (`data/budget-2026-483001-01.csv`),
 * and the whole document's workbook: what the 部门预算/部门决算 pages link to (through href()).
 */
export function budgetTableDownloads(entry: Pick<BudgetEntry, 'year' | 'unit' | 'data'>): { workbook: string; json: string; tables: BudgetTableDownload[] } {
  const stem = stemOf(entry);
  return {
    workbook: `data/${stem}.xlsx`,
    json: `data/${stem}.json`,
    tables: entry.data.表格.map((t, i) => {
      const one = `data/${stem}-${String(i + 1).padStart(2, '0')}`;
      return { 名称: t.名称, csv: `${one}.csv`, xlsx: `${one}.xlsx`, json: `${one}.json` };
    }),
  };
}

const A1 = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;
const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A table as the grid the workbook writer takes: its rows, the notes under it one per row, merges as spans, 前文 above. */
export function budgetGrid(table: BudgetTable): Grid {
  const width = Math.max(1, ...table.行.map((r) => r.length));
  const rows: (GridCell | null)[][] = [...table.行, ...(table.后文 ?? []).map((note) => [note])].map((r) => Array.from({ length: width }, (_, c) => ({ text: r[c] ?? '' })));
  for (const merge of table.合并 ?? []) {
    const m = A1.exec(merge);
    if (!m) continue;
    const [top, left, bottom, right] = [Number(m[2]) - 1, column(m[1]!), Number(m[4]) - 1, column(m[3]!)];
    const first = rows[top]?.[left];
    if (!first) continue;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if ((r !== top || c !== left) && rows[r]?.[c] !== undefined) rows[r]![c] = null;
    if (bottom > top) first.rowSpan = bottom - top + 1;
    if (right > left) first.colSpan = right - left + 1;
  }
  return { name: table.名称, source: 'xlsx', rows, before: (table.前文 ?? []).map((text, n) => ({ text, where: `第 ${n + 1} 段` })) };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** A table as CSV: its rows as printed, every cell text (formula-guarded as every CSV of the site). */
export const budgetTableCsv = (table: BudgetTable) => toCsv(table.行.map((r) => r.map((x) => csvCell(x, 'string'))));
const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** One download file: its name under data/ and its bytes. */
export interface BudgetDownloadFile {
  file: string;
  title: string;
  bytes: Uint8Array;
}

/** Every download of the budget files: per document its workbook and JSON, per table its CSV, XLSX and JSON. */
export async function budgetDownloadFiles(entries: readonly Pick<BudgetEntry, 'year' | 'unit' | 'data'>[], { date }: { date: Date }): Promise<BudgetDownloadFile[]> {
  const out: BudgetDownloadFile[] = [];
  for (const e of entries) {
    const paths = budgetTableDownloads(e);
    const what = `${e.data.单位} ${e.year}年${e.data.种类}`;
    out.push({ file: paths.workbook.slice(5), title: `${what}（全部表格，每张表一个工作表）`, bytes: await writeXlsxGrids(e.data.表格.map(budgetGrid), { date }) });
    out.push({ file: paths.json.slice(5), title: `${what}（全部表格，字段与 YAML 文件相同）`, bytes: json(e.data) });
    for (const [i, t] of e.data.表格.entries()) {
      const p = paths.tables[i]!;
      out.push({ file: p.csv.slice(5), title: `${what}：${t.名称}`, bytes: utf8(budgetTableCsv(t)) });
      out.push({ file: p.xlsx.slice(5), title: `${what}：${t.名称}`, bytes: await writeXlsxGrids([budgetGrid(t)], { date }) });
      out.push({ file: p.json.slice(5), title: `${what}：${t.名称}`, bytes: json(t) });
    }
  }
  return out;
}

const col = (name: string, type: Column['type'], description: string, columnType?: string): Column => ({ name, type, description, ...(columnType ? { columnType } : {}) });

/** The budget lines' columns: the Fiscal Data Package column types name the classifications. */
export const BUDGET_LINE_COLUMNS: Column[] = [
  col('年度', 'integer', '预算或决算年度', 'date:fiscal-year'),
  col('单位编码', 'string', '单位文件夹（content/<年度>/<单位>/）', 'administrative-classification:generic:code'),
  col('单位名称', 'string', '单位名称，照表册', 'administrative-classification:generic:label'),
  col('预算阶段', 'string', '部门预算的表为“年初预算”，部门决算的表为“决算”'),
  col('表名', 'string', '表名，照印'),
  col('功能分类编码', 'string', '政府收支分类 功能分类科目编码（类 3 位、款 5 位、项 7 位），照印', 'functional-classification:generic:code'),
  col('功能分类名称', 'string', '功能分类科目名称，照印', 'functional-classification:generic:label'),
  col('经济分类编码', 'string', '部门预算支出经济分类科目编码（类 3 位、款 5 位），照印', 'economic-classification:generic:code'),
  col('经济分类名称', 'string', '经济分类科目名称，照印', 'economic-classification:generic:label'),
  col('栏目', 'string', '金额所在的列，照表头（多行表头用“／”连接）'),
  col('金额', 'money', '金额，照印（千分位逗号已去掉）；单位见“金额单位”列，阶段见“预算阶段”列', 'value'),
  col('金额单位', 'string', '本行金额的单位：元 或 万元，照表上方所印'),
];

const CODE = /^\d{3}(\d{2}){0,2}$/;
const AMOUNT = /^-?[\d,]+(\.\d+)?$/;

/** A table's money unit: as printed above it, else as its set says. */
function unitOf(doc: BudgetDocument, table: BudgetTable): string {
  const printed = (table.前文 ?? []).map((l) => MONEY_UNIT_LINE.exec(l)?.[1]).find(Boolean);
  return printed ?? budgetSetFor(doc)?.tables.find((e) => titleMatches(e, table.名称))?.unit ?? '万元';
}

/** The heading of column c: the texts above the first coded row, top to bottom, without repeats. */
function headingOf(table: BudgetTable, firstRow: number, c: number): string {
  const seen: string[] = [];
  for (let r = 0; r < firstRow; r++) {
    const x = (table.行[r]?.[c] ?? '').replace(/\s+/g, '');
    if (x && !seen.includes(x) && !/^\d+$/.test(x) && x !== '栏次') seen.push(x);
  }
  return seen.join('／');
}

/**
 * The budget lines: every non-empty amount of each 功能分类 table (codes in one column or 类|款|项) and of the
 * 经济分类 table (a code cell followed by its name, possibly two lists side by side), one row each.
 */
export function budgetLinesTable(entries: readonly Pick<BudgetEntry, 'year' | 'unit' | 'data'>[]): Table {
  const rows: string[][] = [];
  for (const e of entries) {
    const doc = e.data;
    const set = budgetSetFor(doc);
    const phase = doc.种类 === '部门预算' ? '年初预算' : '决算';
    for (const table of doc.表格) {
      const entry = set?.tables.find((x) => titleMatches(x, table.名称));
      if (!entry) continue;
      const kind = BUDGET_TABLE_KINDS[entry.role].rows;
      const unit = unitOf(doc, table);
      const line = (fc: string, fn: string, ec: string, en: string, heading: string, amount: string) =>
        rows.push([String(e.year), e.unit, doc.单位, phase, table.名称, fc, fn, ec, en, heading, amount.replace(/,/g, ''), unit]);
      if (kind === '功能分类') {
        const l = functionLayout(table);
        const first = table.行.findIndex((r) => CODE.test(l.code(r)));
        table.行.forEach((r) => {
          if (!CODE.test(l.code(r))) return;
          for (let c = l.first; c < r.length; c++) if (AMOUNT.test((r[c] ?? '').trim())) line(l.code(r), l.name(r), '', '', headingOf(table, first, c), r[c]!.trim());
        });
      } else if (kind === '经济分类') {
        const isCode = (x: string | undefined) => /^3\d{2}(\d{2})?$/.test((x ?? '').trim());
        const first = table.行.findIndex((r) => r.some(isCode));
        table.行.forEach((r) => {
          r.forEach((x, i) => {
            if (!isCode(x) || AMOUNT.test((r[i + 1] ?? '').trim())) return;
            for (let c = i + 2; c < r.length && !isCode(r[c]); c++) if (AMOUNT.test((r[c] ?? '').trim())) line('', '', x.trim(), (r[i + 1] ?? '').replace(/\s+/g, ''), headingOf(table, first, c), r[c]!.trim());
          });
        });
      }
    }
  }
  return { columns: BUDGET_LINE_COLUMNS, rows };
}

/** The years some unit has budget files for: each has a 公开情况 page. */
export const disclosureYears = (entries: readonly BudgetEntry[]) => [...new Set(entries.map((e) => e.year))].sort((a, b) => b - a);

/** Where a year's 公开情况 page and its CSV are. */
export const disclosurePath = (year: number) => `${year}/disclosure/`;
export const disclosureCsvPath = (year: number) => `${year}/disclosure.csv`;

/** The 公开情况 pages as the 网站地图 lists them (site-map.ts): each year's path and the files it is built from. */
export const disclosurePages = (entries: readonly BudgetEntry[]) =>
  disclosureYears(entries).map((year) => ({ year, path: disclosurePath(year), files: entries.filter((e) => e.year === year).flatMap((e) => [e.file, ...(e.noteText ? [e.noteFile] : [])]) }));

/**
 * A year's 公开情况 rows: `firstCommitted` is when each file was first committed (history.ts
 * firstCommitted, by absolute path), read from git, so that the page is the same for every build of a commit.
 */
export function yearDisclosure(entries: readonly BudgetEntry[], year: number, firstCommitted: ReadonlyMap<string, string>): DisclosureRow[] {
  return disclosureRows(
    entries.filter((e) => e.year === year),
    {
      firstPublished: (file) => {
        const date = firstCommitted.get(existsSync(file) ? realpathSync(file) : file);
        return date ? chinaDay(date) : undefined;
      },
    },
  );
}

/** The 公开情况 as CSV (formula-guarded as every CSV of the site). */
export const disclosureCsv = (rows: readonly DisclosureRow[]) => toCsv([[...DISCLOSURE_COLUMNS], ...rows.map((r) => disclosureCells(r).map((c, i) => csvCell(c, DISCLOSURE_COLUMNS[i] === '年度' ? 'integer' : 'string')))]);
