// Every CSV the site writes, opened the way Excel and WPS open a CSV (each cell as if typed into
// the sheet): a published value that starts with = + - @ ' (or a tab or CR) must show as the
// text it is and never run as a formula, numbers in numeric columns must stay numbers, and the
// JSON and XLSX downloads keep the value unchanged.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { validateContent } from '../src/lib/check/validate.ts';
import type { ValidatedContent } from '../src/lib/check/problems.ts';
import { evaluationsTable, monitoringTable, resultMoneyTable, resultsJson } from '../src/lib/outputs/result-tables.ts';
import {
  csvCell,
  csvCellText,
  dataPackage,
  departmentResources,
  FORMULA_GUARD,
  indicatorsTable,
  itemizedTargetsTable,
  parseCsv,
  projectIndicatorTable,
  projectsTable,
  spendingPlanTable,
  tableCsv,
  workbookXlsx,
  type Table,
} from '../src/lib/outputs/tables.ts';
import { departmentSchema } from '../src/schema/department.ts';
import type { ProjectInput } from '../src/schema/project.ts';
import { readProjectWorkbook, projectWorkbook } from '../src/lib/import/form-workbook.ts';
import { importResultFile } from '../src/lib/import/result-table.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { resultWorkbook } from '../src/lib/outputs/result-xlsx.ts';
import { DEPARTMENT } from './fixtures/layouts/samples.ts';

/** What a spreadsheet makes of one CSV cell, by the rules Excel and WPS apply to typed input. */
type Read = { kind: 'text'; shows: string } | { kind: 'number'; value: number } | { kind: 'formula' };
const EXCEL_NUMBER = /^[+-]?(\d{1,3}(,\d{3})*|\d+)(\.\d+)?%?$/;
function spreadsheetReads(cell: string): Read {
  // The apostrophe prefix: "text follows", not shown.
  if (cell.startsWith("'")) return { kind: 'text', shows: cell.slice(1) };
  // Some programs trim leading tabs and carriage returns and then evaluate what is left.
  const trimmed = cell.replace(/^[\t\r]+/, '');
  if (trimmed !== cell && trimmed !== '' && spreadsheetReads(trimmed).kind === 'formula') return { kind: 'formula' };
  if (/^[=@]/.test(cell)) return { kind: 'formula' };
  if (EXCEL_NUMBER.test(cell)) return { kind: 'number', value: Number(cell.replaceAll(',', '').replace('%', '')) };
  // `-x` and `+x` are typed formulas unless they are numbers; a lone sign is text.
  if (/^[+-]./.test(cell)) return { kind: 'formula' };
  return { kind: 'text', shows: cell };
}

const TRIGGERS = ['=', '+', '-', '@', "'", '\t', '\r'] as const;
/** Free-text fields whose values are rewritten to start with a trigger (not 三级指标: it names the row a self-evaluation matches to its target). */
const FREE_TEXT = new Set(['指标值', '绩效指标描述', '指标值确定依据', '资金用途', '指标描述', '评价标准', '任务描述', '职能描述', '年度指标值', '实际完成值', '全年预计完成情况', '偏差原因分析及改进措施', '偏差原因说明', '指标解释', '年度目标任务']);
const triggered = (text: string) => {
  const n = [...text].reduce((h, ch) => (h * 31 + ch.codePointAt(0)!) % 9973, 7);
  return n % 11 === 0 ? `=HYPERLINK("http://example.com","${text}")` : `${TRIGGERS[n % TRIGGERS.length]}${text}`;
};

