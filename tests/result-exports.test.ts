// The downloads and search records of the later stages (执行监控, 绩效自评), made from the example
// county (examples/county, 示例数据) and read back: every YAML value must appear unchanged (no
// number re-rounded, `-` kept), and the site's reading must sit in columns labelled as such.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dataPackage, parseCsv, tableCsv, withDemoColumn, withDemoNotice } from '../src/lib/outputs/tables.ts';
import { OUTCOME_LABELS } from '../src/lib/reading/outcome.ts';
import { resultDownloadLinks } from '../src/lib/outputs/result-downloads.ts';
import { evaluationsTable, monitoringTable, RESULT_TABLE_NAMES, resultMoneyTable, resultsJson, type ExportResult, type ExportResults } from '../src/lib/outputs/result-tables.ts';
import { optionalFiltersIn, searchDocuments } from '../src/lib/search/search-index.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema, type DepartmentEvaluation, type Evaluation, type Monitoring } from '../src/schema/results.ts';

const ROOT = 'examples/county/content';
const years = readdirSync(ROOT).filter((d) => /^\d{4}$/.test(d));
const unitDirs = years.flatMap((y) => readdirSync(join(ROOT, y)).map((u) => join(ROOT, y, u)));
const yamlFiles = (folder: string) => unitDirs.flatMap((dir) => {
  try {
    return readdirSync(join(dir, folder)).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, folder, f));
  } catch {
    return [];
  }
});
function load<T>(files: string[], parseData: (raw: unknown) => T): ExportResult<T>[] {
  return files.map((file) => {
    const raw = parse(readFileSync(file, 'utf8')) as unknown;
    return { raw, data: parseData(raw) };
  });
}
const results: ExportResults = {
  monitoring: load<Monitoring>(yamlFiles('monitoring'), (raw) => monitoringSchema().parse(raw)),
  evaluations: load<Evaluation>(yamlFiles('evaluations'), (raw) => evaluationSchema().parse(raw)),
  departmentEvaluations: load<DepartmentEvaluation>(
    unitDirs.map((d) => join(d, 'department-evaluation.yaml')).filter((f) => { try { readFileSync(f); return true; } catch { return false; } }),
    (raw) => departmentEvaluationSchema().parse(raw),
  ),
};

type Yaml = Record<string, any>;
const yamlOf = (r: ExportResult<unknown>) => r.raw as Yaml;
/** A published value as the download must show it: the YAML text, lists joined with 、. */
const written = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v));
function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}
const keyOf = (y: Yaml) => y['项目编码'] ?? '';

it('the example has every kind of result file', () => {
  expect(results.monitoring.length).toBeGreaterThan(5);
  expect(results.evaluations.length).toBeGreaterThan(5);
  expect(results.departmentEvaluations.length).toBe(1);
});

describe('monitoring.csv', () => {
  const rows = records(tableCsv(monitoringTable(results.monitoring)));
  it('has a row per monitoring indicator with every YAML cell verbatim', () => {
    expect(rows).toHaveLength(results.monitoring.reduce((n, m) => n + m.data.indicators.length, 0));
    for (const m of results.monitoring) {
      const y = yamlOf(m);
      const own = rows.filter((r) => r['年度'] === String(y['年度']) && r['项目编码'] === y['项目编码']);
      expect(own).toHaveLength(y['绩效指标'].length);
      own.forEach((row, i) => {
        expect(row).toMatchObject({ 单位编码: y['单位编码'], 单位名称: y['单位名称'], 项目名称: y['项目名称'], 监控截至月份: String(y['监控截至月份']), 表: RESULT_TABLE_NAMES.monitoring, 序号: String(i + 1) });
        for (const [key, value] of Object.entries(y['绩效指标'][i] as Yaml)) expect(row[key], `${y['项目名称']} 第 ${i + 1} 条的 ${key}`).toBe(written(value));
      });
    }
  });
});

