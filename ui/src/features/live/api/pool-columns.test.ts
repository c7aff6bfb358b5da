import { describe, expect, it } from 'vitest';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { hasPoolGauges, latestPoolGauges, toPoolColumns } from './pool-columns';

const interval = (elapsed: number, gauges?: Record<string, number>) =>
  ({ elapsed_seconds: elapsed, gauges }) as IntervalSnapshot;

describe('pool gauges', () => {
  it('are columns per interval with gaps where a gauge is missing, and the latest values', () => {
    const intervals = [
      interval(1, {}),
      interval(2, { 'pool.active': 3, 'pool.idle': 1, 'pool.waiting': 0, 'pool.total': 4 }),
      interval(3, { 'pool.active': 4, 'pool.idle': 0, 'pool.waiting': 2, 'pool.total': 4 }),
    ];
    expect(hasPoolGauges(intervals)).toBe(true);
    const c = toPoolColumns(intervals);
    expect(c.elapsed).toEqual([1, 2, 3]);
    // the first interval's gap is null: a NaN there would leave uPlot's scale NaN and the chart blank
    expect(c.active).toEqual([null, 3, 4]);
    expect(c.waiting).toEqual([null, 0, 2]);
    expect(latestPoolGauges(intervals)).toEqual({ 'pool.active': 4, 'pool.idle': 0, 'pool.waiting': 2, 'pool.total': 4 });
  });

  it('are absent for runs whose driver has no pool', () => {
    const intervals = [interval(1), interval(2, {})];
    expect(hasPoolGauges(intervals)).toBe(false);
    expect(latestPoolGauges(intervals)).toBeNull();
  });
});
