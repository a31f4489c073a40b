// The download files, read back the way a user or a program would (our CSV parser, JSON.parse,
// exceljs) and compared cell by cell with the YAML content they were made from.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { departmentSchema, projectSchema, type DepartmentInput, type ProjectInput } from '../src/schema/index.ts';
import { deflateZip } from '../src/lib/office/zip.ts';
import {
  allJson, dataPackage, indicatorsCsv, itemizedTargetsCsv, parseCsv, projectCsv, projectJson, projectsCsv,
  sharedLabels, spendingPlanCsv, toCsv, workbookXlsx, type ExportDepartment, type ExportProject,
} from '../src/lib/outputs/tables.ts';
import { readIndicatorValue, formatReading } from '../src/lib/reading/indicator-value.ts';
import { toFen } from '../src/lib/reading/money.ts';

const UNIT_DIR = 'content/2023/483001';
const files = readdirSync(join(UNIT_DIR, 'projects')).filter((f) => f.endsWith('.yaml')).sort();
const projects: ExportProject[] = files.map((f) => {
  const raw = parse(readFileSync(join(UNIT_DIR, 'projects', f), 'utf8')) as ProjectInput;
  return { raw, data: projectSchema().parse(raw) };
});
const departmentRaw = parse(readFileSync(join(UNIT_DIR, 'department.yaml'), 'utf8')) as DepartmentInput;
const departments: ExportDepartment[] = [{ raw: departmentRaw, data: departmentSchema.parse(departmentRaw) }];
const DATE = new Date('2024-03-01T08:00:00Z');

/** The raw YAML mapping of a project, loosely typed for reading Chinese keys. */
const yamlOf = (p: ExportProject) => p.raw as unknown as Record<string, any>;
/** A parsed CSV as objects keyed by its header. */
function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}
const byName = (name: string) => projects.find((p) => p.data.name === name)!;

