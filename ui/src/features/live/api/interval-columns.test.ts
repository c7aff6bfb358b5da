import { describe, expect, it } from 'vitest';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { toIntervalColumns } from './interval-columns';

const interval = (elapsed: number, fields: Partial<Record<keyof IntervalSnapshot, unknown>> = {}) =>
  ({ elapsed_seconds: elapsed, throughput: 100, p50: 1, p90: 2, p99: 3, errors: 0, dropped: 0, in_flight: 4, users: 4, ...fields }) as IntervalSnapshot;

describe('interval columns', () => {
  it('gives x and one series per figure', () => {
    const c = toIntervalColumns([interval(1), interval(2, { p99: 5 })]);
    expect(c.elapsed).toEqual([1, 2]);
    expect(c.p99).toEqual([3, 5]);
    expect(c.errors).toEqual([0, 0]);
  });

  it('turns null, absent and NaN latencies (an interval that completed nothing) into gaps, never NaN', () => {
    const c = toIntervalColumns([interval(1, { p50: null, p90: undefined, p99: Number.NaN, throughput: 'NaN' }), interval(2)]);
    expect(c.p50).toEqual([null, 1]);
    expect(c.p90).toEqual([null, 2]);
    expect(c.p99).toEqual([null, 3]);
    expect(c.throughput).toEqual([null, 100]);
  });
});
