// The downloads of a 部门预算/决算 (src/lib/outputs/budget-downloads.ts) over the whole budget corpus:
// each document, imported from its published workbook by `npm run import`, is downloaded as its Excel
// workbook and imported again — the file written is the same, byte for byte; each table's CSV, XLSX and
// JSON hold every cell as printed; budget-lines.csv lists each 科目's amounts with its classification.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { functionLayout } from '../src/lib/budget/budget-check.ts';
import { tableOfGrid } from '../src/lib/budget/budget-import.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { budgetDownloadFiles, budgetLinesTable, budgetTableDownloads } from '../src/lib/outputs/budget-downloads.ts';
import { budgetEntries } from '../src/lib/site/budget-entries.ts';
import { dataPackage, readCsv, tableCsv } from '../src/lib/outputs/tables.ts';
import { budgetDocumentSchema } from '../src/schema/budget.ts';
import { BUDGET_DIR, transcriptionIds } from './fixtures/published/transcription.ts';
import { runCli } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), name));
  dirs.push(d);
  return d;
};
const DATE = new Date('2000-01-01T00:00:00Z');

describe('部门预算、决算的下载', () => {
  it.each(transcriptionIds(BUDGET_DIR))('%s：下载的 Excel 用 npm run import 导入，得到同一个文件；每张表的 CSV、Excel、JSON 每格照印', async (id) => {
    const [first, second] = [temp('gongkai-budget-dl-a-'), temp('gongkai-budget-dl-b-')];
    const imported = runCli('import', [join(BUDGET_DIR, `${id}.xlsx`), '--content', first, '--unit', '483001', '--region', '上海市普陀区']);
    expect(imported.status, imported.stderr).toBe(0);
    const [entry] = budgetEntries(first);
    if (!entry) throw new Error('导入后没有读到文件');
    const name = entry.data.种类 === '部门预算' ? 'budget' : 'final-accounts';
    const files = await budgetDownloadFiles([entry], { date: DATE });
    const paths = budgetTableDownloads(entry);
    const bytes = (path: string) => files.find((f) => `data/${f.file}` === path)!.bytes;
    const workbook = join(first, 'download.xlsx');
    writeFileSync(workbook, bytes(paths.workbook));
    const again = runCli('import', [workbook, '--content', second, '--unit', '483001', '--region', '上海市普陀区']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('按表头认作');
    const path = `${entry.year}/483001/${name}.yaml`;
    expect(readFileSync(join(second, path), 'utf8')).toBe(readFileSync(join(first, path), 'utf8'));
    // The document as the corpus transcribed it: every table as printed.
    const want = budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
    expect(entry.data.表格.map((t) => t.名称)).toEqual(want.表格.map((t) => t.名称));

    expect(paths.tables).toHaveLength(entry.data.表格.length);
    for (const [i, table] of entry.data.表格.entries()) {
      const p = paths.tables[i]!;
      expect(readCsv(new TextDecoder().decode(bytes(p.csv))), p.csv).toEqual(table.行);
      expect(JSON.parse(new TextDecoder().decode(bytes(p.json)))).toEqual(table);
      const grids = await readXlsxGrids(bytes(p.xlsx));
      if ('error' in grids) throw new Error(grids.error);
      // One sheet, read as the importer reads each sheet (a lone table does not say which province's set it is from).
      expect(grids.grids.map(tableOfGrid), p.xlsx).toEqual([table]);
    }
    expect(JSON.parse(new TextDecoder().decode(bytes(paths.json)))).toEqual(entry.data);
  });

  it('CSV 中可能被当作公式的格前加单引号，读回时去掉', async () => {
    const table = { 名称: '测试表（编造）', 行: [['项目', '金额'], ['=SUM(A1:A2)', '-1.00'], ['@cmd', '1,000.00']] };
    const files = await budgetDownloadFiles([{ year: 2026, unit: '483001', data: { 地区: '上海市普陀区', 单位: '测试单位', 年度: 2026, 种类: '部门预算', 表格: [table] } }], { date: DATE });
    const csv = new TextDecoder().decode(files.find((f) => f.file === 'budget-2026-483001-01.csv')!.bytes);
    expect(csv).toContain("'=SUM(A1:A2)");
    expect(csv).toContain("'@cmd");
    expect(csv).toContain("'-1.00");
    expect(readCsv(csv)).toEqual(table.行);
  });

  it('budget-lines.csv：功能分类、经济分类的每个金额一行，数据包写明分类和阶段', () => {
    const entries = ['sh-putuo-wenlv-2025-final', 'sh-putuo-wenlv-2026-budget'].map((id) => {
      const data = budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
      return { year: data.年度, unit: 'wenlv', data };
    });
    const table = budgetLinesTable(entries);
    const cols = table.columns.map((c) => c.name);
    const rows = table.rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]!])));
    // Every amount printed on a coded row of the 2026 一般公共预算 table is there, as printed (less its commas).
    const general = entries[1]!.data.表格.find((t) => t.名称 === '2026年部门一般公共预算支出功能分类预算表')!;
    const l = functionLayout(general);
    const printed = general.行.filter((r) => /^\d{3}(\d{2}){0,2}$/.test(l.code(r))).flatMap((r) => r.slice(l.first).filter((x) => /\d/.test(x)).map((x) => `${l.code(r)} ${x.replace(/,/g, '')}`));
    expect(printed.length).toBeGreaterThan(5);
    const listed = rows.filter((r) => r.表名 === general.名称).map((r) => `${r.功能分类编码} ${r.金额}`);
    expect(listed.sort()).toEqual(printed.sort());
    expect(new Set(rows.map((r) => r.预算阶段))).toEqual(new Set(['年初预算', '决算']));
    expect(rows.filter((r) => r.预算阶段 === '年初预算').every((r) => r.年度 === '2026')).toBe(true);
    // The 基本支出表 gives the 经济分类 lines: 301 工资福利支出 in both years.
    expect(rows.filter((r) => r.经济分类编码 === '301').map((r) => r.年度).sort()).toEqual(expect.arrayContaining(['2025', '2026']));
    const pkg = dataPackage([{ name: 'budget-lines', path: 'budget-lines.csv', bytes: new TextEncoder().encode(tableCsv(table)), columns: table.columns }], { name: 't', title: 't', description: 't', created: DATE, sources: [] }) as { resources: { schema: { fields: { name: string; columnType?: string; phaseField?: string }[] } }[] };
    const fields = pkg.resources[0]!.schema.fields;
    expect(fields.find((f) => f.name === '功能分类编码')!.columnType).toBe('functional-classification:generic:code');
    expect(fields.find((f) => f.name === '经济分类编码')!.columnType).toBe('economic-classification:generic:code');
    expect(fields.find((f) => f.name === '金额')!.phaseField).toBe('预算阶段');
  });
});
