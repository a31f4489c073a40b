import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readIndicatorValue } from '../src/lib/reading/indicator-value.ts';
import { moneySentence, plainSummary, planSentence, plainTarget, purposeSentences, targetWords } from '../src/lib/views/plain-summary.ts';
import { projectSchema, type Indicator } from '../src/schema/project.ts';

const dir = 'content/2023/483001/projects';
const projects = readdirSync(dir).sort().map((f) => projectSchema().parse(parse(readFileSync(`${dir}/${f}`, 'utf8'))));
const garbage = projects.find((p) => p.code === '13022923P00JXC415564L')!;
const well = projects.find((p) => p.code === '13022923P00JXC4155606')!; // 人饮井更新: nothing planned before December
const words = (raw: string) => targetWords(readIndicatorValue(raw));
const row = (value: string, more: Partial<Indicator> = {}) => ({ name: '道路清理次数', value, ...more }) as Indicator;

describe('plain-language summary of a project', () => {
  it('says how much, in which phase, and from where', () => {
    expect(moneySentence(garbage)).toBe('玉田县林南仓镇人民政府本级2023年为本项目安排预算数 219,800.00 元（年初预算），全部是财政资金。');
    expect(moneySentence({ ...garbage, fiscal: '200000.00', other: '19800.00' })).toBe('玉田县林南仓镇人民政府本级2023年为本项目安排预算数 219,800.00 元（年初预算），其中财政资金 200,000.00 元，其他资金 19,800.00 元。');
    expect(moneySentence({ ...garbage, fiscal: undefined })).toMatch(/；原表未分列财政资金和其他资金。$/);
    expect(moneySentence({ ...garbage, moneyUnit: '万元', total: '21.98', fiscal: '21.98' })).toContain('预算数 219,800.00 元（年初预算，原表写作 21.98 万元），全部是财政资金。');
  });

  it('gives 资金用途 and 年度目标 as written', () => {
    expect(purposeSentences(garbage)).toEqual(['资金用途：2022年村级垃圾清运及焚烧。']);
    expect(purposeSentences({ ...garbage, purpose: undefined, annualGoal: '完成10个村的道路硬化。' })).toEqual(['年度目标：完成10个村的道路硬化。']);
  });

  it('says the spending plan in one sentence, with empty checkpoints as 未列计划 (never 0)', () => {
    expect(planSentence(garbage)).toBe('计划到3月底支出 25%（54,950.00 元），到6月底支出 50%（109,900.00 元），到10月底支出 75%（164,850.00 元），到12月底全部支出。');
    expect(planSentence(well)).toBe('计划到12月底全部支出；3月底、6月底、10月底未列计划。');
    expect(planSentence({ ...garbage, spendingPlan: undefined })).toBe('原表没有列出资金支出计划。');
    expect(planSentence({ ...garbage, spendingPlan: [{ month: 6, percent: null }] })).toBe('资金支出计划的各时点（6月底）都未列计划。');
  });

  it('puts each target in words with fixed comparator words', () => {
    expect(words('≥90%')).toBe('不低于 90%');
    expect(words('≥90百分百')).toBe('不低于 90%');
    expect(words('>5个')).toBe('高于 5 个');
    expect(words('≤202.6万元')).toBe('不超过 202.6 万元');
    expect(words('<3次')).toBe('低于 3 次');
    expect(words('1个')).toBe('为 1 个');
    expect(words('100%')).toBe('为 100%');
    expect(words('≥1往年')).toBe('不低于往年水平');
    expect(words('2024年12月底前完成')).toBe('2024年12月底前完成');
    expect(words('11月前')).toBe('11月前完成');
    expect(plainTarget(row('≥90%'))).toEqual({ name: '道路清理次数', text: '不低于 90%', asWritten: false });
    expect(plainTarget(row('95', { nature: '≤', unit: '%', direction: '反向指标' })).text).toBe('不超过 95%（反向指标，越低越好）');
  });

  it('lists targets it cannot read, and qualitative ones, exactly as written', () => {
    expect(plainTarget(row('≤1总吨数'))).toEqual({ name: '道路清理次数', text: '指标值照原文：≤1总吨数', asWritten: true });
    expect(plainTarget(row('及时')).text).toBe('指标值照原文：及时');
    expect(plainTarget(row('达标', { nature: '定性' })).text).toBe('指标值照原文：定性 达标');
    const summary = plainSummary(garbage);
    expect(summary.targets).toHaveLength(garbage.indicators.length);
    expect(summary.targets[0]).toEqual({ name: '吨数', text: '指标值照原文：≤1总吨数', asWritten: true });
  });

  it('never fails on any project of the site', () => {
    for (const p of projects) {
      const s = plainSummary(p);
      expect(s.money).toMatch(/^玉田县林南仓镇人民政府本级2023年为本项目安排预算数 [\d,]+\.\d\d 元/);
      expect(s.plan).toMatch(/。$/);
    }
  });
});
