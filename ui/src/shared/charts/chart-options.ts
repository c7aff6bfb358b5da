import type uPlot from 'uplot';
import { formatDuration } from '@/shared/format/format';
import { countAxis, discreteX, elapsedAxis } from './axes';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;
export type SeriesSpec = { label: string; stroke: string; unit: string; dash?: number[] };

/** A legend value: three significant digits and the unit, a dash for a gap. */
export function legendValue(unit: string) {
  return (_u: uPlot, v: number | null) => (v == null || !Number.isFinite(v) ? '—' : `${Number(v.toPrecision(3))}${unit ? ` ${unit}` : ''}`);
}

/**
 * A chart over elapsed seconds, one line per series. `counts` makes the y axis whole numbers
 * (connections, users, errors). Options are built once per chart; only data changes afterwards.
 */
export function timeSeriesOptions(series: readonly SeriesSpec[], yLabel: string, { counts = false } = {}): ChartOptions {
  return {
    // Counts start at 0 and reach at least 1, so a run without errors shows a flat 0, not a 0–100 scale.
    scales: { x: { time: false }, ...(counts ? { y: { range: (_u, _min, max) => [0, Math.max(1, Number.isFinite(max) ? max : 0)] } } : {}) },
    axes: [elapsedAxis(), counts ? countAxis(yLabel, 60) : { label: yLabel, size: 60 }],
    series: [
      { label: 'elapsed', value: (_u, v) => (v == null ? '—' : formatDuration(v)) },
      ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 1.5, dash: s.dash, value: legendValue(s.unit) })),
    ],
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
  };
}

/**
 * A chart against a few measured levels (thread or user counts): a point per level joined by lines,
 * x ticks only at the levels, y from 0.
 */
export function sweepOptions(xLabel: string, series: readonly SeriesSpec[], yLabel: string): ChartOptions {
  const x = discreteX(xLabel);
  return {
    scales: { x: x.scale, y: { range: (_u, _min, max) => [0, (Number.isFinite(max) && max > 0 ? max : 1) * 1.1] } },
    axes: [x.axis, { label: yLabel, size: 60 }],
    series: [
      { label: xLabel },
      ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: true, size: 7 }, spanGaps: true, value: legendValue(s.unit) })),
    ],
  };
}
