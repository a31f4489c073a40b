// What a chart draws, as data shared by the page (which also prints it as a table) and the
// browser script that draws it with Chart.js.
export interface ChartSeries {
  label: string;
  /** null: nothing planned at this point; drawn as a gap, never as 0. */
  values: (number | null)[];
  /** Colour token from tokens.css (3:1 contrast on white). */
  color: 'chart-1' | 'chart-2';
}

export interface ChartSpec {
  type: 'bar' | 'line';
  /** Horizontal bars read better with long Chinese project names on a phone. */
  horizontal?: boolean;
  labels: string[];
  series: ChartSeries[];
  /** How values are shown in tooltips and on the value axis. */
  unit: '元' | '%';
  max?: number;
}

/** A chart with the table that prints its numbers (Chart.astro draws both). */
export interface ChartWithTable {
  id: string;
  title: string;
  summary: string;
  caption: string;
  spec: ChartSpec;
  table: { caption: string; headers: string[]; rows: { header: string; cells: string[] }[] };
  /** Only the table, no drawing: there is too little to draw (the summary says why). */
  tableOnly?: true;
}
