// The site's reading of one 绩效指标 row: its 指标值 read together with the columns that some
// layouts print beside it (指标性质, 度量单位, 指标方向性). One place, so the page, the downloads and
// the search say the same thing about every row.
import type { Indicator } from '../../schema/project.ts';
import { readIndicatorCells, type IndicatorValueReading } from '../reading/indicator-value.ts';

// Each row is read by the project page, its indicator table, its plain summary, its poster, the
// unit's indicators page and the downloads: kept per row object, so every row is read once per
// build. A WeakMap, so that `npm run dev` (which replaces the entries when a file changes) drops
// the old rows' readings with them; the cells are kept beside the reading, so a row object whose
// cells differ from those read is read again. Callers never modify a reading.
const readings = new WeakMap<object, { cells: string; reading: IndicatorValueReading }>();

export function readingOf(i: Pick<Indicator, 'value' | 'nature' | 'unit' | 'direction'>): IndicatorValueReading {
  const cells = JSON.stringify([i.value, i.nature, i.unit, i.direction]);
  const known = readings.get(i);
  if (known?.cells === cells) return known.reading;
  const reading = readIndicatorCells({ value: i.value, nature: i.nature, unit: i.unit, direction: i.direction });
  readings.set(i, { cells, reading });
  return reading;
}

/** The value as the table prints it across its columns: `≥ 95 %` where 指标性质 and 度量单位 stand apart, else the cell itself. */
export function writtenValue(i: Pick<Indicator, 'value' | 'nature' | 'unit'>): string {
  return [i.nature, i.value, i.unit].filter((t) => t !== undefined && t !== '').join(' ');
}
