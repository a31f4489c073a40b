// Reading whether a target was met from the 实际完成值 of a 绩效自评表, the score the published
// rules would give, and where the published score disagrees with the reading.
import { describe, expect, it } from 'vitest';
import { readIndicatorCells, readIndicatorValue, type IndicatorValueReading } from '../src/lib/reading/indicator-value.ts';
import { derivedScore, OUTCOME_LABELS, outcomeOf, scoreDisagreement, type Outcome } from '../src/lib/reading/outcome.ts';

const status = (target: string | IndicatorValueReading, actual: string, actualUnit?: string) =>
  outcomeOf(typeof target === 'string' ? readIndicatorValue(target) : target, actual, actualUnit ? { actualUnit } : {}).status;

describe('numbers compared with the target comparator', () => {
  it.each([
    ['≥90', '95', 'met'],
    ['≥90', '90', 'met'],
    ['≥90', '89.5', 'missed'],
    ['>90', '90.5', 'met'],
    ['>90', '90', 'missed'],
    ['≤5', '5', 'met'],
    ['≤5', '5.1', 'missed'],
    ['<5', '4', 'met'],
    ['<5', '5', 'missed'],
    ['=8', '8', 'met'],
    ['8', '8', 'met'],
    ['=8', '9', 'missed'],
    ['=8', '7', 'missed'],
    ['不低于12场', '12场', 'met'],
  ] as const)('%s against %s is %s', (target, actual, expected) => {
    expect(status(target, actual)).toBe(expected);
  });

  it('reads percentages', () => {
    expect(status('≥90%', '95%')).toBe('met');
    expect(status('≥90%', '85%')).toBe('missed');
    expect(status('≥90%', '90%')).toBe('met');
    expect(status('≥90%', '９５％')).toBe('met');
    expect(status('≥90百分比', '95%')).toBe('met');
    expect(status('100%', '100%')).toBe('met');
    expect(status('100%', '99%')).toBe('missed');
  });

  it('treats = as equality: more than the target is not read as met', () => {
    expect(status('100%', '101%')).toBe('missed');
  });

  it('uses the number when the actual repeats the comparator', () => {
    expect(status('≥95%', '≥95%')).toBe('met');
    expect(status('≥95%', '≥96%')).toBe('met');
    expect(status('≥95%', '95%以上')).toBe('met');
    expect(status('≥95%', '≥94%')).toBe('missed');
  });

  it('explains the reading in one sentence', () => {
    expect(outcomeOf(readIndicatorValue('≥90%'), '95%')).toEqual({ status: 'met', reason: '实际完成 95%，目标 ≥90%，已达到' });
    expect(outcomeOf(readIndicatorValue('≥90%'), '85%')).toEqual({ status: 'missed', reason: '实际完成 85%，低于目标 ≥90%' });
    expect(outcomeOf(readIndicatorValue('≤5天'), '6天').reason).toBe('实际完成 6天，高于目标 ≤5天');
  });
});

describe('units', () => {
  it('compares the same unit', () => {
    expect(status('≥12个', '12个')).toBe('met');
    expect(status('≥12个', '15个')).toBe('met');
    expect(status('≥12个', '11个')).toBe('missed');
  });

  it('does not compare different units', () => {
    const outcome = outcomeOf(readIndicatorValue('≥12个'), '12次');
    expect(outcome.status).toBe('unknown');
    expect(outcome.reason).toContain('单位不同');
    expect(status('≥1万元', '5000元')).toBe('unknown');
  });

  it('takes a number written alone in the target unit, and says so', () => {
    const outcome = outcomeOf(readIndicatorValue('≥12个'), '12');
    expect(outcome).toEqual({ status: 'met', reason: '实际完成 12（未写单位），目标 ≥12个，已达到' });
  });

  it('does not assume a target without a unit meant the actual unit', () => {
    expect(status('≥12', '12个')).toBe('unknown');
  });

  it('reads the unit from the self-evaluation unit column', () => {
    expect(status('≥90%', '96', '%')).toBe('met');
    expect(status('≥90%', '96', '百分比')).toBe('met');
    expect(status('≥12个', '12', '次')).toBe('unknown');
    // The value contradicts its own unit column.
    expect(status('≥90%', '96%', '个')).toBe('unknown');
  });

  it('reads targets split over columns', () => {
    const target = readIndicatorCells({ nature: '≥', value: '95', unit: '%' });
    expect(status(target, '96')).toBe('met');
    expect(status(target, '96%')).toBe('met');
    expect(status(target, '94')).toBe('missed');
  });
});

