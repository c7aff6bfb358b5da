import type uPlot from 'uplot';
import { seriesOf } from '@/shared/charts/chart-data';
import type { SeriesSpec } from '@/shared/charts/chart-options';
import type { TelemetrySample } from './run-telemetry';

/** A telemetry chart: its `data-chart` name, title, y label and the metrics it draws. */
export type TelemetryChartSpec = {
  name: string;
  title: string;
  yLabel: string;
  counts?: boolean;
  series: (SeriesSpec & { metric: string })[];
};

const STAGE_COLOURS: [string, string, string][] = [
  ['validation', 'Validation', '#6366f1'],
  ['cache', 'Cache', '#0ea5e9'],
  ['rate_limit', 'Rate limit', '#f59e0b'],
  ['provider_selection', 'Provider selection', '#a855f7'],
  ['streaming', 'Streaming', '#10b981'],
  ['cleanup', 'Cleanup', '#64748b'],
];

/** The charts each kind of target's telemetry has, by the source that produced it. */
export const TELEMETRY_CHARTS: Record<string, TelemetryChartSpec[]> = {
  gateway: [
    { name: 'telemetry-gateway-stage-p99', title: 'Gateway stage p99 (its recent window)', yLabel: 'ms',
      series: STAGE_COLOURS.map(([key, label, stroke]) => ({ metric: `stage.${key}.p99_ms`, label, stroke, unit: 'ms' })) },
    { name: 'telemetry-gateway-stage-p50', title: 'Gateway stage p50', yLabel: 'ms',
      series: STAGE_COLOURS.map(([key, label, stroke]) => ({ metric: `stage.${key}.p50_ms`, label, stroke, unit: 'ms' })) },
    { name: 'telemetry-gateway-streams', title: 'Gateway active streams', yLabel: 'streams', counts: true,
      series: [{ metric: 'active_streams', label: 'active streams', stroke: '#10b981', unit: '' },
        { metric: 'queue_waiting', label: 'waiting in queue', stroke: '#f59e0b', unit: '' }] },
    { name: 'telemetry-gateway-cache', title: 'Gateway cache hit ratio', yLabel: 'ratio',
      series: [{ metric: 'cache_hit_ratio', label: 'hit ratio', stroke: '#0ea5e9', unit: '' }] },
  ],
  postgres: [
    { name: 'telemetry-pg-transactions', title: 'PostgreSQL transactions', yLabel: 'per s',
      series: [{ metric: 'commits_per_s', label: 'commits/s', stroke: '#10b981', unit: '/s' },
        { metric: 'rollbacks_per_s', label: 'rollbacks/s', stroke: '#ef4444', unit: '/s' }] },
    { name: 'telemetry-pg-connections', title: 'PostgreSQL connections', yLabel: 'connections', counts: true,
      series: [{ metric: 'active_connections', label: 'active', stroke: '#6366f1', unit: '' },
        { metric: 'waiting_connections', label: 'waiting on an event', stroke: '#f59e0b', unit: '' },
        { metric: 'connections', label: 'all', stroke: '#64748b', unit: '', dash: [4, 4] }] },
    { name: 'telemetry-pg-hit-ratio', title: 'PostgreSQL blocks hit ratio', yLabel: 'ratio',
      series: [{ metric: 'blocks_hit_ratio', label: 'hit ratio', stroke: '#0ea5e9', unit: '' }] },
  ],
};

const PROMETHEUS = 'prom.';
const RATE = '.per_s';
const PALETTE = ['#6366f1', '#ef4444', '#10b981', '#f59e0b', '#0ea5e9', '#a855f7', '#64748b', '#ec4899'];

/**
 * The charts of the series a target's Prometheus endpoint gave (any kind of target): counters as
 * rates in one chart, gauges in another, one line per selector.
 */
function prometheusCharts(samples: readonly TelemetrySample[]): TelemetryChartSpec[] {
  const metrics = [...new Set(samples.flatMap((s) => Object.keys(s.metrics).filter((m) => m.startsWith(PROMETHEUS))))];
  const line = (metric: string, i: number, unit: string) => ({
    metric, label: metric.slice(PROMETHEUS.length, metric.endsWith(RATE) ? -RATE.length : undefined) + (unit ? ` ${unit}` : ''),
    stroke: PALETTE[i % PALETTE.length], unit,
  });
  const rates = metrics.filter((m) => m.endsWith(RATE));
  const values = metrics.filter((m) => !m.endsWith(RATE));
  return [
    ...(rates.length ? [{ name: 'telemetry-prometheus-rates', title: 'Target metrics (Prometheus counters, per second)', yLabel: 'per s',
      series: rates.map((m, i) => line(m, i, '/s')) }] : []),
    ...(values.length ? [{ name: 'telemetry-prometheus-values', title: 'Target metrics (Prometheus gauges)', yLabel: 'value',
      series: values.map((m, i) => line(m, i + rates.length, '')) }] : []),
  ];
}

/** The charts for these samples: those of their source whose metrics appear at least once, then the Prometheus series. */
export function chartsFor(samples: readonly TelemetrySample[]): TelemetryChartSpec[] {
  if (samples.length === 0) return [];
  const specs = TELEMETRY_CHARTS[samples[0].source] ?? [];
  return [...specs.filter((spec) => spec.series.some((s) => samples.some((sample) => s.metric in sample.metrics))), ...prometheusCharts(samples)];
}

/** A chart's data on the run's time axis: x = elapsed seconds, a gap where a sample lacks the metric. */
export function telemetryData(samples: readonly TelemetrySample[], spec: TelemetryChartSpec): uPlot.AlignedData {
  return [samples.map((s) => s.elapsed_seconds), ...spec.series.map((series) => seriesOf(samples, (s) => s.metrics[series.metric]))];
}
