import type { IntervalSnapshot } from '@/shared/api-client/types';
import { toPoint, type Series } from '@/shared/charts/chart-data';

/** Live counters of a streaming run: requests in flight now, and totals over every interval so far. */
export type StreamCounters = { active: number; completed: number; failed: number; totalTokens: number };

/** An interval's TTFT, or null when it measured none (null, absent, NaN; 0 from servers before null was sent). */
function ttftOf(value: unknown): number | null {
  const ms = toPoint(value);
  return ms !== null && ms > 0 ? ms : null;
}

/** True once an interval carried tokens or a TTFT, i.e. the run streams. */
export function isStreamingIntervals(intervals: readonly IntervalSnapshot[]): boolean {
  return intervals.some((s) => (toPoint(s.output_tokens) ?? 0) > 0 || ttftOf(s.ttft_p50) !== null);
}

/** active = the latest interval's in_flight; completed, failed and total tokens summed over all intervals. */
export function streamCounters(intervals: readonly IntervalSnapshot[]): StreamCounters {
  let completed = 0;
  let failed = 0;
  let totalTokens = 0;
  for (const s of intervals) {
    completed += s.completed;
    failed += s.errors;
    totalTokens += toPoint(s.output_tokens) ?? 0;
  }
  const last = intervals.at(-1);
  return { active: last?.in_flight ?? 0, completed, failed, totalTokens };
}

/**
 * Columns for the time charts: TTFT p50/p99 (a gap for an interval where no first token arrived,
 * e.g. the warm-up's first second) and output tokens per second of each interval (a gap when the
 * interval counted no tokens at all, as intervals of runs that do not stream).
 */
export function toStreamColumns(intervals: readonly IntervalSnapshot[]): { elapsed: number[]; ttftP50: Series; ttftP99: Series; tokensPerSecond: Series } {
  return {
    elapsed: intervals.map((s) => s.elapsed_seconds),
    ttftP50: intervals.map((s) => ttftOf(s.ttft_p50)),
    ttftP99: intervals.map((s) => ttftOf(s.ttft_p99)),
    tokensPerSecond: intervals.map((s) => {
      const tokens = toPoint(s.output_tokens);
      return tokens !== null && s.interval_seconds > 0 ? tokens / s.interval_seconds : null;
    }),
  };
}
