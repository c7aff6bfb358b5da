import type { IntervalSnapshot } from '@/shared/api-client/types';
import { seriesOf, type Series } from '@/shared/charts/chart-data';

export const POOL_GAUGES = ['pool.active', 'pool.idle', 'pool.waiting', 'pool.total'] as const;

export type PoolColumns = { elapsed: number[]; active: Series; idle: Series; waiting: Series; total: Series };

/** True when the run's driver reports a connection pool (jdbc runs do). */
export function hasPoolGauges(intervals: readonly IntervalSnapshot[]): boolean {
  return intervals.some((i) => i.gauges != null && 'pool.total' in i.gauges);
}

/** The pool gauges per interval as uPlot columns; an interval without a gauge is a gap. */
export function toPoolColumns(intervals: readonly IntervalSnapshot[]): PoolColumns {
  const gauge = (name: (typeof POOL_GAUGES)[number]) => seriesOf(intervals, (i) => i.gauges?.[name]);
  return {
    elapsed: intervals.map((i) => i.elapsed_seconds),
    active: gauge('pool.active'),
    idle: gauge('pool.idle'),
    waiting: gauge('pool.waiting'),
    total: gauge('pool.total'),
  };
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
