import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  readIndicatorValue,
  readIndicatorCells,
  readNature,
  natureProblem,
  formatReading,
  MEASUREMENT_UNITS,
  NATURE_VALUES,
  TEMPLATE_PLACEHOLDERS,
  type IndicatorCells,
  type IndicatorValueReading,
} from '../src/lib/reading/indicator-value.ts';

type Expected = Omit<IndicatorValueReading, 'raw'>;

const cases: Array<[string, Expected]> = [
  // Symbols, ASCII and full-width
  ['≥90%', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['>=90%', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['＞＝90％', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['≧90%', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['＜５天', { kind: 'quantitative', comparator: '<', number: 5, unit: '天' }],
  ['≤202.6万元', { kind: 'quantitative', comparator: '<=', number: 202.6, unit: '万元' }],
  ['=8个', { kind: 'quantitative', comparator: '=', number: 8, unit: '个' }],
  ['>3次', { kind: 'quantitative', comparator: '>', number: 3, unit: '次' }],
  // Chinese comparator words
  ['不低于90%', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['不少于12场', { kind: 'quantitative', comparator: '>=', number: 12, unit: '场' }],
  ['不超过50万元', { kind: 'quantitative', comparator: '<=', number: 50, unit: '万元' }],
  ['不高于5%', { kind: 'quantitative', comparator: '<=', number: 5, unit: '%' }],
  ['大于等于95%', { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  ['大于80分', { kind: 'quantitative', comparator: '>', number: 80, unit: '分' }],
  ['小于3起', { kind: 'quantitative', comparator: '<', number: 3, unit: '起' }],
  ['小于等于10天', { kind: 'quantitative', comparator: '<=', number: 10, unit: '天' }],
  ['等于1项', { kind: 'quantitative', comparator: '=', number: 1, unit: '项' }],
  // 以上/以下/以内 include the number
  ['90%以上', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['5个工作日以内', { kind: 'quantitative', comparator: '<=', number: 5, unit: '个工作日' }],
  ['3个月内', { kind: 'quantitative', comparator: '<=', number: 3, unit: '个月' }],
  ['≥95%以上', { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  // Bare numbers mean "equal to"
  ['100%', { kind: 'quantitative', comparator: '=', number: 100, unit: '%' }],
  ['1个', { kind: 'quantitative', comparator: '=', number: 1, unit: '个' }],
  ['985米', { kind: 'quantitative', comparator: '=', number: 985, unit: '米' }],
  ['12', { kind: 'quantitative', comparator: '=', number: 12 }],
  // Percent spelled out
  ['≥90百分百', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['≥90百分比', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['提高5个百分点', { kind: 'unreadable', note: '无法识别的写法' }],
  ['≥5个百分点', { kind: 'quantitative', comparator: '>=', number: 5, unit: '个百分点' }],
  // Thousands separators, decimals, rates
  ['1,200', { kind: 'quantitative', comparator: '=', number: 1200 }],
  ['≤1,234,567.89元', { kind: 'quantitative', comparator: '<=', number: 1234567.89, unit: '元' }],
  ['1，200人', { kind: 'quantitative', comparator: '=', number: 1200, unit: '人' }],
  ['0.5亿元', { kind: 'quantitative', comparator: '=', number: 0.5, unit: '亿元' }],
  ['≤300元/人', { kind: 'quantitative', comparator: '<=', number: 300, unit: '元/人' }],
  // Units in brackets, as exported tables write them
  ['90.00(%)', { kind: 'quantitative', comparator: '=', number: 90, unit: '%' }],
  ['95（%）', { kind: 'quantitative', comparator: '=', number: 95, unit: '%' }],
  ['≥90(%)', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['100(个)', { kind: 'quantitative', comparator: '=', number: 100, unit: '个' }],
  ['3（万元）', { kind: 'quantitative', comparator: '=', number: 3, unit: '万元' }],
  ['≤300(元/人)', { kind: 'quantitative', comparator: '<=', number: 300, unit: '元/人' }],
  ['90(%)以上', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  ['≥1(总吨数)', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['90()', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['90((%))', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['90(%', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['800元/月', { kind: 'quantitative', comparator: '=', number: 800, unit: '元/月' }],
  // Split over columns
  ['≥ | 95 | %', { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  ['≥ 95 %', { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  ['\t≥\t95\t%\t', { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [' 不低于 ｜ 90 ｜ ％ ', { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  // Compared with last year
  ['≥1往年', { kind: 'quantitative', comparator: '>=', baseline: 'lastYear', note: '与往年比较' }],
  ['≤1往年', { kind: 'quantitative', comparator: '<=', baseline: 'lastYear', note: '与往年比较' }],
  ['不低于上年', { kind: 'quantitative', comparator: '>=', baseline: 'lastYear', note: '与往年比较' }],
  ['≥去年同期水平', { kind: 'quantitative', comparator: '>=', baseline: 'lastYear', note: '与往年比较' }],
  ['往年', { kind: 'unreadable', note: '与往年比较但缺少比较符号' }],
  // Template garbage: comparator, 1, and a word that is not a unit
  ['≤1总吨数', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≥1清洁天数', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≤1市场价格', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≥1合同规格', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≤1约定时间', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≤1定额', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≤1及时性', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≥1提供优质服务', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≥1委托方满意度', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['≥2往年', { kind: 'unreadable', note: '数值后不是计量单位' }],
  // Qualitative
  ['及时', { kind: 'qualitative' }],
  ['提升', { kind: 'qualitative' }],
  ['合规', { kind: 'qualitative' }],
  ['按计划实施', { kind: 'qualitative' }],
  ['优', { kind: 'qualitative' }],
  ['良好', { kind: 'qualitative' }],
  ['达标', { kind: 'qualitative' }],
  ['有所提高', { kind: 'qualitative' }],
  ['显著', { kind: 'qualitative' }],
  ['稳步提升', { kind: 'qualitative' }],
  ['是', { kind: 'qualitative' }],
  ['否', { kind: 'qualitative' }],
  [' 按时完成 ', { kind: 'qualitative' }],
  // A free phrase with no digits is a qualitative target (docs/领域.md, “指标值的写法”: usually a free phrase).
  ['保障林业顺利开展', { kind: 'qualitative' }],
  ['群众生活条件得到改善', { kind: 'qualitative' }],
  ['有效保障村级组织正常运转', { kind: 'qualitative' }],
  ['规范使用资金', { kind: 'qualitative' }],
  ['逐步提高', { kind: 'qualitative' }],
  ['明显提升', { kind: 'qualitative' }],
  ['按规定时间完成', { kind: 'qualitative' }],
  ['提高群众满意度，改善人居环境。', { kind: 'qualitative' }],
  ['达到AAA级标准', { kind: 'qualitative' }],
  ['全覆盖', { kind: 'qualitative' }],
  // Garbage that looks like words
  ['目标内容1', { kind: 'unreadable', note: '模板示例文字' }],
  ['指标值', { kind: 'unreadable', note: '模板示例文字' }],
  ['请填写', { kind: 'unreadable', note: '模板示例文字' }],
  ['请填写具体指标值', { kind: 'unreadable', note: '模板示例文字' }],
  ['XXX', { kind: 'unreadable', note: '模板示例文字' }],
  ['xxx项目顺利实施', { kind: 'unreadable', note: '模板示例文字' }],
  ['完成×××村道路建设', { kind: 'unreadable', note: '模板示例文字' }],
  ['待定', { kind: 'unreadable', note: '模板示例文字' }],
  ['……', { kind: 'unreadable', note: '未填写' }],
  ['/', { kind: 'unreadable', note: '未填写' }],
  ['-', { kind: 'unreadable', note: '未填写' }],
  ['——', { kind: 'unreadable', note: '未填写' }],
  ['无', { kind: 'unreadable', note: '无法识别的写法' }],
  ['满意度', { kind: 'unreadable', note: '无法识别的写法' }],
  ['完成3个村道路建设', { kind: 'unreadable', note: '无法识别的写法' }],
  ['群众满意度达到百分之九十😀', { kind: 'unreadable', note: '无法识别的写法' }],
  ['≥群众满意', { kind: 'unreadable', note: '比较符号后没有数字' }],
  ['不低于国家标准', { kind: 'unreadable', note: '比较符号后没有数字' }],
  ['不低于', { kind: 'unreadable', note: '比较符号后没有数字' }],
  ['改善'.repeat(30), { kind: 'unreadable', note: '文字过长，不像指标值' }],
  // Deadlines
  ['11月前', { kind: 'deadline', deadline: { month: 11 } }],
  ['11月底前', { kind: 'deadline', deadline: { month: 11, endOfMonth: true } }],
  ['12月31日前', { kind: 'deadline', deadline: { month: 12, day: 31 } }],
  ['年底前', { kind: 'deadline', deadline: { month: 12, endOfMonth: true } }],
  ['年内完成', { kind: 'deadline', deadline: { month: 12, endOfMonth: true } }],
  ['2023年10月底前完成', { kind: 'deadline', deadline: { year: 2023, month: 10, endOfMonth: true } }],
  ['6月底', { kind: 'deadline', deadline: { month: 6, endOfMonth: true } }],
  ['13月前', { kind: 'unreadable', note: '日期不存在' }],
  ['2月30日前', { kind: 'unreadable', note: '日期不存在' }],
  ['12月31日', { kind: 'unreadable', note: '只写了日期，未写明是否为完成时限' }],
  ['11月', { kind: 'unreadable', note: '只写了日期，未写明是否为完成时限' }],
  ['2023年', { kind: 'unreadable', note: '只写了日期，未写明是否为完成时限' }],
  ['3年', { kind: 'quantitative', comparator: '=', number: 3, unit: '年' }],
  // Ranges are shown as written, not read
  ['90%-100%', { kind: 'unreadable', note: '区间写法，未解读' }],
  ['90～100%', { kind: 'unreadable', note: '区间写法，未解读' }],
  ['3至5个', { kind: 'unreadable', note: '区间写法，未解读' }],
  // Empty and garbage
  ['', { kind: 'unreadable', note: '未填写' }],
  ['   ', { kind: 'unreadable', note: '未填写' }],
  ['\u3000|\t', { kind: 'unreadable', note: '未填写' }],
  ['≥', { kind: 'unreadable', note: '比较符号后没有数字' }],
  ['≥≥90%', { kind: 'unreadable', note: '比较符号后没有数字' }],
  ['≥90%以下', { kind: 'unreadable', note: '比较符号前后矛盾' }],
  ['9 0%', { kind: 'unreadable', note: '数字之间有空格或分隔符' }],
  ['1,20', { kind: 'unreadable', note: '数字写法无法识别' }],
  ['1234567890123456', { kind: 'unreadable', note: '数字位数过多' }],
  ['1.目标内容1', { kind: 'unreadable', note: '数字写法无法识别' }],
  ['预算', { kind: 'unreadable', note: '无法识别的写法' }],
  ['😀90%', { kind: 'unreadable', note: '无法识别的写法' }],
  ['90%😀', { kind: 'unreadable', note: '数值后不是计量单位' }],
  ['\uD800', { kind: 'unreadable', note: '无法识别的写法' }],
  ['9'.repeat(5000), { kind: 'unreadable', note: '内容过长' }],
];

describe('readIndicatorValue', () => {
  it.each(cases)('reads %j', (raw, expected) => {
    expect(readIndicatorValue(raw)).toStrictEqual({ raw, ...expected });
  });
});

describe('formatReading', () => {
  it.each([
    ['≥90%', '不低于 90%'],
    ['=8个', '等于 8 个'],
    ['≤202.6万元', '不高于 202.6 万元'],
    ['1,200', '等于 1,200'],
    ['≥1往年', '与往年相比不低于'],
    ['11月底前', '11月底前完成'],
    ['11月前', '11月前完成'],
    ['12月31日前', '12月31日前完成'],
    ['年底前', '12月底前完成'],
    ['及时', '定性：及时'],
    ['≤1总吨数', '无法识别：数值后不是计量单位'],
    ['', '无法识别：未填写'],
    ['90.00(%)', '等于 90%'],
    ['群众生活条件得到改善', '定性：群众生活条件得到改善'],
  ])('describes %j as %j', (raw, text) => {
    expect(formatReading(readIndicatorValue(raw))).toBe(text);
  });

  it.each<[IndicatorCells, string]>([
    [{ nature: '≤', value: '5', unit: '%', direction: '反向指标' }, '不高于 5%（反向指标）'],
    [{ value: '5', unit: '%', direction: '反向指标' }, '不高于 5%（反向指标）'],
    [{ nature: '≥', value: '95', unit: '%', direction: '正向指标' }, '不低于 95%'],
    [{ nature: '定性', value: '明显改善', direction: '正向指标' }, '定性：明显改善'],
  ])('describes the row %j as %j', (cells, text) => {
    expect(formatReading(readIndicatorCells(cells))).toBe(text);
  });
});

// Rows as the split-column layouts (四川, 重庆) write them. `raw` is always the 指标值 cell.
const rows: Array<[IndicatorCells, Expected]> = [
  // Three columns read as one value
  [{ nature: '≥', value: '95', unit: '%' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95.00', unit: '%' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '＞＝', value: '９５', unit: '％' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '>=', value: ' 95 ', unit: ' % ' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '大于等于', value: '95', unit: '%' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≤', value: '202.6', unit: '万元' }, { kind: 'quantitative', comparator: '<=', number: 202.6, unit: '万元' }],
  [{ nature: '小于等于', value: '10', unit: '个工作日' }, { kind: 'quantitative', comparator: '<=', number: 10, unit: '个工作日' }],
  [{ nature: '=', value: '8', unit: '个' }, { kind: 'quantitative', comparator: '=', number: 8, unit: '个' }],
  [{ nature: '等于', value: '8', unit: '个' }, { kind: 'quantitative', comparator: '=', number: 8, unit: '个' }],
  [{ nature: '＞', value: '3', unit: '次' }, { kind: 'quantitative', comparator: '>', number: 3, unit: '次' }],
  [{ nature: '＜', value: '5', unit: '天' }, { kind: 'quantitative', comparator: '<', number: 5, unit: '天' }],
  [{ nature: '≤', value: '300', unit: '元/人' }, { kind: 'quantitative', comparator: '<=', number: 300, unit: '元/人' }],
  [{ nature: '≥', value: '1200', unit: '人次' }, { kind: 'quantitative', comparator: '>=', number: 1200, unit: '人次' }],
  [{ nature: '≥', value: '95', unit: '(%)' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95' }, { kind: 'quantitative', comparator: '>=', number: 95 }],
  [{ nature: '≥', value: '95', unit: '' }, { kind: 'quantitative', comparator: '>=', number: 95 }],
  // An empty nature with a bare number is `=`, as in one column
  [{ value: '95', unit: '%' }, { kind: 'quantitative', comparator: '=', number: 95, unit: '%' }],
  [{ nature: '', value: '1', unit: '个' }, { kind: 'quantitative', comparator: '=', number: 1, unit: '个' }],
  [{ value: '≥90%' }, { kind: 'quantitative', comparator: '>=', number: 90, unit: '%' }],
  // The value cell may carry the comparator or unit itself: agreeing is fine
  [{ nature: '≥', value: '≥95', unit: '%' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95%', unit: '%' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95(%)', unit: '％' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95%以上' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95百分比', unit: '%' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ value: '95%', unit: '%' }, { kind: 'quantitative', comparator: '=', number: 95, unit: '%' }],
  // … and disagreeing is not read
  [{ nature: '≥', value: '≤95', unit: '%' }, { kind: 'unreadable', note: '比较符号前后矛盾' }],
  [{ nature: '≤', value: '95%以上' }, { kind: 'unreadable', note: '比较符号前后矛盾' }],
  [{ nature: '≥', value: '=95', unit: '%' }, { kind: 'unreadable', note: '比较符号前后矛盾' }],
  [{ nature: '=', value: '不低于95', unit: '%' }, { kind: 'unreadable', note: '比较符号前后矛盾' }],
  [{ nature: '≥', value: '95%', unit: '个' }, { kind: 'unreadable', note: '计量单位前后矛盾' }],
  [{ value: '3万元', unit: '元' }, { kind: 'unreadable', note: '计量单位前后矛盾' }],
  [{ nature: '≥', value: '1', unit: '总吨数' }, { kind: 'unreadable', note: '计量单位无法识别' }],
  [{ nature: '≥', value: '1总吨数', unit: '%' }, { kind: 'unreadable', note: '数值后不是计量单位' }],
  // Baselines take the comparator from its column; a unit has no number to measure
  [{ nature: '≥', value: '1往年' }, { kind: 'quantitative', comparator: '>=', baseline: 'lastYear', note: '与往年比较' }],
  [{ nature: '≥', value: '上年', unit: '%' }, { kind: 'quantitative', comparator: '>=', baseline: 'lastYear', note: '与往年比较' }],
  [{ value: '往年' }, { kind: 'unreadable', note: '与往年比较但缺少比较符号' }],
  // 定性: qualitative whatever the value says, unless nothing is written
  [{ nature: '定性', value: '明显改善' }, { kind: 'qualitative' }],
  [{ nature: '定性', value: '95' }, { kind: 'qualitative' }],
  [{ nature: '定性', value: '优', unit: '%' }, { kind: 'qualitative' }],
  [{ nature: ' 定性 ', value: '预算' }, { kind: 'qualitative' }],
  [{ nature: '定性', value: '' }, { kind: 'unreadable', note: '未填写' }],
  [{ nature: '定性', value: ' \u3000| ' }, { kind: 'unreadable', note: '未填写' }],
  // Words under a comparator or a unit read like the joined text (`≥及时`)
  [{ nature: '≥', value: '及时' }, { kind: 'unreadable', note: '比较符号后没有数字' }],
  [{ nature: '=', value: '群众生活条件得到改善' }, { kind: 'unreadable', note: '比较符号后没有数字' }],
  [{ value: '明显提升', unit: '%' }, { kind: 'unreadable', note: '计量单位前没有数字' }],
  [{ value: '明显提升' }, { kind: 'qualitative' }],
  [{ nature: '≥', value: '' }, { kind: 'unreadable', note: '未填写' }],
  [{ nature: '≥', value: '', unit: '%' }, { kind: 'unreadable', note: '未填写' }],
  // A time limit stays one
  [{ nature: '=', value: '11月底前' }, { kind: 'deadline', deadline: { month: 11, endOfMonth: true } }],
  // An unknown 指标性质 is not guessed
  [{ nature: '≈', value: '95', unit: '%' }, { kind: 'unreadable', note: '指标性质无法识别' }],
  [{ nature: '约', value: '95', unit: '%' }, { kind: 'unreadable', note: '指标性质无法识别' }],
  [{ nature: '定量', value: '≥95%' }, { kind: 'unreadable', note: '指标性质无法识别' }],
  // 指标方向性
  [{ nature: '≥', value: '95', unit: '%', direction: '正向指标' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%', direction: 'positive' }],
  [{ nature: '≤', value: '5', unit: '%', direction: '正向' }, { kind: 'quantitative', comparator: '<=', number: 5, unit: '%', direction: 'positive' }],
  [{ nature: '≤', value: '5', unit: '%', direction: '反向指标' }, { kind: 'quantitative', comparator: '<=', number: 5, unit: '%', direction: 'negative' }],
  [{ nature: '＜', value: '3', unit: '起', direction: '反向' }, { kind: 'quantitative', comparator: '<', number: 3, unit: '起', direction: 'negative' }],
  [{ nature: '=', value: '5', unit: '%', direction: '反向指标' }, { kind: 'quantitative', comparator: '<=', number: 5, unit: '%', direction: 'negative', note: '反向指标：越低越好' }],
  [{ value: '5', unit: '%', direction: '反向指标' }, { kind: 'quantitative', comparator: '<=', number: 5, unit: '%', direction: 'negative', note: '反向指标：越低越好' }],
  [{ value: '5%', direction: ' 反向指标 ' }, { kind: 'quantitative', comparator: '<=', number: 5, unit: '%', direction: 'negative', note: '反向指标：越低越好' }],
  [{ nature: '≥', value: '95', unit: '%', direction: '反向指标' }, { kind: 'unreadable', note: '反向指标不应写“不低于”' }],
  [{ value: '95%以上', direction: '反向' }, { kind: 'unreadable', note: '反向指标不应写“不低于”' }],
  [{ nature: '＞', value: '3', unit: '次', direction: '反向指标' }, { kind: 'unreadable', note: '反向指标不应写“高于”' }],
  [{ nature: '≤', value: '1往年', direction: '反向指标' }, { kind: 'quantitative', comparator: '<=', baseline: 'lastYear', note: '与往年比较', direction: 'negative' }],
  [{ nature: '=', value: '往年', direction: '反向指标' }, { kind: 'quantitative', comparator: '<=', baseline: 'lastYear', note: '与往年比较；反向指标：越低越好', direction: 'negative' }],
  [{ nature: '定性', value: '明显改善', direction: '正向指标' }, { kind: 'qualitative', direction: 'positive' }],
  [{ value: '12月底前', direction: '反向指标' }, { kind: 'deadline', deadline: { month: 12, endOfMonth: true }, direction: 'negative' }],
  [{ nature: '≥', value: '95', unit: '%', direction: '' }, { kind: 'quantitative', comparator: '>=', number: 95, unit: '%' }],
  [{ nature: '≥', value: '95', unit: '%', direction: '中性' }, { kind: 'unreadable', note: '指标方向性只能是正向或反向' }],
  [{ nature: '≥', value: '95', unit: '%', direction: '越大越好' }, { kind: 'unreadable', note: '指标方向性只能是正向或反向' }],
  [{ nature: '≤', value: '≥1总吨数', direction: '反向指标' }, { kind: 'unreadable', note: '比较符号前后矛盾' }],
];

describe('readIndicatorCells', () => {
  it.each(rows)('reads %j', (cells, expected) => {
    expect(readIndicatorCells(cells)).toStrictEqual({ raw: cells.value, ...expected });
  });

  it('keeps the value cell exactly as written', () => {
    expect(readIndicatorCells({ nature: '≥', value: ' ９５．００ ', unit: '%' })).toMatchObject({ raw: ' ９５．００ ', number: 95 });
  });

  it('survives a number cell handed over from a spreadsheet', () => {
    const cells = { nature: '≥', value: 95, unit: '%' } as unknown as IndicatorCells;
    expect(readIndicatorCells(cells)).toStrictEqual({ raw: '95', kind: 'quantitative', comparator: '>=', number: 95, unit: '%' });
  });
});

describe('指标性质', () => {
  it.each([
    ['≥', '>='], ['>=', '>='], ['＞＝', '>='], ['大于等于', '>='], ['≤', '<='], ['<=', '<='], ['小于等于', '<='],
    ['=', '='], ['＝', '='], ['等于', '='], ['＞', '>'], ['>', '>'], ['＜', '<'], ['<', '<'],
    ['定性', 'qualitative'], [' 定性 ', 'qualitative'], ['', undefined], ['  ', undefined],
    ['≈', 'invalid'], ['约', 'invalid'], ['~', 'invalid'], ['定量', 'invalid'], ['≥≥', 'invalid'], ['≥95', 'invalid'],
  ])('reads %j as %j', (text, nature) => {
    expect(readNature(text)).toBe(nature);
  });

  it('accepts every listed spelling', () => {
    for (const spelling of NATURE_VALUES) {
      expect(readNature(spelling)).not.toBe('invalid');
      expect(natureProblem(spelling)).toBeUndefined();
    }
  });

  it('says in Chinese what may be written instead', () => {
    expect(natureProblem('≈')).toBe('指标性质“≈”无法识别：只能写 ≥、≤、=、＞、＜ 或 定性');
    expect(natureProblem(' 约 ')).toBe('指标性质“约”无法识别：只能写 ≥、≤、=、＞、＜ 或 定性');
    expect(natureProblem('')).toBeUndefined();
    expect(natureProblem('≥')).toBeUndefined();
  });
});

describe('template placeholders', () => {
  it('are never read as a target', () => {
    for (const p of TEMPLATE_PLACEHOLDERS) {
      expect(readIndicatorValue(p)).toMatchObject({ kind: 'unreadable', note: '模板示例文字' });
      expect(readIndicatorValue(`${p}1`).kind).toBe('unreadable');
    }
  });
});

// Lone surrogates included: table cells come from Word exports and can hold anything.
const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
// Characters that reach the deeper branches far more often than random Unicode does.
const nearMiss = fc.string({
  unit: fc.constantFrom(...'0123456789.,%％≥≤<>=＞＝|  \t-~至以上下内个月日年底前往百分元万/吨1'.split('')),
  maxLength: 12,
});
const anyInput = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), anyUtf16, nearMiss);

const comparatorSpellings: Array<[string, string]> = [
  ['', '='], ['=', '='], ['≥', '>='], ['>=', '>='], ['＞＝', '>='], ['≧', '>='], ['不低于', '>='],
  ['不少于', '>='], ['大于等于', '>='], ['≤', '<='], ['<=', '<='], ['不超过', '<='], ['不高于', '<='],
  ['小于等于', '<='], ['>', '>'], ['大于', '>'], ['<', '<'], ['小于', '<'], ['等于', '='],
];
const decimal = fc
  .tuple(fc.nat({ max: 999_999_999 }), fc.option(fc.nat({ max: 9999 }), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? `${whole}` : `${whole}.${fraction}`));

describe('readIndicatorValue properties', () => {
  it('never throws, keeps the raw text exactly, and only yields finite numbers', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const r = readIndicatorValue(raw);
        expect(r.raw).toBe(raw);
        expect(['quantitative', 'qualitative', 'deadline', 'unreadable']).toContain(r.kind);
        if (r.number !== undefined) expect(Number.isFinite(r.number)).toBe(true);
        if (r.kind === 'unreadable') expect(r.note).toBeTruthy();
        expect(typeof formatReading(r)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('readIndicatorCells never throws and keeps the value cell exactly', () => {
    const cell = fc.oneof(anyInput, fc.constantFrom(...NATURE_VALUES, '正向指标', '反向指标', '反向', '定性'));
    fc.assert(
      fc.property(
        fc.record({ nature: fc.option(cell, { nil: undefined }), value: anyInput, unit: fc.option(cell, { nil: undefined }), direction: fc.option(cell, { nil: undefined }) }, { requiredKeys: ['value'] }),
        (cells) => {
          const r = readIndicatorCells(cells);
          expect(r.raw).toBe(cells.value);
          expect(['quantitative', 'qualitative', 'deadline', 'unreadable']).toContain(r.kind);
          if (r.number !== undefined) expect(Number.isFinite(r.number)).toBe(true);
          if (r.kind === 'unreadable') expect(r.note).toBeTruthy();
          if (r.direction === 'negative' && r.kind === 'quantitative') expect(['<=', '<']).toContain(r.comparator);
          expect(typeof formatReading(r)).toBe('string');
          const problem = natureProblem(cells.nature ?? '');
          expect(problem === undefined).toBe(readNature(cells.nature ?? '') !== 'invalid');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads three columns the same as the joined text', () => {
    const natures = NATURE_VALUES.filter((s) => s !== '定性');
    fc.assert(
      fc.property(
        fc.constantFrom(...natures),
        decimal,
        fc.option(fc.constantFrom(...MEASUREMENT_UNITS), { nil: undefined }),
        (nature, n, unit) => {
          const { raw: _raw, ...joined } = readIndicatorValue(`${nature}${n}${unit ?? ''}`);
          expect(readIndicatorCells({ nature, value: n, ...(unit ? { unit } : {}) })).toStrictEqual({ raw: n, ...joined });
          expect(joined.kind).toBe('quantitative');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads a unit in brackets like the unit written plainly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...comparatorSpellings),
        decimal,
        fc.constantFrom(...MEASUREMENT_UNITS),
        fc.constantFrom(['(', ')'], ['（', '）']),
        ([spelling, comparator], n, unit, [open, close]) => {
          const r = readIndicatorValue(`${spelling}${n}${open}${unit}${close}`);
          expect(r).toMatchObject({ kind: 'quantitative', comparator, number: Number(n), unit });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads a free phrase without digits as qualitative, never as a number', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: han, minLength: 2, maxLength: 48 }), (words) => {
        // `保障…` starts no comparator, deadline or baseline, so only the phrase rule decides.
        const phrase = `保障${words}`;
        const r = readIndicatorValue(phrase);
        expect(r.number).toBeUndefined();
        const placeholder = TEMPLATE_PLACEHOLDERS.some((p) => phrase.includes(p));
        expect(r).toStrictEqual(placeholder ? { raw: phrase, kind: 'unreadable', note: '模板示例文字' } : { raw: phrase, kind: 'qualitative' });
        expect(readIndicatorValue(`${phrase}1`).kind).toBe('unreadable');
      }),
    );
  });

  it('reads comparator, number and any whitelisted unit back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...comparatorSpellings),
        decimal,
        fc.constantFrom(...MEASUREMENT_UNITS),
        ([spelling, comparator], n, unit) => {
          // A bare `2023年` names a year on purpose (see the table above).
          fc.pre(!(spelling === '' && unit === '年' && /^\d{4}$/.test(n)));
          const r = readIndicatorValue(`${spelling}${n}${unit}`);
          expect(r).toMatchObject({ kind: 'quantitative', comparator, number: Number(n), unit });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads a value split over columns the same as written together', () => {
    const separator = fc.constantFrom(' ', ' | ', '\t', '|', '｜', '\u3000');
    fc.assert(
      fc.property(
        fc.constantFrom(...comparatorSpellings.filter(([s]) => s !== '')),
        decimal,
        fc.constantFrom(...MEASUREMENT_UNITS),
        separator,
        separator,
        ([spelling], n, unit, a, b) => {
          const split = readIndicatorValue(`${spelling}${a}${n}${b}${unit}`);
          const { raw: _raw, ...joined } = readIndicatorValue(`${spelling}${n}${unit}`);
          expect(split).toStrictEqual({ raw: `${spelling}${a}${n}${b}${unit}`, ...joined });
        },
      ),
    );
  });

  it('never reads a word that is not a unit as one', () => {
    const hanWord = fc
      .string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 })
      .filter((w) => !MEASUREMENT_UNITS.includes(w) && !['百分百', '百分比'].includes(w) && !/(以上|以下|内)$/.test(w));
    const templateGarbage = fc.constantFrom('总吨数', '清洁天数', '市场价格', '合同规格', '约定时间', '定额', '及时性');
    fc.assert(
      fc.property(fc.constantFrom('≥', '≤', '=', '不低于', ''), fc.oneof(hanWord, templateGarbage), fc.boolean(), (c, word, bracketed) => {
        const r = readIndicatorValue(bracketed ? `${c}1(${word})` : `${c}1${word}`);
        // Only a last-year baseline (`≥1往年`) may turn a word after the number into a reading.
        if (r.kind === 'quantitative') expect(r.baseline).toBe('lastYear');
        else expect(r.kind).toBe('unreadable');
      }),
    );
  });
});
