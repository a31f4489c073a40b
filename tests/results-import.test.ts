// Result tables (执行监控表, 项目支出绩效自评表, 部门整体支出绩效自评表): read from .xlsx, .docx and
// text by their labels, every cell placed, the kind recognised, bad tables refused in Chinese with
// the cell, the command line end to end, and the Excel export reading back to the same YAML.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classifyContentPath } from '../src/lib/site/content-layout.ts';
import { detectResultLayout, importResultFile, resultGrid, TOTAL_POINTS_KEY } from '../src/lib/import/result-table.ts';
import { RESULT_LAYOUTS, type ResultKind } from '../src/schema/result-layouts.ts';
import { resultYaml, yamlWriters } from '../src/lib/import/write-yaml.ts';
import type { Grid, GridFile } from '../src/lib/office/grid.ts';
import { readDocxGrids } from '../src/lib/office/grid-docx.ts';
import { readTextGrids, writeTextGrids } from '../src/lib/office/grid-text.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { resultWorkbook } from '../src/lib/outputs/result-xlsx.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema } from '../src/schema/results.ts';
import { fileBytes, FORMATS, LAYOUT_SAMPLES, type Format } from './fixtures/layouts/files.ts';
import { EVALUATION, MONITORING, RESULT_SAMPLES } from './fixtures/results/samples.ts';
import { ROOT, runCli, schemaOf } from './helpers.ts';

const SCHEMAS = { monitoring: monitoringSchema(), evaluation: evaluationSchema(), departmentEvaluation: departmentEvaluationSchema() };

async function read(bytes: Uint8Array, format: Format): Promise<GridFile> {
  const file = format === 'xlsx' ? await readXlsxGrids(bytes) : format === 'docx' ? await readDocxGrids(bytes) : readTextGrids(new TextDecoder().decode(bytes));
  if ('error' in file) throw new Error(file.error);
  return file;
}
const importOf = async (grid: Grid, format: Format = 'xlsx') => importResultFile(await read(await fileBytes([grid], format), format));