describe('CSV format', () => {
  it('starts with a UTF-8 BOM, ends every row with CRLF and has no bare LF outside quoted cells', () => {
    const csv = projectsCsv(projects);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('quotes only where needed and doubles inner quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'line1\nline2', 'cr\r', 'plain', '']])).toBe(
      '\uFEFF"a,b","say ""hi""","line1\nline2","cr\r",plain,\r\n',
    );
  });

  it('parses back any table of any strings, BOM, quotes, commas and line breaks included', () => {
    const cellText = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '\uFEFF', 'a', '中', ' ') }));
    const table = fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { maxLength: 6 });
    // A block body: fast-check would read the value of `expect(…)` as the property's result.
    fc.assert(fc.property(table, (rows) => {
      expect(parseCsv(toCsv(rows))).toEqual(rows);
    }), { numRuns: 2000 });
  });

  it('reads LF-only files and a missing final line break', () => {
    expect(parseCsv('a,b\n"c\r\nd",e')).toEqual([['a', 'b'], ['c\r\nd', 'e']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('one project as CSV', () => {
  it('has a row per indicator with every YAML value verbatim, for every project', () => {
    for (const p of projects) {
      const y = yamlOf(p);
      const rows = records(projectCsv(p));
      expect(rows).toHaveLength(y['绩效指标'].length);
      rows.forEach((row, i) => {
        const indicator = y['绩效指标'][i];
        expect(row).toMatchObject({
          年度: String(y['年度']), 单位编码: y['单位编码'], 单位名称: y['单位名称'], 预算阶段: y['预算阶段'],
          金额单位: y['金额单位'], 项目编码: y['项目编码'], 上年项目编码: y['上年项目编码'] ?? '', 项目名称: y['项目名称'],
          预算数: y['预算数'], 财政资金: y['财政资金'], 其他资金: y['其他资金'] ?? '', 资金用途: y['资金用途'],
          绩效目标: y['绩效目标'].join('\n'),
          序号: String(i + 1), 一级指标: indicator['一级指标'], 二级指标: indicator['二级指标'], 三级指标: indicator['三级指标'],
          绩效指标描述: indicator['绩效指标描述'] ?? '', 指标值: indicator['指标值'],
          指标值解读: formatReading(readIndicatorValue(indicator['指标值'])), 指标值确定依据: indicator['指标值确定依据'] ?? '',
        });
        for (const c of y['资金支出计划']) expect(row[`${c['月份']}月底累计支出比例(%)`]).toBe(c['累计比例'] == null ? '' : String(c['累计比例']));
      });
    }
  });

  it('keeps the plan cells that 2022年人饮井更新 leaves empty empty, not 0', () => {
    const row = records(projectCsv(byName('2022年人饮井更新')))[0]!;
    expect(row['3月底累计支出比例(%)']).toBe('');
    expect(row['6月底累计支出比例(%)']).toBe('');
    expect(row['10月底累计支出比例(%)']).toBe('');
    expect(row['12月底累计支出比例(%)']).toBe('100');
  });

  it('writes amounts as the YAML text, without float formatting or separators', () => {
    const row = records(projectCsv(byName('2022年村级垃圾清运及焚烧')))[0]!;
    expect(row['预算数']).toBe('219800.00');
    expect(projectCsv(projects.find((p) => p.data.total === '1200000.00')!)).toContain(',1200000.00,');
  });

  it('keeps several goals in one cell, one per line, and tricky text intact', () => {
    const goals = ['1.保证村内环境干净整洁，垃圾清运及时', '2.目标含逗号, 引号"及"换行\r\n第二行'];
    const p: ExportProject = { raw: projects[0]!.raw, data: { ...projects[0]!.data, goals, purpose: '用途, 含"引号"' } };
    const row = records(projectCsv(p))[0]!;
    expect(row['绩效目标']).toBe(p.data.goals!.join('\n'));
    expect(row['资金用途']).toBe(p.data.purpose);
  });
});

describe('site-wide CSV tables', () => {
  it('projects: a row per project, in document order, with 指标数', () => {
    const rows = records(projectsCsv(projects));
    expect(rows.map((r) => r['项目编码'])).toEqual(projects.map((p) => p.data.code));
    rows.forEach((row, i) => {
      const y = yamlOf(projects[i]!);
      expect(row).toMatchObject({ 项目名称: y['项目名称'], 预算数: y['预算数'], 财政资金: y['财政资金'], 指标数: String(y['绩效指标'].length) });
      expect(row).not.toHaveProperty('指标值');
    });
    const total = rows.reduce((sum, r) => sum + toFen(r['预算数']!), 0n);
    expect(total).toBe(316731000n); // 3,167,310.00 元, the source's total (docs/领域.md, “批复原文”)
  });

  it('sorts by year and unit, keeping the given order within a unit', () => {
    const other = (year: number, unit: string, p: ExportProject): ExportProject => ({ raw: p.raw, data: { ...p.data, fiscalYear: year, unitCode: unit } });
    const mixed = [other(2024, '100001', projects[0]!), projects[1]!, other(2023, '100001', projects[2]!), projects[0]!];
    expect(records(projectsCsv(mixed)).map((r) => `${r['年度']}/${r['单位编码']}/${r['项目编码']}`)).toEqual([
      `2023/100001/${projects[2]!.data.code}`,
      `2023/483001/${projects[1]!.data.code}`,
      `2023/483001/${projects[0]!.data.code}`,
      `2024/100001/${projects[0]!.data.code}`,
    ]);
  });

  it('indicators: every indicator of every project, values verbatim', () => {
    const rows = records(indicatorsCsv(projects));
    const expected = projects.flatMap((p) =>
      yamlOf(p)['绩效指标'].map((ind: any, i: number) => ({
        项目编码: p.data.code, 序号: String(i + 1), 三级指标: ind['三级指标'], 指标值: ind['指标值'], 指标值确定依据: ind['指标值确定依据'] ?? '',
      })),
    );
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => expect(row).toMatchObject(expected[i]!));
  });

  it('spending plan: exact planned amounts in 分, empty where nothing is planned', () => {
    const rows = records(spendingPlanCsv(projects));
    expect(rows).toHaveLength(projects.reduce((n, p) => n + p.data.spendingPlan!.length, 0));
    const garbage = rows.filter((r) => r['项目编码'] === '13022923P00JXC415564L');
    expect(garbage.map((r) => [r['月份'], r['累计支出比例(%)'], r['累计计划支出金额(元)']])).toEqual([
      ['3', '25', '54950.00'], ['6', '50', '109900.00'], ['10', '75', '164850.00'], ['12', '100', '219800.00'],
    ]);
    const wells = rows.filter((r) => r['项目名称'] === '2022年人饮井更新');
    expect(wells.map((r) => r['累计计划支出金额(元)'])).toEqual(['', '', '', '40000.00']);
    expect(wells.every((r) => r['预算阶段'] === '年初预算')).toBe(true);
    const december = rows.filter((r) => r['月份'] === '12').reduce((sum, r) => sum + toFen(r['累计计划支出金额(元)']!), 0n);
    expect(december).toBe(316731000n);
    // 107510.00 × 25% = 26877.50: no float error in the last digit.
    const odd = rows.find((r) => r['项目编码'] === '13022923P00JXC4143182' && r['月份'] === '3')!;
    expect(odd['累计计划支出金额(元)']).toBe('26877.50');
  });

  it('itemized targets: the nine columns of every department row', () => {
    const rows = records(itemizedTargetsCsv(departments));
    const items = (departmentRaw as unknown as Record<string, any>)['分项绩效目标'];
    expect(rows).toHaveLength(items.length);
    rows.forEach((row, i) => expect(row).toEqual({ 年度: '2023', 单位编码: '483001', ...items[i] }));
  });
});

describe('JSON', () => {
  it('is the YAML mapping, key order included', () => {
    for (const p of projects) {
      const json = projectJson(p);
      expect(JSON.parse(json)).toEqual(p.raw);
      expect(Object.keys(JSON.parse(json))).toEqual(Object.keys(p.raw));
    }
  });

  it('allJson holds every department and project mapping', () => {
    const all = JSON.parse(allJson(projects, departments));
    expect(Object.keys(all)).toEqual(['部门整体绩效目标', '项目绩效目标表']);
    expect(all['部门整体绩效目标']).toEqual([departmentRaw]);
    expect(all['项目绩效目标表']).toEqual(projects.map((p) => p.raw));
  });
});

describe('XLSX', () => {
  async function load(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    return workbook;
  }
  /** A sheet's cell values, row by row, as wide as its header. */
  function sheetValues(workbook: ExcelJS.Workbook, name: string): ExcelJS.CellValue[][] {
    const sheet = workbook.getWorksheet(name)!;
    const width = sheet.getRow(1).cellCount;
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value)));
    return rows;
  }
  const MONEY = new Set(['预算数', '财政资金', '其他资金', '累计计划支出金额(元)']);
  const NUMBERS = new Set(['年度', '指标数', '序号', '月份', '累计支出比例(%)']);

  it('has the four sheets with the CSV columns and values; amounts equal to the fen', async () => {
    const workbook = await load(await workbookXlsx(projects, departments, { date: DATE }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['项目', '绩效指标', '资金支出计划', '分项绩效目标']);
    const pairs: [string, string][] = [
      ['项目', projectsCsv(projects)],
      ['绩效指标', indicatorsCsv(projects)],
      ['资金支出计划', spendingPlanCsv(projects)],
      ['分项绩效目标', itemizedTargetsCsv(departments)],
    ];
    for (const [sheet, csv] of pairs) {
      const [header, ...expected] = parseCsv(csv);
      const [sheetHeader, ...actual] = sheetValues(workbook, sheet);
      expect(sheetHeader).toEqual(header);
      expect(actual).toHaveLength(expected.length);
      expected.forEach((row, r) =>
        row.forEach((text, c) => {
          const name = header![c]!;
          const value = actual[r]![c];
          if (text === '') expect(value).toBeNull();
          else if (MONEY.has(name)) expect(toFen((value as number).toFixed(2))).toBe(toFen(text)); // a number, equal to the fen
          else if (NUMBERS.has(name) || /月底累计支出比例/.test(name)) expect(value).toBe(Number(text));
          else expect(value).toBe(text); // text stays text: 单位编码, 项目编码, 指标值 …
        }),
      );
    }
    const sheet = workbook.getWorksheet('项目')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const budget = (sheetValues(workbook, '项目')[0] as string[]).indexOf('预算数') + 1;
    expect(budget).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(budget).numFmt).toBe('#,##0.00####');
    expect(typeof sheet.getRow(2).getCell(budget).value).toBe('number');
    expect(typeof sheet.getRow(2).getCell(2).value).toBe('string'); // 单位编码 stays text
    expect(workbook.created.toISOString()).toBe(DATE.toISOString());
  });

  it('is byte-identical when generated again at another time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const first = await workbookXlsx(projects, departments, { date: DATE });
      vi.setSystemTime(new Date('2031-06-15T13:37:42Z'));
      const second = await workbookXlsx(projects, departments, { date: DATE });
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('datapackage.json', () => {
  it('lists every file with its size and sha256, and every CSV column as a described field', async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const resources = [
      { name: 'projects', path: 'data/projects.csv', bytes: utf8(projectsCsv(projects)), title: '项目' },
      { name: 'indicators', path: 'data/indicators.csv', bytes: utf8(indicatorsCsv(projects)) },
      { name: 'spending-plan', path: 'data/spending-plan.csv', bytes: utf8(spendingPlanCsv(projects)) },
      { name: 'itemized-targets', path: 'data/itemized-targets.csv', bytes: utf8(itemizedTargetsCsv(departments)) },
      { name: 'project-13022923p00jxc415564l', path: 'data/13022923P00JXC415564L.csv', bytes: utf8(projectCsv(projects[0]!)) },
      { name: 'workbook', path: 'data/all.xlsx', bytes: await workbookXlsx(projects, departments, { date: DATE }) },
      { name: 'all', path: 'data/all.json', bytes: utf8(allJson(projects, departments)) },
    ];
    const pkg = dataPackage(resources, {
      name: 'yutian-483001-2023',
      title: '玉田县林南仓镇人民政府本级 2023 年预算绩效目标',
      description: '部门整体绩效目标与项目绩效目标表',
      created: DATE,
      sources: [{ title: '2023年部门预算绩效目标（批复原文）', path: 'content/2023/483001/source/000_450f3943667c7c22.txt' }],
      ...sharedLabels(projects),
    }) as any;
    expect(JSON.parse(JSON.stringify(pkg))).toEqual(pkg);
    expect(pkg).toMatchObject({ profile: 'data-package', created: DATE.toISOString() });
    expect(pkg.resources).toHaveLength(resources.length);
    resources.forEach((r, i) => {
      const described = pkg.resources[i];
      expect(described).toMatchObject({ name: r.name, path: r.path, bytes: r.bytes.byteLength });
      expect(described.name).toMatch(/^[-a-z0-9._/]+$/);
      expect(described.hash).toBe(`sha256:${createHash('sha256').update(r.bytes).digest('hex')}`);
      if (r.path.endsWith('.csv')) {
        expect(described).toMatchObject({ profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' });
        const header = parseCsv(new TextDecoder().decode(r.bytes))[0]!;
        expect(described.schema.fields.map((f: any) => f.name)).toEqual(header);
        for (const f of described.schema.fields) {
          expect(['string', 'number', 'integer']).toContain(f.type);
          expect(f.description).toMatch(/\p{Script=Han}/u);
        }
      }
    });
    expect(pkg.resources[5]).toMatchObject({ format: 'xlsx' });
    expect(pkg.resources[6]).toMatchObject({ format: 'json', mediatype: 'application/json' });
    const fields = pkg.resources[0].schema.fields;
    expect(fields.find((f: any) => f.name === '预算数')).toMatchObject({
      type: 'number', currency: 'CNY', unit: '元', unitField: '金额单位', phase: 'approved', phaseField: '预算阶段',
    });
    expect(fields.find((f: any) => f.name === '单位编码')).toMatchObject({ type: 'string' });
    expect(pkg.resources[2].schema.fields.find((f: any) => f.name === '累计计划支出金额(元)')).toMatchObject({ currency: 'CNY', unit: '元' });
  });

  it('refuses a CSV column it cannot describe', () => {
    const bytes = new TextEncoder().encode(toCsv([['未知列']]));
    expect(() => dataPackage([{ name: 'x', path: 'x.csv', bytes }], { name: 'x', title: 'x', description: 'x', created: DATE, sources: [] })).toThrow('未知列');
  });
});

describe('deflateZip (project workbooks: stored by JSZip, deflated by zlib)', () => {
  it('keeps every entry\'s bytes, deflates the non-empty ones, and dates them all', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>' + '绩效指标'.repeat(500) + '</a>');
    zip.folder('xl');
    zip.file('xl/b.xml', 'b');
    const stored = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
    const date = new Date('2024-03-01T08:00:00Z');
    const out = deflateZip(stored, date);
    expect(out.length).toBeLessThan(stored.length);
    const back = await JSZip.loadAsync(out);
    expect(await back.file('a.xml')!.async('string')).toBe('<a>' + '绩效指标'.repeat(500) + '</a>');
    expect(await back.file('xl/b.xml')!.async('string')).toBe('b');
    expect(Object.keys(back.files).sort()).toEqual(['a.xml', 'xl/', 'xl/b.xml']);
    // JSZip reads DOS times as local time; compare the UTC fields that were written.
    for (const entry of Object.values(back.files)) expect([entry.date.getFullYear(), entry.date.getMonth(), entry.date.getDate(), entry.date.getHours()]).toEqual([2024, 2, 1, 8]);
    expect(deflateZip(stored, date)).toEqual(out);
  });
});
