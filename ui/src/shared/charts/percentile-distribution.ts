import type { LatencySummary } from '@/shared/api-client/types';
import { toPoint } from './chart-data';

/** The summary points a result carries, as fractions (0.5 = p50). */
export const SUMMARY_PERCENTILES: readonly { key: keyof LatencySummary; fraction: number }[] = [
  { key: 'p50', fraction: 0.5 },
  { key: 'p90', fraction: 0.9 },
  { key: 'p95', fraction: 0.95 },
  { key: 'p99', fraction: 0.99 },
  { key: 'p999', fraction: 0.999 },
];

/**
 * HdrHistogram's plot axis: a percentile p sits at 1/(1-p), so 50% → 2, 90% → 10, 99% → 100,
 * 99.9% → 1000, and each extra "9" gets the same width on a log scale.
 */
export function percentileToX(fraction: number): number {
  return 1 / (1 - fraction);
}

export function xToPercentLabel(x: number): string {
  const percent = (1 - 1 / x) * 100;
  if (percent <= 0) return '0%';
  const digits = Math.max(0, Math.ceil(-Math.log10(100 - percent)) + 1);
  return `${Number(percent.toFixed(Math.min(digits, 6)))}%`;
}

/**
 * Where the maximum goes: the last of `count` requests is the 1-1/count percentile, so x = count;
 * kept at least one decade right of p99.9 so it never lands left of it with few requests.
 */
export function maxX(count: number): number {
  return Math.max(count, 10_000);
}

export type PercentileSeries = { label: string; summary: LatencySummary };

/**
 * Aligned uPlot data for one series per summary: x is the union of every series' positions,
 * y is latency in ms, null where a series has no point (the max of another series).
 */
export function toPercentileDistribution(series: readonly PercentileSeries[]): [Float64Array, ...(number | null)[][]] {
  const points = series.map(({ summary }) => {
    const byX = new Map<number, number>();
    if (summary.count > 0) {
      for (const { key, fraction } of SUMMARY_PERCENTILES) {
        const ms = toPoint(summary[key]);
        if (ms !== null) byX.set(percentileToX(fraction), ms);
      }
      const max = toPoint(summary.max);
      if (max !== null) byX.set(maxX(summary.count), max);
    }
    return byX;
  });
  const xs = Float64Array.from(new Set(points.flatMap((byX) => [...byX.keys()]))).sort();
  const ys = points.map((byX) => Array.from(xs, (x) => byX.get(x) ?? null));
  return [xs, ...ys];
}

/** Axis ticks at each decade: 2 (50%), 10 (90%), 100 (99%), 1000 (99.9%)… up to `max`. */
export function percentileTicks(max: number): number[] {
  const ticks = [2];
  for (let x = 10; x <= max * 1.0001; x *= 10) ticks.push(x);
  return ticks;
}
