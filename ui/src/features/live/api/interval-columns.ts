import type { IntervalSnapshot } from '@/shared/api-client/types';

export type IntervalColumns = {
  elapsed: Float64Array;
  throughput: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  p99: Float64Array;
  errors: Float64Array;
  dropped: Float64Array;
  inFlight: Float64Array;
  users: Float64Array;
};

/** Column-wise typed arrays in one pass, as uPlot wants them (x first, one array per series). */
export function toIntervalColumns(intervals: readonly IntervalSnapshot[]): IntervalColumns {
  const n = intervals.length;
  const columns: IntervalColumns = {
    elapsed: new Float64Array(n), throughput: new Float64Array(n), p50: new Float64Array(n),
    p90: new Float64Array(n), p99: new Float64Array(n), errors: new Float64Array(n),
    dropped: new Float64Array(n), inFlight: new Float64Array(n), users: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const s = intervals[i];
    columns.elapsed[i] = s.elapsed_seconds;
    columns.throughput[i] = s.throughput;
    columns.p50[i] = s.p50;
    columns.p90[i] = s.p90;
    columns.p99[i] = s.p99;
    columns.errors[i] = s.errors;
    columns.dropped[i] = s.dropped;
    columns.inFlight[i] = s.in_flight;
    columns.users[i] = s.users;
  }
  return columns;
}
