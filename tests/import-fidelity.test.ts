// The importer must carry every non-empty cell of the approved document into content/, and invent
// nothing. This test reads the source on its own terms (not through the importer) and compares,
// file by file, the cells in each file's 来源 line range with the values in its YAML.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const UNIT_DIR = 'content/2023/483001';
const SOURCE = join(UNIT_DIR, 'source/000_450f3943667c7c22.txt');
const sourceLines = readFileSync(SOURCE, 'utf8').split(/\r?\n/);

/** Non-empty cells and text lines of source lines from..to (1-based, inclusive). */
function sourceCells(from: number, to: number): string[] {
  const cells: string[] = [];
  for (let n = from; n <= to; n++) {
    const line = (sourceLines[n - 1] ?? '').replace(/^\s*\[bookmark: [^\]]*\]/, '');
    for (const cell of line.split('\t')) if (cell.trim() !== '') cells.push(cell.trim());
  }
  return cells;
}

/** Template labels printed once in every project table: structure, not data. */
const PROJECT_LABELS = ['项目编码', '项目名称', '预算规模及资金用途', '预算数', '其中：财政    资金', '其他资金', '资金支出计划（%）', '绩效目标', '一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
const DEPARTMENT_LABELS = ['第一部分', '部门整体绩效目标', '一、总体绩效目标', '二、分项绩效目标', '分项绩效目标：', '三、工作保障措施'];

function withoutLabels(cells: string[], labels: string[]): string[] {
  const rest = [...cells];
  for (const label of labels) {
    const i = rest.indexOf(label);
    expect(i, `template label “${label}” in the source`).toBeGreaterThanOrEqual(0);
    rest.splice(i, 1);
  }
  return rest;
}

/** A merged cell appears once in the source, at the first row of its group. */
function mergedOnce<T>(rows: T[], key: (row: T) => string): string[] {
  return rows.map(key).filter((value, i, all) => i === 0 || value !== all[i - 1]);
}

type Yaml = Record<string, any>;
const sorted = (values: string[]) => [...values].sort();

const projectFiles = readdirSync(join(UNIT_DIR, 'projects')).sort();
const projects = projectFiles.map((name) => ({ name, data: parse(readFileSync(join(UNIT_DIR, 'projects', name), 'utf8')) as Yaml }));
const department = parse(readFileSync(join(UNIT_DIR, 'department.yaml'), 'utf8')) as Yaml;

describe('importer fidelity: every cell of the approved document is in content/', () => {
  it('has all 14 project tables, in document order', () => {
    expect(projects).toHaveLength(14);
    const starts = projects.map((p) => p.data['来源']['起止行'][0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it.each(projects.map((p) => [p.name, p.data] as const))('%s holds exactly the cells of its table', (_name, p) => {
    const [from, to] = p['来源']['起止行'];
    const expected = withoutLabels(sourceCells(from, to), PROJECT_LABELS);
    const indicators = p['绩效指标'] as Yaml[];
    const written = [
      p['原文标题'],
      `${p['单位编码']}${p['单位名称']}`,
      `单位：${p['金额单位']}`,
      p['项目编码'],
      p['项目名称'],
      p['预算数'],
      p['财政资金'],
      ...(p['其他资金'] === undefined ? [] : [p['其他资金']]),
      p['资金用途'],
      ...(p['资金支出计划'] as Yaml[]).flatMap((c) => [`${c['月份']}月底`, ...(c['累计比例'] === null ? [] : [`${c['累计比例']}%`])]),
      ...p['绩效目标'],
      ...mergedOnce(indicators, (i) => i['一级指标']),
      ...mergedOnce(indicators, (i) => `${i['一级指标']}\u0000${i['二级指标']}`).map((k) => k.split('\u0000')[1]!),
      ...indicators.flatMap((i) => [i['三级指标'], i['绩效指标描述'], i['指标值'], i['指标值确定依据']].filter((v) => v !== undefined)),
    ].map(String);
    expect(sorted(written)).toEqual(sorted(expected));
  });

  it('department.yaml holds exactly the cells of the department part', () => {
    const [from, to] = department['来源']['起止行'];
    const expected = withoutLabels(sourceCells(from, to), DEPARTMENT_LABELS);
    const rows = department['分项绩效目标'] as Yaml[];
    const columns = ['职能描述', '年度目标', '工作任务', '任务描述', '绩效指标', '指标值', '指标描述', '评价标准'];
    const written = [
      ...department['总体绩效目标'],
      ...mergedOnce(rows, (r) => r['职能']),
      ...rows.flatMap((r) => columns.map((c) => r[c])),
      department['工作保障措施']['引言'],
      ...department['工作保障措施']['措施'],
    ].map(String);
    expect(rows).toHaveLength(31);
    expect(sorted(written)).toEqual(sorted(expected));
  });

  it('leaves no cell of the source outside the files’ line ranges', () => {
    const covered = new Set<number>();
    for (const [from, to] of [department['来源']['起止行'], ...projects.map((p) => p.data['来源']['起止行'])]) {
      for (let n = from; n <= to; n++) covered.add(n);
    }
    const outside = sourceLines.map((text, i) => ({ n: i + 1, text })).filter(({ n, text }) => text.trim() !== '' && !covered.has(n));
    expect(outside).toEqual([]);
  });

  it('keeps the budgets adding up to the document’s 3,167,310.00 元', () => {
    const fen = projects.reduce((sum, p) => sum + BigInt(String(p.data['预算数']).replace('.', '')), 0n);
    expect(fen).toBe(316731000n);
  });

  it('keeps an empty spending-plan cell empty, not 0', () => {
    const well = projects.find((p) => p.data['项目名称'] === '2022年人饮井更新')!;
    expect(well.data['资金支出计划']).toEqual([
      { 月份: 3, 累计比例: null },
      { 月份: 6, 累计比例: null },
      { 月份: 10, 累计比例: null },
      { 月份: 12, 累计比例: 100 },
    ]);
  });
});
