// The site's reading of one 绩效指标 row: its 指标值 read together with the columns that some
// layouts print beside it (指标性质, 度量单位, 指标方向性). One place, so the page, the downloads and
// the search say the same thing about every row.
import type { Indicator } from '../schema/project.ts';
import { readIndicatorValue, type IndicatorValueReading } from './indicator-value.ts';

export function readingOf(i: Pick<Indicator, 'value' | 'nature' | 'unit' | 'direction'>): IndicatorValueReading {
  return readIndicatorValue(i.value);
}
