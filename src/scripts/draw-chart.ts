// Draws one chart from its JSON spec. Loaded only by charts.ts, through import(), when a chart
// comes near the screen: Chart.js is most of a chart page's script. Only the Chart.js parts we
// use are registered, which keeps this chunk about a third smaller than chart.js/auto.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartSpec } from '../lib/views/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 });

function format(value: number, unit: ChartSpec['unit']): string {
  return unit === '%' ? `${value}%` : `${yuan.format(value)} 元`;
}

/** Long project names are cut on the axis; the table beside the chart has them in full. */
function shorten(label: string): string {
  return label.length > 12 ? `${label.slice(0, 11)}…` : label;
}

const style = getComputedStyle(document.documentElement);
Chart.defaults.font.family = style.getPropertyValue('--font-body');
Chart.defaults.color = style.getPropertyValue('--color-text').trim();

export function drawChart(figure: HTMLElement): void {
  const specNode = figure.querySelector('script.chart__spec');
  const holder = figure.querySelector<HTMLElement>('.chart-canvas');
  const canvas = holder?.querySelector('canvas');
  if (!specNode || !holder || !canvas || Chart.getChart(canvas)) return;
  const spec = JSON.parse(specNode.textContent ?? '{}') as ChartSpec;
  holder.hidden = false;
  const valueAxis = {
    beginAtZero: true,
    max: spec.max,
    ticks: { callback: (v: string | number) => (spec.unit === '%' ? `${v}%` : compact.format(Number(v))) },
  };
  const labelAxis = { ticks: { autoSkip: false, callback(this: { getLabelForValue(v: number): string }, v: string | number) { return shorten(this.getLabelForValue(Number(v))); } } };
  const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => {
        const color = style.getPropertyValue(`--${s.color}`).trim();
        return { label: s.label, data: s.values, backgroundColor: color, borderColor: color, borderWidth: 2, pointRadius: 5, spanGaps: false };
      }),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      // Drawn once, never animated: a public figure needs no motion, and each animation frame is
      // work an old phone pays for while the reader is trying to scroll.
      animation: false,
      scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: {
          callbacks: {
            title: (items) => items[0]?.label ?? '',
            label: (item) => `${item.dataset.label ?? ''}：${item.raw === null ? '未列计划' : format(Number(item.raw), spec.unit)}`,
          },
        },
      },
    },
  };
  new Chart(canvas, config);
}