describe('反向 (lower is better)', () => {
  it('reads a bare value from a 反向 row as a ceiling', () => {
    const target = readIndicatorCells({ value: '5', unit: '%', direction: '反向指标' });
    expect(status(target, '3%')).toBe('met');
    expect(status(target, '5%')).toBe('met');
    expect(status(target, '6%')).toBe('missed');
  });

  it('treats a negative direction without a comparator like ≤', () => {
    const target: IndicatorValueReading = { raw: '5', kind: 'quantitative', number: 5, unit: '天', direction: 'negative' };
    expect(status(target, '4天')).toBe('met');
    expect(status(target, '6天')).toBe('missed');
  });
});

describe('qualitative targets', () => {
  it.each([
    ['及时', '及时', 'met'],
    ['及时', ' 及时。', 'met'],
    ['及时', '达到预期', 'met'],
    ['及时', '已完成', 'met'],
    ['有效保障', '达到目标', 'met'],
    ['逐步提高', '完成目标', 'met'],
    ['好', '达标', 'met'],
    ['是', '是', 'met'],
    ['及时', '未完成', 'missed'],
    ['及时', '未达到预期', 'missed'],
    ['及时', '部分完成', 'missed'],
    ['及时', '部分达成', 'missed'],
    ['及时', '基本达到', 'unknown'],
    ['及时', '基本完成', 'unknown'],
    ['好', '很好', 'unknown'],
    ['好', '95%', 'unknown'],
    ['是', '否', 'missed'],
    ['否', '否', 'met'],
    ['否', '是', 'missed'],
  ] as const)('%s against %s is %s', (target, actual, expected) => {
    expect(status(target, actual)).toBe(expected);
  });

  it('says why words cannot be judged', () => {
    expect(outcomeOf(readIndicatorValue('群众满意度逐步提高'), '基本达到').reason).toBe(
      '实际完成值“基本达到”表示大体完成，无法判断是否全部达到',
    );
    expect(outcomeOf(readIndicatorValue('好'), '很好').reason).toBe('目标为定性描述，实际完成值“很好”无法判断是否达到');
  });

  it('takes a plain admission of failure against any target, but not a claim of success without a number', () => {
    expect(status('≥90%', '未完成')).toBe('missed');
    expect(status('≥90%', '达到预期')).toBe('unknown');
  });
});

describe('time limits', () => {
  it.each([
    ['2023年11月底前完成', '2023年11月底前完成', 'met'],
    ['11月底前完成', '11月完成', 'met'],
    ['11月底前完成', '10月完成', 'met'],
    ['11月底前完成', '2023年11月20日', 'met'],
    ['11月底前完成', '12月完成', 'missed'],
    ['2023年11月底前完成', '2024年3月完成', 'missed'],
    ['2023年11月底前完成', '2022年12月完成', 'met'],
    ['年底前完成', '12月完成', 'met'],
    // `11月前` may mean before November or by its end: a date within November cannot tell.
    ['11月前完成', '11月完成', 'unknown'],
    ['11月前完成', '10月完成', 'met'],
    ['11月前完成', '12月完成', 'missed'],
    ['11月底前完成', '按期完成', 'met'],
    ['11月底前完成', '按时完成', 'met'],
    ['11月底前完成', '未按期完成', 'missed'],
    ['11月底前完成', '延期至2024年3月', 'missed'],
    ['11月底前完成', '未完成', 'missed'],
    ['11月底前完成', '已完成', 'unknown'],
  ] as const)('%s against %s is %s', (target, actual, expected) => {
    expect(status(target, actual)).toBe(expected);
  });

  it('names the dates in the reason', () => {
    expect(outcomeOf(readIndicatorValue('11月底前完成'), '12月完成').reason).toBe('实际完成时间 12月，晚于时限 11月底前');
  });
});