describe('result tables', () => {
  for (const sample of RESULT_SAMPLES) {
    it(`the ${sample.name} sample is a valid content file`, () => {
      expect(SCHEMAS[sample.kind].safeParse(sample.table).error?.issues ?? []).toEqual([]);
    });
    for (const format of FORMATS) {
      it(`${sample.name} from .${format} imports to the same YAML`, async () => {
        const result = await importOf(resultGrid(sample.kind, sample.table), format);
        expect(result.problems).toEqual([]);
        expect(result.layout?.kind).toBe(sample.kind);
        expect(result.tables.map((t) => resultYaml(sample.kind, t))).toEqual([resultYaml(sample.kind, sample.table)]);
      });
    }
  }

  it('Excel round trip: resultWorkbook → import gives every result file of the example county byte for byte, from data or YAML text', async () => {
    const county = join(ROOT, 'examples/county/content');
    const files = readdirSync(county, { recursive: true, encoding: 'utf8' })
      .map((f) => [classifyContentPath(f.split('\\').join('/'))?.kind, f] as const)
      .filter((e): e is ['monitoring' | 'evaluation' | 'departmentEvaluation', string] => e[0] === 'monitoring' || e[0] === 'evaluation' || e[0] === 'departmentEvaluation');
    expect(files.length).toBeGreaterThan(20);
    for (const [kind, path] of files) {
      const text = readFileSync(join(county, path), 'utf8');
      const bytes = await resultWorkbook(kind, text, { date: new Date('2025-03-01T00:00:00Z') });
      expect(await resultWorkbook(kind, parse(text), { date: new Date('2025-03-01T00:00:00Z') })).toEqual(bytes);
      const result = importResultFile(await read(bytes, 'xlsx'));
      expect(result.problems, path).toEqual([]);
      expect(resultYaml(kind, result.tables[0]!), path).toBe(resultYaml(kind, parse(text)));
    }
  });

  it('writes the published layout: merged money caption and levels, a 总分 row, the monitoring period in the headers', () => {
    const evaluation = resultGrid('evaluation', EVALUATION);
    const texts = evaluation.rows.map((r) => r.map((c) => c?.text ?? ''));
    expect(evaluation.rows.flat().find((c) => c?.text === '项目资金（万元）')?.rowSpan).toBe(5);
    expect(evaluation.rows.flat().find((c) => c?.text === '产出指标(50分)')?.rowSpan).toBe(3);
    expect(texts.find((r) => r.includes('一级指标'))).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(texts.find((r) => r[0] === '总分')!.filter(Boolean)).toEqual(['总分', '100', '99.1']);
    const monitoring = resultGrid('monitoring', MONITORING).rows.map((r) => r.map((c) => c?.text ?? ''));
    expect(monitoring.find((r) => r.includes('年初预算数'))).toContain('1-6月执行数');
    expect(monitoring.find((r) => r.includes('一级指标'))).toContain('1-6月执行情况');
  });

  it('every non-empty cell of the source is in the YAML or is a known label', () => {
    const labels = new Set(RESULT_LAYOUTS.flatMap((l) => [l.title, ...l.head, ...l.money, ...l.goal, ...l.indicators, ...l.closing].flatMap((x) => (typeof x === 'string' ? [x] : [x.label]))));
    for (const extra of ['项目资金（万元）', '年度总体目标', '总分', '（2024年度）', '单位：万元', '1-6月执行数', '1-6月执行情况']) labels.add(extra);
    for (const sample of RESULT_SAMPLES) {
      const grid = readTextGrids(writeTextGrids([resultGrid(sample.kind, sample.table)])).grids[0]!;
      const result = importResultFile({ grids: [grid], after: [] });
      const yaml = resultYaml(sample.kind, result.tables[0]!);
      for (const row of grid.rows) {
        for (const cell of row) {
          const text = cell?.text.trim() ?? '';
          if (text === '' || labels.has(text) || yaml.includes(text)) continue;
          // The unit line names the unit; the 总分 row's 分值 is the sum of the 分值 above it (100).
          if (text === `填报单位：${String(sample.table['单位编码'])}${String(sample.table['单位名称'])}` || text === '100') continue;
          throw new Error(`${sample.name}: “${text}” is not in the YAML`);
        }
      }
      expect((result.tables[0]!['其他栏目'] as Record<string, string> | undefined)?.[TOTAL_POINTS_KEY]).toBe(sample.name === '省级自评表' ? '110' : undefined);
    }
  });

  it('reads 偏差原因类别 as check marks under a two-row header', () => {
    const lines = writeTextGrids([resultGrid('monitoring', MONITORING)]).split('\n').map((l) => l.split('\t'));
    const header = lines.findIndex((l) => l.includes('一级指标'));
    const k = lines[header]!.indexOf('偏差原因类别');
    const categories = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'];
    const out = lines.map((l, n) => {
      if (l.length < 2) return l;
      const cell = l[k] ?? '';
      const marks = n > header ? categories.map((c) => (cell.split('、').includes(c) ? '√' : '')) : [cell, '', '', '', ''];
      return [...l.slice(0, k), ...marks, ...l.slice(k + 1)];
    });
    out.splice(header + 1, 0, out[header]!.map((_, c) => (c >= k && c < k + 5 ? categories[c - k]! : '')));
    const result = importResultFile(readTextGrids(out.map((l) => l.join('\t')).join('\n')));
    expect(result.problems).toEqual([]);
    expect(resultYaml('monitoring', result.tables[0]!)).toBe(resultYaml('monitoring', MONITORING));
  });

  it('takes the year and unit from --year / --unit when the table does not print them, and makes a stable 网址标识', () => {
    const { 项目编码: _, ...withoutCode } = EVALUATION;
    const grid = resultGrid('evaluation', withoutCode);
    grid.rows.splice(1, 2); // （2024年度） and the 填报单位 line
    const file = { grids: [grid], after: [] };
    expect(importResultFile(file).problems.map((p) => p.message)).toEqual([expect.stringContaining('表中没有单位编码。请用 --unit 指定')]);
    expect(importResultFile(file, { unit: '910001' }).problems.map((p) => p.message)).toEqual([expect.stringContaining('无法判断年度')]);
    const options = { year: 2024, unit: '910001 示例县示例镇人民政府' };
    const [table] = importResultFile(file, options).tables;
    expect(table).toMatchObject({ 单位编码: '910001', 单位名称: '示例县示例镇人民政府', 年度: 2024, 网址标识: expect.stringMatching(/^jx-[0-9a-f]{8}$/) });
    expect(importResultFile(file, options).tables[0]!['网址标识']).toBe(table!['网址标识']);
    expect(importResultFile(file, { ...options, targetOf: () => ({ 网址标识: 'sc-0a1b2c3d' }) }).tables[0]!['网址标识']).toBe('sc-0a1b2c3d');
    expect(importResultFile({ grids: [resultGrid('evaluation', EVALUATION)], after: [] }, { year: 2023 }).problems[0]!.message).toContain('与 --year 2023 不同');
  });

  it('recognises the kind of table by its labels, and a target table as none', async () => {
    for (const sample of RESULT_SAMPLES) expect(detectResultLayout([resultGrid(sample.kind, sample.table)])?.kind).toBe(sample.kind);
    for (const sample of LAYOUT_SAMPLES) expect(detectResultLayout(sample.grids)).toBeUndefined();
  });
});

