// Accepted and rejected examples for every rule of the content schemas, run through the real
// schemas with the Chinese messages a person editing content would see.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { departmentSchema, DEFAULT_FRAMEWORK, projectSchema, siteSchema, type ProjectInput } from '../src/schema/index.ts';

const base = parse(readFileSync('content/2023/483001/projects/02-13022923P00JXC4155606.yaml', 'utf8')) as ProjectInput;
const schema = projectSchema();

/** A copy of the valid project with a change applied. */
function project(change: (p: any) => void): unknown {
  const copy = structuredClone(base) as any;
  change(copy);
  return copy;
}

function issues(input: unknown, s: { safeParse: (v: unknown) => any } = schema) {
  const result = s.safeParse(input);
  return result.success ? [] : (result.error.issues as { path: PropertyKey[]; message: string }[]).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('project table schema', () => {
  it('accepts the bundled project and turns Chinese keys into the English model', () => {
    const p = schema.parse(base);
    expect(p.code).toBe('13022923P00JXC4155606');
    expect(p.total).toBe('40000.00');
    expect(p.other).toBeUndefined();
    expect(p.spendingPlan![0]).toEqual({ month: 3, percent: null });
    expect(p.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '个数', value: '1个' });
    expect(p.budgetPhase).toBe('年初预算');
  });

  it.each([
    ['a missing 项目名称', (p: any) => delete p['项目名称'], '项目名称', '缺少必填字段“项目名称”'],
    ['a misspelt key', (p: any) => (p['项目名'] = 'x'), '', '不认识的字段“项目名”'],
    ['年度 written as text', (p: any) => (p['年度'] = '二〇二三'), '年度', '四位数字'],
    ['绩效目标 as a string, not a list', (p: any) => (p['绩效目标'] = '目标'), '绩效目标', '列表'],
    ['a negative amount', (p: any) => (p['预算数'] = '-40000.00'), '预算数', '不能为负数'],
    ['an amount that is not a number', (p: any) => (p['预算数'] = '四万元'), '预算数', '写法不对'],
    ['three decimals in 元', (p: any) => { p['预算数'] = '40000.001'; p['财政资金'] = '40000.001'; }, '预算数', '小数超过 2 位'],
    ['财政 + 其他 ≠ 预算数', (p: any) => (p['其他资金'] = '100.00'), '预算数', '不相等'],
    ['a decreasing spending plan', (p: any) => { p['资金支出计划'][1]['累计比例'] = 60; p['资金支出计划'][2]['累计比例'] = 50; }, '资金支出计划.2.累计比例', '不能减少'],
    ['a plan above 100', (p: any) => (p['资金支出计划'][3]['累计比例'] = 120), '资金支出计划.3.累计比例', '不能超过 100'],
    ['months out of order', (p: any) => (p['资金支出计划'][1]['月份'] = 2), '资金支出计划.1.月份', '先后'],
    ['an unknown 一级指标', (p: any) => (p['绩效指标'][0]['一级指标'] = '投入指标'), '绩效指标.0.一级指标', '不在指标体系中'],
    ['a 二级 under the wrong 一级', (p: any) => (p['绩效指标'][4]['二级指标'] = '质量指标'), '绩效指标.4.二级指标', '不属于一级指标“效益指标”'],
    ['a malformed project code', (p: any) => (p['项目编码'] = '13022923P00JXC41556'), '项目编码', '应为 21 位'],
    ['a lower-case project code', (p: any) => (p['项目编码'] = '13022923p00jxc4155606'), '项目编码', '格式不对'],
    ['a duplicate indicator row', (p: any) => p['绩效指标'].push({ ...p['绩效指标'][0] }), '绩效指标.9.三级指标', '与第 1 条重复'],
    ['an unknown money unit', (p: any) => (p['金额单位'] = '千元'), '金额单位', '元'],
    ['an unknown budget phase', (p: any) => (p['预算阶段'] = '预算'), '预算阶段', '年初预算'],
    ['no indicators', (p: any) => (p['绩效指标'] = []), '绩效指标', '至少要有一条'],
    ['a unit code without quotes that lost its form', (p: any) => (p['单位编码'] = 483001), '单位编码', '带引号'],
  ])('rejects %s', (_what, change, path, message) => {
    const found = issues(project(change));
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)!.message).toContain(message);
  });

  it.each([
    ['an amount written as a YAML number', (p: any) => { p['预算数'] = 40000; p['财政资金'] = 40000; }],
    ['thousands separators', (p: any) => { p['预算数'] = '40,000.00'; p['财政资金'] = '39,000.00'; p['其他资金'] = '1,000.00'; }],
    ['财政 + 其他 = 预算数 to the fen', (p: any) => { p['预算数'] = '40000.01'; p['财政资金'] = '39999.99'; p['其他资金'] = '0.02'; }],
    ['万元 with up to six decimals', (p: any) => { p['金额单位'] = '万元'; p['预算数'] = '4.000001'; p['财政资金'] = '4.000001'; }],
    ['a percent written with %', (p: any) => (p['资金支出计划'][3]['累计比例'] = '100%')],
    ['an empty checkpoint between planned ones', (p: any) => { p['资金支出计划'][0]['累计比例'] = 10; p['资金支出计划'][2]['累计比例'] = 40; }],
    ['no 指标值确定依据', (p: any) => delete p['绩效指标'][0]['指标值确定依据']],
    ['an unreadable 指标值 (shown as written, never rejected)', (p: any) => (p['绩效指标'][0]['指标值'] = '≤1总吨数')],
  ])('accepts %s', (_what, change) => {
    expect(issues(project(change))).toEqual([]);
  });

  it('keeps an empty checkpoint empty rather than 0', () => {
    expect(schema.parse(project((p) => (p['资金支出计划'][0]['累计比例'] = ''))).spendingPlan![0]!.percent).toBeNull();
  });

  it('reports every problem of a file, not only the first', () => {
    const found = issues(project((p) => {
      p['项目编码'] = 'X';
      p['绩效指标'][0]['一级指标'] = '投入指标';
      p['资金支出计划'][3]['累计比例'] = 120;
    }));
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it('follows a configured indicator framework (财预〔2021〕101号 moves 成本指标 up)', () => {
    const framework = [
      ...DEFAULT_FRAMEWORK.filter((f) => f.level1 !== '产出指标'),
      { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标'] },
      { level1: '成本指标', level2: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
    ];
    const configured = projectSchema({ framework });
    expect(issues(base, configured).map((i) => i.path)).toEqual(['绩效指标.3.二级指标']);
    const moved = project((p) => Object.assign(p['绩效指标'][3], { 一级指标: '成本指标', 二级指标: '经济成本指标' }));
    expect(issues(moved, configured)).toEqual([]);
  });
});

describe('department schema', () => {
  const department = parse(readFileSync('content/2023/483001/department.yaml', 'utf8'));
  it('accepts the bundled department targets with all nine columns per row', () => {
    const d = departmentSchema.parse(department);
    expect(d.itemizedTargets).toHaveLength(31);
    expect(Object.keys(d.itemizedTargets![0]!)).toHaveLength(9);
    expect(d.safeguards!.measures).toHaveLength(4);
  });
  it('rejects a row without 职能 and an unknown column', () => {
    const copy = structuredClone(department);
    copy['分项绩效目标'][0]['职能'] = '';
    copy['分项绩效目标'][1]['备注'] = 'x';
    expect(issues(copy, departmentSchema).map((i) => i.path)).toEqual(['分项绩效目标.0.职能', '分项绩效目标.1']);
  });
});

describe('site configuration schema', () => {
  const site = { 网站名称: '预算公开', 主办单位: '某镇人民政府', 联系方式: { 电话: '0315-1234567' } };
  it('accepts a minimal site and fills the defaults', () => {
    const s = siteSchema.parse(site);
    expect(s.base).toBe('/');
    expect(s.indicatorFramework).toEqual(DEFAULT_FRAMEWORK);
  });
  it('accepts the optional registration numbers when well formed', () => {
    expect(issues({ ...site, 网站标识码: '1302290001', ICP备案号: '冀ICP备12345678号-1', 公安备案号: '冀公网安备13022902000123号', 网站地址: 'https://www.example.gov.cn', 基础路径: '/yusuan/' }, siteSchema)).toEqual([]);
  });
  it.each([
    ['网站标识码', '12345', '10 位'],
    ['ICP备案号', '备案中', 'ICP备'],
    ['公安备案号', '123', '公网安备'],
    ['网站地址', 'www.example.gov.cn', '完整网址'],
    ['基础路径', 'yusuan', '以 / 开头'],
  ])('rejects a malformed %s', (key, value, message) => {
    const found = issues({ ...site, [key]: value }, siteSchema);
    expect(found[0]?.path).toBe(key);
    expect(found[0]?.message).toContain(message);
  });
  it('requires the publishing body and a way to contact it', () => {
    expect(issues({ 网站名称: 'x', 联系方式: { 电话: '1' } }, siteSchema)[0]?.message).toContain('缺少必填字段“主办单位”');
    expect(issues({ ...site, 联系方式: {} }, siteSchema)[0]?.message).toContain('至少写一项');
  });
});
