import type { IntervalSnapshot } from '@/shared/api-client/types';
import { seriesOf, type Series } from '@/shared/charts/chart-data';

export type IntervalColumns = {
  elapsed: number[];
  throughput: Series;
  p50: Series;
  p90: Series;
  p99: Series;
  errors: Series;
  dropped: Series;
  inFlight: Series;
  users: Series;
};

/** Column-wise arrays as uPlot wants them (x first, one array per series); an unmeasured value is a gap. */
export function toIntervalColumns(intervals: readonly IntervalSnapshot[]): IntervalColumns {
  const column = (pick: (s: IntervalSnapshot) => unknown) => seriesOf(intervals, pick);
  return {
    elapsed: intervals.map((s) => s.elapsed_seconds),
    throughput: column((s) => s.throughput),
    p50: column((s) => s.p50),
    p90: column((s) => s.p90),
    p99: column((s) => s.p99),
    errors: column((s) => s.errors),
    dropped: column((s) => s.dropped),
    inFlight: column((s) => s.in_flight),
    users: column((s) => s.users),
  };
}