describe('bad result tables are refused in Chinese with the cell, and nothing is read', () => {
  const edited = (kind: ResultKind, table: Record<string, unknown>, edit: (rows: string[][]) => void): Grid => {
    const grid = structuredClone(resultGrid(kind, table));
    const texts = grid.rows.map((r) => r.map((c) => c?.text ?? ''));
    edit(texts);
    grid.rows.forEach((r, i) => r.forEach((c, j) => c && (c.text = texts[i]![j]!)));
    return grid;
  };
  const expectRefused = async (grid: Grid, where: RegExp, message: RegExp) => {
    for (const format of FORMATS) {
      const result = await importOf(grid, format);
      expect(result.tables).toEqual([]);
      expect(result.problems.some((p) => (format === 'xlsx' ? where.test(p.where) : p.where !== '') && message.test(p.message))).toBe(true);
    }
  };

  it('a column of another kind of table', async () => {
    const grid = edited('monitoring', MONITORING, (rows) => {
      const header = rows.find((r) => r.includes('备注'))!;
      header[header.indexOf('备注')] = '实际完成值';
    });
    await expectRefused(grid, /^项目支出绩效目标执行监控表!J\d+$/, /栏目“实际完成值”是项目支出绩效自评表的栏目/);
  });

  it('a cell it cannot place', async () => {
    const grid = edited('evaluation', EVALUATION, (rows) => {
      rows.find((r) => r[0] === '总分')![7] = '另附说明';
    });
    await expectRefused(grid, /^项目支出绩效自评表!H\d+$/, /“另附说明”.*无法放进任何字段/);
  });

  it('a bad amount', async () => {
    const grid = edited('evaluation', EVALUATION, (rows) => {
      rows.find((r) => r[1] === '上年结转资金')![2] = '1.2.3';
    });
    await expectRefused(grid, /^项目支出绩效自评表!C\d+$/, /年初预算数“1\.2\.3”不是金额/);
  });

  it('two tables of one project in one file', async () => {
    const result = importResultFile(await read(await fileBytes([resultGrid('evaluation', EVALUATION), resultGrid('evaluation', EVALUATION)], 'xlsx'), 'xlsx'));
    expect(result.tables).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('导入后会互相覆盖')]);
  });

  it('a missing 项目名称', async () => {
    const grid = edited('evaluation', EVALUATION, (rows) => {
      rows.find((r) => r[0] === '项目名称')![1] = '';
    });
    await expectRefused(grid, /^项目支出绩效自评表!B\d+$/, /没有项目名称/);
  });
});

