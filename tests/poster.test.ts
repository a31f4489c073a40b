import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { absoluteUrl } from '../src/lib/views/page-meta.ts';
import { clip, keyTargets, MAX_PROJECT_TARGETS, MAX_TEXT, MAX_UNIT_PROJECTS, planSentence, projectPoster, unitPoster } from '../src/lib/views/poster.ts';
import { projectSchema, type Project } from '../src/schema/project.ts';

const dir = 'content/2023/483001/projects';
const projects = readdirSync(dir).sort().map((f) => projectSchema().parse(parse(readFileSync(`${dir}/${f}`, 'utf8'))));
const garbage = projects.find((p) => p.code === '13022923P00JXC415564L')!;
const withIndicators = (p: Project, n: number): Project => ({ ...p, indicators: Array.from({ length: n }, (_, k) => ({ ...p.indicators[0]!, name: `指标${k + 1}` })) });

describe('the address a poster’s QR code opens', () => {
  it('is 网站地址 + 基础路径 + the page’s path', () => {
    expect(absoluteUrl('https://example.gov.cn', '/yusuan/', '2023/483001/projects/X/')).toBe('https://example.gov.cn/yusuan/2023/483001/projects/X/');
    expect(absoluteUrl('https://example.gov.cn/', '/', '2023/483001/')).toBe('https://example.gov.cn/2023/483001/');
  });

  it('does not exist without 网站地址 (a QR code never guesses)', () => {
    expect(absoluteUrl(undefined, '/yusuan/', '2023/483001/')).toBeUndefined();
  });
});

describe('what a project poster says', () => {
  it('gives the title, money with its unit and phase, funds, purpose, plan and every indicator', () => {
    const poster = projectPoster(garbage);
    expect(poster.title).toBe('2023年预算绩效目标公示');
    expect(poster.name).toBe(garbage.name);
    expect(poster.amount).toBe('219,800.00 元（年初预算）');
    expect(poster.funds).toBe('财政资金 219,800.00 元');
    expect(poster.purpose).toBe(garbage.purpose);
    expect(poster.targets).toHaveLength(garbage.indicators.length);
    expect(poster.targets[0]).toEqual({ name: garbage.indicators[0]!.name, value: garbage.indicators[0]!.value });
    expect(poster.size).toBe('large');
  });

  it('says the spending plan in one sentence, empty checkpoints as 未列计划 (never 0)', () => {
    expect(planSentence(garbage)).toBe('到3月底累计支出25%，6月底50%，10月底75%，12月底100%（到12月底共 219,800.00 元）。');
    const partial = { ...garbage, spendingPlan: [{ month: 6, percent: 50 }, { month: 12, percent: null }] };
    expect(planSentence(partial)).toBe('到6月底累计支出50%（到6月底共 109,900.00 元）；12月底未列计划。');
    expect(planSentence({ ...garbage, spendingPlan: [{ month: 12, percent: null }] })).toBe('没有列出资金支出计划。');
    expect(planSentence({ ...garbage, spendingPlan: undefined })).toBeUndefined();
  });

  it('scales the type down by the number of indicators in steps, and lists at most 24 saying how many there are', () => {
    expect(projectPoster(withIndicators(garbage, 10)).size).toBe('large');
    expect(projectPoster(withIndicators(garbage, 11)).size).toBe('medium');
    expect(projectPoster(withIndicators(garbage, 17)).size).toBe('small');
    const many = projectPoster(withIndicators(garbage, 40));
    expect(many.targets).toHaveLength(MAX_PROJECT_TARGETS);
    expect(many.targetCount).toBe(40);
  });

  it('cuts long free text, saying that the full text is on the web page', () => {
    expect(clip('短')).toBe('短');
    const long = '字'.repeat(MAX_TEXT + 1);
    expect(clip(long)).toBe(`${'字'.repeat(MAX_TEXT)}……（全文见网页）`);
  });
});

describe('what a unit poster says', () => {
  it('gives the totals and every project with its money and two key targets, measurable ones first', () => {
    const poster = unitPoster(2023, '玉田县林南仓镇人民政府本级', projects);
    expect(poster.total).toBe('3,167,310.00');
    expect(poster.projectCount).toBe(14);
    expect(poster.targetCount).toBe(126);
    expect(poster.rows.map((r) => r.name)).toEqual(projects.map((p) => p.name));
    expect(poster.rows[0]!.amount).toBe('219,800.00');
    expect(poster.rows.every((r) => r.targets.length === 2)).toBe(true);
    const petitions = projects.find((p) => p.name === '信访维稳')!; // every 指标值 is ≥90百分百
    const qualitativeFirst = { ...petitions, indicators: [{ ...petitions.indicators[0]!, name: '定性', value: '及时' }, ...petitions.indicators] };
    expect(keyTargets(qualitativeFirst).map((t) => t.name)).not.toContain('定性');
  });

  it('lists at most 20 projects', () => {
    const many = Array.from({ length: 25 }, (_, k) => ({ ...garbage, name: `项目${k}` }));
    const poster = unitPoster(2023, '某单位', many);
    expect(poster.rows).toHaveLength(MAX_UNIT_PROJECTS);
    expect(poster.projectCount).toBe(25);
    expect(poster.size).toBe('small');
  });
});