let temp: string;
const contents: ValidatedContent[] = [];
beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'gongkai-csv-formula-'));
  for (const [name, from] of [['bundled', 'content'], ['example', 'examples/county/content']] as const) {
    const dir = join(temp, name);
    cpSync(from, dir, { recursive: true });
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.yaml') || entry.name === 'site.yaml') continue;
      const file = join(entry.parentPath, entry.name);
      const doc = parseDocument(readFileSync(file, 'utf8'));
      visit(doc, {
        Pair(_, pair) {
          if (isScalar(pair.key) && FREE_TEXT.has(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value !== '') {
            pair.value.value = triggered(pair.value.value);
          }
        },
      });
      writeFileSync(file, doc.toString());
    }
    const validated = await validateContent(dir, temp);
    expect(validated.problems, `${name}: the rewritten content still validates`).toEqual([]);
    contents.push(validated);
  }
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every CSV table the site writes, by kind, from the rewritten content (plus a 部门整体 table of the layout tests). */
function everyTable(): [string, Table][] {
  const projects = contents.flatMap((c) => c.projects.map((p) => ({ data: p.data, raw: p.raw as never })));
  const departments = contents.flatMap((c) => c.departments.map((d) => ({ data: d.data, raw: d.raw as never })));
  const rewritten = { ...DEPARTMENT, 绩效指标: DEPARTMENT.绩效指标!.map((i) => ({ ...i, 指标值: triggered(String(i.指标值)) })) };
  const layoutDepartment = { data: departmentSchema.parse(rewritten), raw: rewritten };
  const results = {
    monitoring: contents.flatMap((c) => c.monitoring.map((m) => ({ data: m.data, raw: m.raw }))),
    evaluations: contents.flatMap((c) => c.evaluations.map((e) => ({ data: e.data, raw: e.raw }))),
    departmentEvaluations: contents.flatMap((c) => c.departmentEvaluations.map((e) => ({ data: e.data, raw: e.raw }))),
  };
  return [
    ...projects.map((p) => [`project ${p.data.code || p.data.name}`, projectIndicatorTable(p)] as [string, Table]),
    ['projects.csv', projectsTable(projects)],
    ['indicators.csv', indicatorsTable(projects)],
    ['spending-plan.csv', spendingPlanTable(projects)],
    ['itemized-targets.csv', itemizedTargetsTable(departments)],
    ...departmentResources([...departments, layoutDepartment]).map((r) => [r.file, r.table] as [string, Table]),
    ['monitoring.csv', monitoringTable(results.monitoring)],
    ['evaluations.csv', evaluationsTable(results)],
    ['result-money.csv', resultMoneyTable(results)],
    ...results.monitoring.map((m) => [`project monitoring ${m.data.name}`, monitoringTable([m])] as [string, Table]),
  ];
}

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it('every kind of CSV shows each published cell as its text in Excel and WPS and runs no formula', () => {
    const tables = everyTable();
    const seen = new Map<string, number>();
    const wrong: string[] = [];
    for (const [name, table] of tables) {
      const [header, ...rows] = parseCsv(tableCsv(table));
      expect(header).toEqual(table.columns.map((c) => c.name));
      rows.forEach((row, r) =>
        row.forEach((cell, i) => {
          const published = table.rows[r]![i]!;
          const type = table.columns[i]!.type;
          const read = spreadsheetReads(cell);
          const trigger = TRIGGERS.find((t) => published.startsWith(t));
          if (trigger) seen.set(trigger, (seen.get(trigger) ?? 0) + 1);
          if (read.kind === 'formula') wrong.push(`${name} ${table.columns[i]!.name}: ${JSON.stringify(cell)} runs as a formula`);
          else if (read.kind === 'text' && read.shows !== published) wrong.push(`${name} ${table.columns[i]!.name}: shows ${JSON.stringify(read.shows)}, published ${JSON.stringify(published)}`);
          else if (read.kind === 'number' && type === 'string' && /^[+-]/.test(published)) wrong.push(`${name} ${table.columns[i]!.name}: ${JSON.stringify(published)} becomes the number ${read.value}`);
          else if (read.kind === 'number' && read.value !== Number(published.replaceAll(',', '').replace('%', ''))) wrong.push(`${name}: ${JSON.stringify(published)} reads as ${read.value}`);
          // A program reading the CSV gets the published text back by dropping one apostrophe.
          if (csvCellText(cell) !== published) wrong.push(`${name} ${table.columns[i]!.name}: ${JSON.stringify(cell)} does not decode to ${JSON.stringify(published)}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
    // Every trigger was met many times, in the 指标值 of every kind of table.
    for (const t of TRIGGERS) expect(seen.get(t) ?? 0, `cells starting with ${JSON.stringify(t)}`).toBeGreaterThan(5);
    for (const [name, table] of tables.filter(([n]) => /indicators|evaluations|monitoring\.csv|department-indicators/.test(n))) {
      const column = table.columns.findIndex((c) => /指标值|年度指标值/.test(c.name));
      expect(table.rows.some((row) => /^[=+\-@'\t\r]/.test(row[column] ?? '')), `${name} has a triggered 指标值`).toBe(true);
    }
  });

  it('keeps numbers in numeric columns as numbers (negative amounts too) and a lone “-” as it is', () => {
    expect(csvCell('-1200.50', 'money')).toBe('-1200.50');
    expect(spreadsheetReads(csvCell('-1200.50', 'money'))).toEqual({ kind: 'number', value: -1200.5 });
    expect(csvCell('2023', 'integer')).toBe('2023');
    expect(csvCell('-', 'money')).toBe('-');
    expect(csvCell('-', 'string')).toBe('-');
    // In a text column a signed number is published text, shown as written (not re-rounded).
    expect(spreadsheetReads(csvCell('-5.10', 'string'))).toEqual({ kind: 'text', shows: '-5.10' });
    expect(csvCell('=100.00(%)', 'string')).toBe("'=100.00(%)");
    expect(csvCell('=1+2', 'money')).toBe("'=1+2");
    expect(csvCell("'引号", 'string')).toBe("''引号");
    expect(csvCellText(csvCell("'引号", 'string'))).toBe("'引号");
    expect(csvCell('≥90%', 'string')).toBe('≥90%');
  });

  it('says in datapackage.json, beside every CSV, how such cells are written and read back', () => {
    const pkg = dataPackage([{ name: 'x', path: 'x.csv', bytes: new TextEncoder().encode(tableCsv({ columns: [{ name: '年度', type: 'integer', description: '' }], rows: [['2023']] })) }], {
      name: 'x', title: 'x', description: 'x', created: new Date(0), sources: [], moneyUnit: '元', budgetPhase: '年初预算',
    } as never) as { resources: Record<string, unknown>[] };
    expect(pkg.resources[0]!['formulaGuard']).toEqual(FORMULA_GUARD);
    expect(FORMULA_GUARD.description).toContain('去掉单元格开头的一个单引号');
  });

  it('keeps the values unchanged in JSON and types them as text, never formulas, in the XLSX workbook', async () => {
    const projects = contents.flatMap((c) => c.projects.map((p) => ({ data: p.data, raw: p.raw as never })));
    const table = indicatorsTable(projects);
    const results = { monitoring: contents.flatMap((c) => c.monitoring.map((m) => ({ data: m.data, raw: m.raw }))), evaluations: [], departmentEvaluations: [] };
    expect(JSON.stringify(resultsJson(results))).toContain('"年度指标值":"=HYPERLINK(');
    const bytes = await workbookXlsx(projects, [], { date: new Date('2024-01-01T00:00:00Z') });
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const sheet = book.getWorksheet('绩效指标')!;
    const column = table.columns.findIndex((c) => c.name === '指标值') + 1;
    table.rows.forEach((row, r) => {
      const cell = sheet.getRow(r + 2).getCell(column);
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      // XML reads a carriage return as a line feed (XML 1.0 §2.11, in Excel as in exceljs): the one
      // change a text cell can undergo in any .xlsx, and only for a CR, which YAML writes only as "\r".
      expect(cell.text).toBe(row[column - 1]!.replaceAll('\r', '\n'));
    });
  });
});

describe('Excel forms the importer writes and reads back', () => {
  const DATE = new Date('2024-01-01T00:00:00Z');
  const formulaLike = ['=HYPERLINK("http://example.com","点击")', '+5%', '-3个', '@日期', "'引号"];
  const sheetsHaveNoFormula = async (bytes: Uint8Array) => {
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
  };

  it('writes a 河北 project whose cells look like formulas as text, and reads it back to the same file', async () => {
    const text = readFileSync('content/2023/483001/projects/02-13022923P00JXC4155606.yaml', 'utf8');
    const input = parseDocument(text).toJS() as ProjectInput;
    input.资金用途 = formulaLike[0]!;
    input.绩效指标 = input.绩效指标.map((i, n) => ({ ...i, 指标值: formulaLike[n % formulaLike.length]!, 指标值确定依据: formulaLike[(n + 1) % formulaLike.length]! }));
    const bytes = await projectWorkbook(input, { date: DATE });
    await sheetsHaveNoFormula(bytes);
    const { project, problems } = await readProjectWorkbook(bytes);
    expect(problems).toEqual([]);
    expect(project).toEqual(input);
  });

  it('writes a monitoring table whose cells look like formulas as text, and reads it back unchanged', async () => {
    const file = readdirSync('examples/county/content/2023/910001/monitoring').find((f) => f.endsWith('.yaml'))!;
    const raw = parseDocument(readFileSync(join('examples/county/content/2023/910001/monitoring', file), 'utf8')).toJS() as Record<string, any>;
    raw['绩效指标'] = raw['绩效指标'].map((row: Record<string, unknown>, n: number) => ({ ...row, 年度指标值: formulaLike[n % formulaLike.length], 全年预计完成情况: formulaLike[(n + 2) % formulaLike.length] }));
    const bytes = await resultWorkbook('monitoring', raw, { date: DATE });
    await sheetsHaveNoFormula(bytes);
    const read = await readXlsxGrids(bytes);
    if ('error' in read) throw new Error(read.error);
    const imported = importResultFile(read);
    expect(imported.problems).toEqual([]);
    expect(imported.tables[0]).toEqual(raw);
  });
});