describe('evaluations.csv', () => {
  const rows = records(tableCsv(evaluationsTable(results)));
  const tables = [...results.evaluations.map((e) => [e, RESULT_TABLE_NAMES.evaluation] as const), ...results.departmentEvaluations.map((e) => [e, RESULT_TABLE_NAMES.departmentEvaluation] as const)];
  it('has a row per evaluation indicator (project and department) with every YAML cell verbatim', () => {
    expect(rows).toHaveLength(tables.reduce((n, [e]) => n + (e.data as Evaluation).indicators.length, 0));
    for (const [e, table] of tables) {
      const y = yamlOf(e);
      const own = rows.filter((r) => r['表'] === table && r['年度'] === String(y['年度']) && r['单位编码'] === y['单位编码'] && r['项目编码'] === keyOf(y));
      expect(own).toHaveLength(y['绩效指标'].length);
      own.forEach((row, i) => {
        for (const [key, value] of Object.entries(y['绩效指标'][i] as Yaml)) expect(row[key], `${y['项目名称'] ?? table} 第 ${i + 1} 条的 ${key}`).toBe(written(value));
      });
    }
  });

  it('puts the site reading in columns labelled 本网站读法, blank for breakdown rows', () => {
    const lights = rows.find((r) => r['年度'] === '2023' && r['三级指标'] === '★亮灯率')!;
    expect(lights).toMatchObject({ 实际完成值: '93%', 分值: '25', 得分: '25', '本网站读法：达成情况': OUTCOME_LABELS.missed, '本网站读法：得分提示': '已给满分，但按本网站的读法未达到目标' });
    const breakdown = rows.find((r) => r['三级指标']!.startsWith('其中：'))!;
    expect(breakdown['本网站读法：达成情况']).toBe('');
    expect(new Set(rows.map((r) => r['本网站读法：达成情况']))).toEqual(new Set(['', ...Object.values(OUTCOME_LABELS)]));
  });
});

describe('result-money.csv', () => {
  const rows = records(tableCsv(resultMoneyTable(results)));
  it('has every published amount of both stages as written, `-` kept, with its phase and unit', () => {
    const all = [
      ...results.monitoring.map((r) => [r, RESULT_TABLE_NAMES.monitoring] as const),
      ...results.evaluations.map((r) => [r, RESULT_TABLE_NAMES.evaluation] as const),
      ...results.departmentEvaluations.map((r) => [r, RESULT_TABLE_NAMES.departmentEvaluation] as const),
    ];
    let amounts = 0;
    for (const [r, table] of all) {
      const y = yamlOf(r);
      for (const money of y['资金'] as Yaml[]) {
        for (const column of ['年初预算数', '调整后预算数', '执行数', '全年预计执行数', '全年预算数', '全年执行数']) {
          if (money[column] === undefined) continue;
          amounts++;
          const found = rows.filter((row) => row['表'] === table && row['年度'] === String(y['年度']) && row['单位编码'] === y['单位编码'] && row['项目编码'] === keyOf(y) && row['栏目'] === money['栏目'] && row['列'] === column);
          expect(found, `${table} ${y['项目名称'] ?? ''} ${money['栏目']} ${column}`).toHaveLength(1);
          expect(found[0]).toMatchObject({ 金额: written(money[column]), 金额单位: y['金额单位'], 执行率: money['执行率'] === undefined ? '' : written(money['执行率']), 分值: money['分值'] === undefined ? '' : written(money['分值']), 得分: money['得分'] === undefined ? '' : written(money['得分']) });
        }
      }
    }
    expect(rows).toHaveLength(amounts);
    expect(rows.some((r) => r['金额'] === '-')).toBe(true);
    expect(new Set(rows.map((r) => r['预算阶段']))).toEqual(new Set(['年初预算', '调整预算', '决算', '全年预计', '监控至6月', '监控至7月']));
  });

  it('is described in the datapackage, with `-` as a missing value', () => {
    const table = resultMoneyTable(results);
    const pkg = dataPackage([{ name: 'result-money', path: 'result-money.csv', bytes: new TextEncoder().encode(tableCsv(table)), columns: table.columns, missingValues: ['-'] }], {
      name: 'x', title: 'x', description: 'x', created: new Date('2025-01-01T00:00:00Z'), sources: [], moneyUnit: '元', budgetPhase: '年初预算',
    }) as { resources: { schema: { fields: Record<string, unknown>[]; missingValues: string[] } }[] };
    const schema = pkg.resources[0]!.schema;
    expect(schema.missingValues).toEqual(['', '-']);
    // The target tables' shared unit and phase do not describe the results' amounts.
    expect(schema.fields.find((f) => f.name === '金额')).toMatchObject({ type: 'number', unitField: '金额单位', phaseField: '预算阶段' });
    expect(schema.fields.find((f) => f.name === '金额')).not.toHaveProperty('phase');
  });
});

