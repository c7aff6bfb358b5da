import { formatWithUnit } from '@/shared/format/format';
import type { BaselineMark, HistoryPoint, MetricInfo, StepHistory } from './history';

export type XAxis = 'number' | 'date';

const DISTRIBUTION_NAMES: Record<string, string> = {
  latency: 'Latency', ttft: 'TTFT', itl: 'ITL', tpot: 'TPOT', e2e: 'End-to-end latency',
};

const PLAIN_NAMES: Record<string, string> = {
  throughput: 'Throughput', error_rate: 'Error rate', goodput: 'Goodput', output_tokens_per_second: 'Output tokens/s',
  lost: 'Lost messages', duplicated: 'Duplicated messages',
};

/** A metric's name as people read it: `latency.p95` → "Latency p95", `ttft.p50` → "TTFT p50". */
export function metricLabel(name: string): string {
  const dot = name.indexOf('.');
  if (dot > 0) return `${DISTRIBUTION_NAMES[name.slice(0, dot)] ?? name.slice(0, dot)} ${name.slice(dot + 1)}`;
  return PLAIN_NAMES[name] ?? name;
}

/** A metric's value in its unit: `12.3 ms`, `0.50%`, `1,204/s`. */
export function formatMetric(value: number | null | undefined, metric: MetricInfo | undefined): string {
  return formatWithUnit(value, metric?.unit);
}

/** The metrics a step has at least one value of, in the server's catalogue order. */
export function stepMetrics(step: StepHistory | undefined, metrics: readonly MetricInfo[]): MetricInfo[] {
  if (!step) return [];
  const present = new Set(step.points.flatMap((p) => Object.keys(p.values)));
  return metrics.filter((m) => present.has(m.name));
}

/** The metric a view starts on: the one asked for when the step has it, else latency p95, else the first. */
export function defaultMetric(available: readonly MetricInfo[], wanted: string | null): string | undefined {
  const names = available.map((m) => m.name);
  if (wanted && names.includes(wanted)) return wanted;
  return ['latency.p95', 'e2e.p95', 'throughput'].find((n) => names.includes(n)) ?? names[0];
}

/** One drawn point: the run it came from, where it sits on x (run number, or epoch seconds) and its value. */
export type SeriesPoint = { x: number; value: number; point: HistoryPoint; alerts: HistoryPoint['alerts'] };

/**
 * The points of one metric of a step, ordered along x: runs without a value of it are left out, so the chart
 * draws exactly one point per run that measured it. Alerts are those of this metric.
 */
export function metricSeries(step: StepHistory, metric: string, axis: XAxis): SeriesPoint[] {
  return step.points
    .filter((p) => typeof p.values[metric] === 'number' && Number.isFinite(p.values[metric]))
    .map((p) => ({
      x: axis === 'number' ? p.number : Date.parse(p.at) / 1000,
      value: p.values[metric],
      point: p,
      alerts: p.alerts.filter((a) => a.metric === metric),
    }))
    .sort((a, b) => a.x - b.x);
}

/** The y range that shows every point and the baseline's band (mean ± sd), with a little room. */
export function valueRange(values: readonly number[], baseline: BaselineMark | undefined): [number, number] {
  const all = [...values];
  if (baseline) all.push(baseline.mean - baseline.sd, baseline.mean + baseline.sd);
  if (all.length === 0) return [0, 1];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = max === min ? Math.abs(max) * 0.1 || 1 : (max - min) * 0.1;
  // values that cannot go below zero (all of ours when measured) keep the axis from showing negatives
  return [min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad];
}

/** A run's labels as `k=v` pairs, branch and commit first. */
export function labelText(labels: Record<string, string>): string {
  const order = (k: string) => ['branch', 'commit', 'version', 'environment'].indexOf(k) + 1 || 99;
  return Object.entries(labels)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([k, v]) => `${k}=${k === 'commit' ? v.slice(0, 10) : v}`)
    .join(' · ');
}
