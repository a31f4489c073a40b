import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  readIndicatorValue,
  formatReading,
  MEASUREMENT_UNITS,
  type IndicatorValueReading,
} from '../src/lib/indicator-value.ts';

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
  ['保障林业顺利开展', { kind: 'unreadable', note: '无法识别的写法' }],
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
  ])('describes %j as %j', (raw, text) => {
    expect(formatReading(readIndicatorValue(raw))).toBe(text);
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
      fc.property(fc.constantFrom('≥', '≤', '=', '不低于', ''), fc.oneof(hanWord, templateGarbage), (c, word) => {
        const r = readIndicatorValue(`${c}1${word}`);
        // Only a last-year baseline (`≥1往年`) may turn a word after the number into a reading.
        if (r.kind === 'quantitative') expect(r.baseline).toBe('lastYear');
        else expect(r.kind).toBe('unreadable');
      }),
    );
  });
});