it('gongkai.json carries every result file exactly as its YAML parsed', () => {
  const json = JSON.parse(JSON.stringify(resultsJson(results))) as Record<string, unknown[]>;
  expect(json[RESULT_TABLE_NAMES.monitoring]).toHaveLength(results.monitoring.length);
  const everyRaw = [...results.monitoring, ...results.evaluations, ...results.departmentEvaluations].map((r) => r.raw);
  expect(Object.values(json).flat()).toEqual(expect.arrayContaining(everyRaw));
  expect(Object.values(json).flat()).toHaveLength(everyRaw.length);
});

it('a 示例数据 download says so first', () => {
  const marked = withDemoColumn(monitoringTable(results.monitoring));
  expect(marked.columns[0]!.name).toBe('示例数据');
  expect(marked.rows.every((r) => r[0] === '虚构数据，仅用于演示')).toBe(true);
  expect(Object.keys(withDemoNotice({ a: 1 }) as object)).toEqual(['示例数据', 'a']);
});

it('a project links only the result downloads it has', () => {
  const flood = results.evaluations.find((e) => e.data.key === '99000024P00EXAMPLE104')!;
  const links = resultDownloadLinks(2024, '910001', { key: flood.data.key, name: flood.data.name, evaluation: { data: flood.data, file: '', sourcePath: '' } });
  expect(links.map((l) => l.path)).toEqual(['2024/910001/projects/99000024P00EXAMPLE104.evaluation.csv', '2024/910001/projects/99000024P00EXAMPLE104.evaluation.json', '2024/910001/projects/99000024P00EXAMPLE104.evaluation.xlsx']);
});

describe('search documents of results', () => {
  const documents = searchDocuments([], [], {
    monitoring: results.monitoring.map((r) => r.data),
    evaluations: results.evaluations.map((r) => r.data),
    departmentEvaluations: results.departmentEvaluations.map((r) => r.data),
  });
  const sections = documents.flatMap((d) => d.sections.map((s) => ({ doc: d, ...s })));

  it('one document per page, one section per indicator row, landing on the indicator’s line of the results table', () => {
    const rows = [...results.monitoring, ...results.evaluations, ...results.departmentEvaluations].reduce((n, r) => n + (r.data as { indicators: unknown[] }).indicators.length, 0);
    expect(sections).toHaveLength(rows);
    expect(new Set(documents.map((d) => d.url)).size).toBe(documents.length);
    // A department self-evaluation without department targets is on the unit's overview.
    for (const d of documents) expect(d.url).toMatch(/^\/\d{4}\/\d+\/(projects\/[0-9A-Za-z-]+\/)?$/);
    for (const s of sections) expect(s.anchor).toMatch(/^结果-\S+$/);
  });

  it('hold the actual values, progress, forecasts and deviation reasons', () => {
    const shown = sections.flatMap((s) => (s.line.d ?? []).map(([, text]) => text)).join('\n');
    for (const m of results.monitoring) for (const i of m.data.indicators) {
      for (const text of [i.progress, i.forecast, i.deviation]) if (text) expect(shown).toContain(text);
    }
    for (const e of [...results.evaluations, ...results.departmentEvaluations]) for (const i of e.data.indicators) {
      for (const text of [i.actual, i.deviation]) if (text) expect(shown).toContain(text);
    }
    // And they are indexed, not only shown.
    const reason = sections.find((s) => (s.line.d ?? []).some(([, text]) => text.includes('雨季跳闸')))!;
    expect(reason.texts.join('')).toContain('雨季跳闸');
  });

  it('filter self-evaluation rows by 达成情况 (已达到 / 未达到 / 无法判断), monitoring rows not', () => {
    const values = new Set(documents.flatMap((d) => d.filters['达成情况'] ?? []));
    expect(values).toEqual(new Set(Object.values(OUTCOME_LABELS)));
    const lights = sections.find((s) => s.line.t === '★亮灯率' && s.line.k === '绩效自评' && s.doc.year === 2023)!;
    expect(lights.line.f?.达成情况).toBe(OUTCOME_LABELS.missed);
    expect(sections.filter((s) => s.line.k === '执行监控').every((s) => s.line.f?.达成情况 === undefined)).toBe(true);
  });

  it('the 达成情况 filter is offered only where self-evaluations are published', () => {
    expect(optionalFiltersIn([], false)).not.toContain('达成情况');
    expect(optionalFiltersIn([], true)).toContain('达成情况');
  });
});
