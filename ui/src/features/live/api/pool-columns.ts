import type { IntervalSnapshot } from '@/shared/api-client/types';

export const POOL_GAUGES = ['pool.active', 'pool.idle', 'pool.waiting', 'pool.total'] as const;

export type PoolColumns = { elapsed: Float64Array; active: Float64Array; idle: Float64Array; waiting: Float64Array; total: Float64Array };

/** True when the run's driver reports a connection pool (jdbc runs do). */
export function hasPoolGauges(intervals: readonly IntervalSnapshot[]): boolean {
  return intervals.some((i) => i.gauges !== undefined && 'pool.total' in i.gauges);
}

/** The pool gauges per interval as uPlot columns; an interval without a gauge gets NaN (a gap). */
export function toPoolColumns(intervals: readonly IntervalSnapshot[]): PoolColumns {
  const n = intervals.length;
  const columns: PoolColumns = {
    elapsed: new Float64Array(n), active: new Float64Array(n), idle: new Float64Array(n), waiting: new Float64Array(n), total: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const { elapsed_seconds, gauges = {} } = intervals[i];
    columns.elapsed[i] = elapsed_seconds;
    columns.active[i] = gauges['pool.active'] ?? NaN;
    columns.idle[i] = gauges['pool.idle'] ?? NaN;
    columns.waiting[i] = gauges['pool.waiting'] ?? NaN;
    columns.total[i] = gauges['pool.total'] ?? NaN;
  }
  return columns;
}

/** The last reported value of each pool gauge, or null before the first report. */
export function latestPoolGauges(intervals: readonly IntervalSnapshot[]): Record<(typeof POOL_GAUGES)[number], number> | null {
  for (let i = intervals.length - 1; i >= 0; i--) {
    const gauges = intervals[i].gauges;
    if (gauges && 'pool.total' in gauges) {
      return Object.fromEntries(POOL_GAUGES.map((g) => [g, gauges[g] ?? 0])) as Record<(typeof POOL_GAUGES)[number], number>;
    }
  }
  return null;
}
