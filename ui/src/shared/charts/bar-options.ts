import uPlot from 'uplot';
import { legendValue, type ChartOptions, type SeriesSpec } from './chart-options';

/**
 * A bar per category (e.g. per agent): x is the category's index, its tick the category's name, y from 0.
 * Build it once per set of categories; only data changes afterwards.
 */
export function barOptions(xLabel: string, categories: readonly string[], series: SeriesSpec, yLabel: string): ChartOptions {
  const name = (i: number | null | undefined) => (i == null ? '—' : categories[i] ?? '—');
  return {
    scales: {
      x: { time: false, range: () => [-0.5, Math.max(1, categories.length) - 0.5] },
      y: { range: (_u, _min, max) => [0, (Number.isFinite(max) && max > 0 ? max : 1) * 1.1] },
    },
    axes: [
      { label: xLabel, splits: () => categories.map((_, i) => i), values: (_u, ticks) => ticks.map((t) => name(t)) },
      { label: yLabel, size: 60 },
    ],
    series: [
      { label: xLabel, value: (_u, v) => name(v) },
      { label: series.label, stroke: series.stroke, fill: `${series.stroke}cc`, width: 1, paths: uPlot.paths.bars?.({ size: [0.6, 80] }),
        points: { show: false }, value: legendValue(series.unit) },
    ],
    legend: { live: true },
  };
}
