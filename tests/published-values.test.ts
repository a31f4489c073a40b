// The value reader (src/lib/reading/indicator-value.ts) over every 指标值 of the corpus of published
// tables (tests/fixtures/published/): each column whose header names the target value (指标值,
// 年度指标值, 目标值, 指标值及单位, 计划指标值, 区域目标值 over its areas …) is found by its label in
// each table, and every non-empty cell under it is read. What stays unreadable is listed here, each
// with why it is genuinely so: the list is the reader's known limit, and a change to it shows.
import { describe, expect, it } from 'vitest';
import { readIndicatorValue } from '../src/lib/reading/indicator-value.ts';
import { columnLetters } from '../src/lib/office/grid.ts';
import { labelKey } from '../src/schema/table-layouts.ts';
import { gridsOf, readTranscription, transcriptionIds } from './fixtures/published/transcription.ts';

/** A header naming the target value (not 指标值说明 or 指标值确定依据). */
const VALUE_LABEL = /^(?:年度|年初|计划|区域)?(?:指标值|目标值)(?:\(.*\))?$|^指标值及单位$/;

/** Every target value cell of the corpus: where, and what it says. */
function valueCells(): { where: string; text: string }[] {
  return transcriptionIds().flatMap((id) =>
    gridsOf(readTranscription(id)).flatMap((grid) => {
      const header = grid.rows.findIndex((row) => row.some((c) => c && VALUE_LABEL.test(labelKey(c.text))));
      if (header < 0) return [];
      const row = grid.rows[header]!;
      return row.flatMap((cell, n) => {
        if (!cell || !VALUE_LABEL.test(labelKey(cell.text))) return [];
        // A label over several columns (区域目标值) has their names in the row below it: values start under those.
        const first = header + (cell.rowSpan ?? 1) + ((cell.colSpan ?? 1) > 1 ? 1 : 0);
        return Array.from({ length: cell.colSpan ?? 1 }, (_, k) => ({ c: n + k, first }));
      }).flatMap(({ c, first }) =>
        grid.rows.slice(first).flatMap((cells, r) => {
          const text = cells[c]?.text ?? '';
          return text.trim() ? [{ where: `${id} ${columnLetters(c)}${first + r + 1}`, text }] : [];
        }),
      );
    }),
  );
}

describe('the value reader over the corpus’s 指标值', () => {
  const cells = valueCells();

  it('finds the value columns of the corpus (nearly two hundred cells)', () => {
    expect(cells.length).toBeGreaterThan(180);
  });

  it('reads all but these, each unreadable for the reason given', () => {
    const unreadable = cells.flatMap(({ where, text }) => {
      const reading = readIndicatorValue(text);
      return reading.kind === 'unreadable' ? [`${where} ${text} → ${reading.note}`] : [];
    });
    expect(unreadable).toEqual([
      // A year, not a time limit: whether by its end or throughout it is not said.
      'ah-jinzhai-2021-project E11 2021年全年 → 只写了日期，未写明是否为完成时限',
      // Within ±3% either way: no one comparator says a deviation both ways.
      'gd-dongguan-jiaotong-2019-project-approval F9 ±3%以内 → 正负偏差写法，未解读',
      'gd-dongguan-jiaotong-2019-project-approval J9 ±3%以内 → 正负偏差写法，未解读',
      // A year as the value of a “…年度” indicator: a date, not a target.
      'hub-ezhou-2019-evaluation E15 2019年 → 只写了日期，未写明是否为完成时限',
      'hub-ezhou-zwgl-2019-evaluation E14 2019年 → 只写了日期，未写明是否为完成时限',
      // Words before the number: which part is the target would be a guess.
      'hub-huangshi-2019-monitoring D15 年度预算220万元 → 无法识别的写法',
      // A paragraph of what was done, with counts inside it.
      'hub-huangshi-2019-monitoring D16 开展黄石矿冶工业遗产突出普遍价值研究、学术交流、对外宣传等工作,先后举办有社会影响力的活动5场;成立黄石矿冶文化研究中心暨矿冶文学陈列馆,凸显黄石工业遗产文化价值,推动申遗工作。 → 无法识别的写法',
      // Two targets in one cell.
      'hub-huangshi-2022-evaluation E9 完成1部宣传片,2套方案 → 无法识别的写法',
      // Three dated steps in one cell.
      'hub-huangshi-2022-evaluation E11 6月份完成宣传片制作;9月份完成文本;11月完成专家评审 → 数值后不是计量单位',
      // 万 of what is not written (万元 in a cost indicator, most likely, but not said).
      'hub-huangshi-2022-evaluation E12 200万 → “万”后没有写单位（万元、万人……）',
      // M for metres, or millions, or megabytes: not said.
      'hun-xiangtan-2023-project E9 ≥80M → 数值后不是计量单位',
      // A period from one month to another, not a value.
      'hun-xiangtan-2023-project E11 2023.07-2024.01 → 区间写法，未解读',
      'hun-xiangtan-2023-project E12 250万 → “万”后没有写单位（万元、万人……）',
    ]);
  });

  it('reads the short qualitative words as qualitative', () => {
    for (const word of ['可控', '及时', '达标', '通过', '到位']) expect(readIndicatorValue(word).kind, word).toBe('qualitative');
    expect(readIndicatorValue('≥530元/人*月')).toMatchObject({ kind: 'quantitative', comparator: '>=', number: 530, unit: '元/人*月' });
    expect(readIndicatorValue('≥50厘米')).toMatchObject({ kind: 'quantitative', number: 50, unit: '厘米' });
  });
});