describe('npm run import of result tables', () => {
  const content = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-results-'));
    cpSync(join(ROOT, 'examples/county/content'), join(dir, 'content'), { recursive: true });
    return dir;
  };
  const UNIT = 'content/2024/910001';

  it('writes the self-evaluation (项目编码 from the target table of the same name), the monitoring table and the department self-evaluation, then validates', async () => {
    const dir = content();
    const expected = readFileSync(join(dir, UNIT, 'evaluations/01-road.yaml'), 'utf8');
    rmSync(join(dir, UNIT, 'evaluations/01-road.yaml'));
    const { 项目编码: _, ...withoutCode } = EVALUATION;
    writeFileSync(join(dir, '自评表.xlsx'), await resultWorkbook('evaluation', withoutCode));
    const evaluation = runCli('import', [join(dir, '自评表.xlsx'), '--content', join(dir, 'content')]);
    expect(evaluation.stderr).toBe('');
    expect(evaluation.status).toBe(0);
    // Beside its target table, under the same file name.
    const written = readFileSync(join(dir, UNIT, 'evaluations/01-road.yaml'), 'utf8');
    expect(schemaOf(join(dir, UNIT, 'evaluations/01-road.yaml'))).toBe(join(ROOT, 'schemas', 'evaluation.schema.json'));
    expect(parse(written)).toEqual(parse(expected));
    expect(existsSync(join(dir, UNIT, 'source/自评表.xlsx'))).toBe(true);

    writeFileSync(join(dir, '监控表.txt'), writeTextGrids([resultGrid('monitoring', MONITORING)]));
    const monitoring = runCli('import', [join(dir, '监控表.txt'), '--content', join(dir, 'content')]);
    expect(monitoring.status).toBe(0);
    expect(readFileSync(join(dir, UNIT, 'monitoring/01-road.yaml'), 'utf8')).toBe(yamlWriters(join(dir, UNIT, 'monitoring')).result('monitoring', MONITORING)); // updated in place

    const department = RESULT_SAMPLES.find((s) => s.kind === 'departmentEvaluation')!.table;
    writeFileSync(join(dir, '部门自评.docx'), await fileBytes([resultGrid('departmentEvaluation', department)], 'docx'));
    const result = runCli('import', [join(dir, '部门自评.docx'), '--content', join(dir, 'content')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const yaml = readFileSync(join(dir, UNIT, 'department-evaluation.yaml'), 'utf8');
    expect(schemaOf(join(dir, UNIT, 'department-evaluation.yaml'))).toBe(join(ROOT, 'schemas', 'department-evaluation.schema.json'));
    expect(yaml).toBe(yamlWriters(join(dir, UNIT)).result('departmentEvaluation', department));
  });

  it('fails with the cell and writes nothing', async () => {
    const dir = content();
    const grid = structuredClone(resultGrid('evaluation', EVALUATION));
    grid.rows.find((r) => r[1]?.text === '上年结转资金')![2] = { text: '十二' };
    const before = readFileSync(join(dir, UNIT, 'evaluations/01-road.yaml'), 'utf8');
    writeFileSync(join(dir, 'bad.xlsx'), await fileBytes([grid], 'xlsx'));
    const result = runCli('import', [join(dir, 'bad.xlsx'), '--content', join(dir, 'content')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/项目支出绩效自评表!C\d+ {2}年初预算数“十二”不是金额/);
    expect(result.stderr).toContain('没有写入任何文件');
    expect(readFileSync(join(dir, UNIT, 'evaluations/01-road.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, UNIT, 'source'))).toBe(false);
  });
});
