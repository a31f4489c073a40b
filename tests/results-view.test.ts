import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatYuan } from '../src/lib/reading/money.ts';
import {
  countyResults,
  cycleIndicators,
  evaluationMoney,
  monitoringMoney,
  planVersusActual,
  projectRate,
  publishedEvaluation,
  publishedMonitoring,
  publishedSheet,
  unitResults,
} from '../src/lib/views/results-view.ts';
import type { ProjectCycle, UnitYear } from '../src/lib/site/entries.ts';
import { projectSchema } from '../src/schema/project.ts';
import { evaluationSchema, monitoringSchema } from '../src/schema/results.ts';

const dir = 'tests/fixtures/results/2024/910001';
const read = (path: string) => parse(readFileSync(`${dir}/${path}`, 'utf8'));
const target = projectSchema().parse(read('projects/01-road.yaml'));
const monitoring = monitoringSchema().parse(read('monitoring/01-road.yaml'));
const evaluation = evaluationSchema().parse(read('evaluations/01-road.yaml'));
const entry = <T>(data: T) => ({ data, file: '', sourcePath: '' });
const cycle: ProjectCycle = { key: target.key, name: target.name, target: entry(target), monitoring: entry(monitoring), evaluation: entry(evaluation) };
const uy: UnitYear = { year: 2024, unit: '910001', unitName: '示例县示例镇人民政府', projects: [entry(target)], results: [cycle] };

describe('indicators side by side', () => {
  const rows = cycleIndicators(cycle);

  it('links the three stages of each indicator in the order of the target table', () => {
    expect(rows.map((r) => r.name)).toEqual(['道路清理次数', '垃圾清运率', '完成时间', '村容村貌', '群众满意度']);
    // ★ and 产出指标(50分) do not keep the self-evaluation row apart from its target.
    expect(rows[0]!.evaluation?.name).toBe('★道路清理次数');
    expect(rows.every((r) => r.target && r.monitoring && r.evaluation)).toBe(true);
  });

  it('shows the published cells: 年度指标值, 当前完成值, 实际完成值, 分值, 得分, the reason', () => {
    const rate = rows[1]!;
    expect(rate.target?.value).toBe('≥95%');
    expect(rate.monitoring?.progress).toBe('92%');
    expect(rate.evaluation?.actual).toBe('93%');
    expect([rate.evaluation?.points, rate.evaluation?.score]).toEqual(['20', '19.5']);
    expect(rate.evaluation?.deviation).toMatch(/^两台清运车辆 5 月故障停运一个月/);
  });

  it('reads 93% against ≥95% as missed and the rest as met', () => {
    expect(rows.map((r) => r.outcome?.status)).toEqual(['met', 'missed', 'met', 'met', 'met']);
    expect(rows.some((r) => r.disagreement)).toBe(false);
    expect(unitResults(uy).counts).toEqual({ met: 4, missed: 1, unknown: 0 });
  });

  it('keeps a row only in the results after the target rows, with its change', () => {
    const added = { ...evaluation.indicators[0]!, name: '新增巡查次数', change: '新增' as const, changeReason: '年中预算调整' };
    const more = cycleIndicators({ ...cycle, evaluation: entry({ ...evaluation, indicators: [added, ...evaluation.indicators] }) });
    expect(more.at(-1)?.name).toBe('新增巡查次数');
    expect(more.at(-1)?.change).toEqual({ kind: '新增', reason: '年中预算调整', replaces: undefined });
    expect(more.at(-1)?.target).toBeUndefined();
  });
});

describe('money by phase', () => {
  it('names each column by its phase and keeps the written decimals and `-`', () => {
    const m = monitoringMoney(monitoring);
    expect(m.columns.map((c) => c.label)).toEqual(['年初预算数', '监控至6月执行数', '监控至6月执行率', '全年预计执行数']);
    expect(m.rows[0]).toEqual({ label: '年度资金总额', cells: ['12.000000', '5.400000', '45.00%', '12.000000'] });
    expect(m.rows[2]!.cells).toEqual(['-', '-', '-', '-']);
    const e = evaluationMoney(evaluation);
    expect(e.columns.map((c) => c.label)).toEqual(['年初预算数', '调整预算数', '决算执行数', '分值', '决算执行率', '得分']);
    expect(e.columns[1]!.published).toBe('全年预算数');
    expect(e.rows[0]!.cells).toEqual(['12.000000', '12.000000', '11.520000', '10', '96.00%', '9.6']);
    expect(e.rows[1]!.cells).toEqual(['12.000000', '12.000000', '11.520000', '', '96.00%', '']);
  });

  it('takes the 决算 执行率 before the monitoring one', () => {
    expect(projectRate(cycle)).toEqual({ text: '96.00%', phase: '决算', computed: false });
    expect(projectRate({ ...cycle, evaluation: undefined })).toEqual({ text: '45.00%', phase: '监控至6月', computed: false });
  });

  it('puts the plan in 元 beside the amounts executed at June and at the year end', () => {
    const points = planVersusActual(target, cycle)!;
    expect(points.map((p) => [p.month, p.planned === null || p.planned === undefined ? p.planned : formatYuan(p.planned), p.executed && `${p.executed.phase} ${formatYuan(p.executed.fen)}`])).toEqual([
      [3, '30,000.00', undefined],
      [6, '60,000.00', '监控至6月执行数 54,000.00'],
      [9, '90,000.00', undefined],
      [12, '120,000.00', '决算执行数 115,200.00'],
    ]);
    expect(planVersusActual(target, { key: target.key, name: target.name, target: entry(target) })).toBeUndefined();
  });
});

