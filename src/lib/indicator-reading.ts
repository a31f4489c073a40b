// The site's reading of one 绩效指标 row: its 指标值 read together with the columns that some
// layouts print beside it (指标性质, 度量单位, 指标方向性). One place, so the page, the downloads and
// the search say the same thing about every row.
import type { Indicator } from '../schema/project.ts';
import { readIndicatorCells, type IndicatorValueReading } from './indicator-value.ts';

export function readingOf(i: Pick<Indicator, 'value' | 'nature' | 'unit' | 'direction'>): IndicatorValueReading {
  return readIndicatorCells({ value: i.value, nature: i.nature, unit: i.unit, direction: i.direction });
}

/** The value as the table prints it across its columns: `≥ 95 %` where 指标性质 and 度量单位 stand apart, else the cell itself. */
export function writtenValue(i: Pick<Indicator, 'value' | 'nature' | 'unit'>): string {
  return [i.nature, i.value, i.unit].filter((t) => t !== undefined && t !== '').join(' ');
}