describe('what cannot be judged', () => {
  it('needs last year for a baseline target', () => {
    const outcome = outcomeOf(readIndicatorValue('≥1往年'), '96%');
    expect(outcome.status).toBe('unknown');
    expect(outcome.reason).toContain('往年');
  });

  it('says the actual value was not filled in', () => {
    for (const empty of ['', '  ', '-', '—', '/', '无', '－']) {
      expect(outcomeOf(readIndicatorValue('≥90%'), empty)).toEqual({ status: 'unknown', reason: '实际完成值未填写' });
    }
  });

  it('names an unreadable target', () => {
    const outcome = outcomeOf(readIndicatorValue('≥1总吨数'), '1');
    expect(outcome.status).toBe('unknown');
    expect(outcome.reason).toContain('目标值无法识别');
  });

  it('never throws on odd input', () => {
    const odd = [undefined, null, 95, {}] as unknown as string[];
    for (const actual of odd) expect(outcomeOf(readIndicatorValue('≥90%'), actual).status).toBe('unknown');
    expect(outcomeOf(undefined as unknown as IndicatorValueReading, '95%').status).toBe('unknown');
    expect(status('≥90%', '约95%')).toBe('unknown');
  });
});

describe('derivedScore', () => {
  const score = (target: string | IndicatorValueReading, actual: string, points: number) =>
    derivedScore(typeof target === 'string' ? readIndicatorValue(target) : target, actual, points);

  it('gives 正向 targets full points when met, else the share achieved', () => {
    expect(score('≥90%', '95%', 10)).toBe(10);
    expect(score('≥90%', '85%', 10)).toBe(9.44);
    expect(score('≥12个', '3个', 20)).toBe(5);
    expect(score('>90%', '90%', 10)).toBe(10);
  });

  it('gives 反向 targets full points when met, falling to 0 at twice the target', () => {
    expect(score('≤5天', '5天', 10)).toBe(10);
    expect(score('≤5天', '7.5天', 10)).toBe(5);
    expect(score('≤5天', '12天', 10)).toBe(0);
    expect(score(readIndicatorCells({ value: '10', unit: '%', direction: '反向' }), '11%', 10)).toBe(9);
    expect(score('≤0起', '1起', 5)).toBe(0);
  });

  it('gives = targets full points only when equal', () => {
    expect(score('100%', '100%', 10)).toBe(10);
    expect(score('100%', '98%', 10)).toBeUndefined();
  });

  it('is undefined for words, time limits and whatever cannot be judged', () => {
    expect(score('及时', '及时', 10)).toBeUndefined();
    expect(score('11月底前完成', '10月完成', 10)).toBeUndefined();
    expect(score('≥1往年', '96%', 10)).toBeUndefined();
    expect(score('≥12个', '12次', 10)).toBeUndefined();
    expect(score('≥90%', '未完成', 10)).toBeUndefined();
    expect(score('≥90%', '95%', Number.NaN)).toBeUndefined();
  });
});

describe('scoreDisagreement', () => {
  const met: Outcome = { status: 'met', reason: '' };
  const missed: Outcome = { status: 'missed', reason: '' };
  const unknown: Outcome = { status: 'unknown', reason: '' };

  it('flags full marks for a missed target', () => {
    expect(scoreDisagreement(missed, 10, 10)).toBe('已给满分，但按本网站的读法未达到目标');
    expect(scoreDisagreement(missed, 10, 8)).toBeUndefined();
  });

  it('flags lost points on a met target', () => {
    expect(scoreDisagreement(met, 10, 8.5)).toBe('按本网站的读法已达到目标，但得分低于分值（8.5/10）');
    expect(scoreDisagreement(met, 10, 10)).toBeUndefined();
  });

  it('says nothing when a number is missing or the reading is unknown', () => {
    expect(scoreDisagreement(met, undefined, 8)).toBeUndefined();
    expect(scoreDisagreement(missed, 10, undefined)).toBeUndefined();
    expect(scoreDisagreement(unknown, 10, 10)).toBeUndefined();
    expect(scoreDisagreement(unknown, 10, 0)).toBeUndefined();
  });
});

describe('OUTCOME_LABELS', () => {
  it('names every status once', () => {
    expect(OUTCOME_LABELS).toEqual({ met: '已达到', missed: '未达到', unknown: '无法判断' });
  });
});