describe('the tables as published', () => {
  it('keeps every column the files fill, in the table order', () => {
    const e = publishedEvaluation(evaluation);
    expect(e.headers).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(e.rows[0]).toEqual(['产出指标(50分)', '数量指标', '★道路清理次数', '≥48次', '50次', '20', '20', '']);
    const m = publishedMonitoring(monitoring);
    expect(m.headers).toContain('完成目标可能性');
    expect(m.rows[1]).toContain('硬件条件保障');
    expect(publishedSheet(evaluation)).toContainEqual(['总分', '99.1']);
    expect(publishedSheet(evaluation)).toContainEqual(['评价结论', '项目完成较好，垃圾清运率未达到目标']);
  });
});

describe('summaries of the unit and the county', () => {
  it('lists the project with its 总分, its 决算 执行率 and its deviations linked to their rows', () => {
    const summary = unitResults(uy);
    expect(summary.projects).toEqual([
      { key: target.key, name: '村道路清理', path: `2024/910001/projects/${target.key}/`, rate: { text: '96.00%', phase: '决算', computed: false }, total: '99.1', counts: { met: 4, missed: 1, unknown: 0 } },
    ]);
    expect(summary.deviations.map((d) => [d.indicator, d.stage, d.reason])).toEqual([
      ['垃圾清运率', '绩效自评', '两台清运车辆 5 月故障停运一个月；已更新车辆，并与邻镇签订应急清运协议'],
      ['垃圾清运率', '监控至6月', '硬件条件保障：两台清运车辆 5 月故障停运，已报修'],
    ]);
    expect(summary.deviations[0]!.what).toContain('得分 19.5（分值 20）');
    expect(summary.deviations[0]!.path).toBe(`2024/910001/projects/${target.key}/#结果-质量指标-垃圾清运率`);
  });

  it('adds up a county’s units from 分', () => {
    expect(countyResults([uy, { ...uy, unit: '910002', results: [] }])).toEqual([
      { unit: '910001', unitName: '示例县示例镇人民政府', projects: 1, evaluated: 1, rate: '96.00%', counts: { met: 4, missed: 1, unknown: 0 }, deviations: 2 },
    ]);
  });
});

describe('a self-evaluation without a target table (fixture)', () => {
  const fixture = evaluationSchema().parse(parse(readFileSync('tests/fixtures/results/2024/910002/evaluations/01-bridge.yaml', 'utf8')));
  const alone: ProjectCycle = { key: fixture.key, name: fixture.name, evaluation: entry(fixture) };
  const rows = cycleIndicators(alone);

  it('keeps the published order, counts no 其中 row and notes a full score the reading calls missed', () => {
    expect(rows.map((r) => r.name)).toEqual(['★维修便桥数量', '其中：石拱桥', '验收合格率', '群众出行条件']);
    expect(rows[1]!.breakdown).toBe(true);
    // Measured against the 调整后指标值 (=3座), not the 年度指标值 (=4座).
    expect(rows[0]!.outcome?.status).toBe('met');
    expect(rows[2]!.disagreement).toBe('已给满分，但按本网站的读法未达到目标');
    expect(rows[3]!.change).toEqual({ kind: '新增', reason: '年中预算调整，见示例乡财〔2024〕3号', replaces: undefined });
    const summary = unitResults({ year: 2024, unit: '910002', unitName: '示例县示例乡人民政府', projects: [], results: [alone] });
    expect(summary.counts).toEqual({ met: 1, missed: 1, unknown: 1 });
    expect(summary.deviations.map((d) => [d.indicator, d.what])).toEqual([
      ['验收合格率', '未达到（实际完成 90%，不等于目标 100%）'],
      ['群众出行条件', '得分 27.5（分值 30）'],
    ]);
  });

  it('shows the 其他栏目 of a row as a column of the published table', () => {
    const table = publishedEvaluation(fixture);
    expect(table.headers.at(-1)).toBe('备注');
    expect(table.rows[2]!.at(-1)).toBe('返工后复验合格');
    expect(evaluationMoney(fixture).rows[0]!.cells).toEqual(['50,000.00', '60,000.00', '45,000.00', '10', '75.00%', '7.5']);
  });
});
