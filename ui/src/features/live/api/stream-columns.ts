import type { IntervalSnapshot } from '@/shared/api-client/types';

/** Live counters of a streaming run: requests in flight now, and totals over every interval so far. */
export type StreamCounters = { active: number; completed: number; failed: number; totalTokens: number };

/** True once an interval carried tokens or a TTFT, i.e. the run streams. */
export function isStreamingIntervals(intervals: readonly IntervalSnapshot[]): boolean {
  return intervals.some((s) => (s.output_tokens ?? 0) > 0 || (s.ttft_p50 ?? 0) > 0);
}

/** active = the latest interval's in_flight; completed, failed and total tokens summed over all intervals. */
export function streamCounters(intervals: readonly IntervalSnapshot[]): StreamCounters {
  let completed = 0;
  let failed = 0;
  let totalTokens = 0;
  for (const s of intervals) {
    completed += s.completed;
    failed += s.errors;
    totalTokens += s.output_tokens ?? 0;
  }
  const last = intervals.at(-1);
  return { active: last?.in_flight ?? 0, completed, failed, totalTokens };
}

/**
 * Columns for the time charts: TTFT p50/p99 (NaN — a gap — for an interval where no first token
 * arrived) and output tokens per second of each interval.
 */
export function toStreamColumns(intervals: readonly IntervalSnapshot[]): {
  elapsed: Float64Array; ttftP50: Float64Array; ttftP99: Float64Array; tokensPerSecond: Float64Array;
} {
  const n = intervals.length;
  const c = { elapsed: new Float64Array(n), ttftP50: new Float64Array(n), ttftP99: new Float64Array(n), tokensPerSecond: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const s = intervals[i];
    const measuredTtft = (s.ttft_p99 ?? 0) > 0;
    c.elapsed[i] = s.elapsed_seconds;
    c.ttftP50[i] = measuredTtft ? s.ttft_p50! : NaN;
    c.ttftP99[i] = measuredTtft ? s.ttft_p99! : NaN;
    c.tokensPerSecond[i] = s.interval_seconds > 0 ? (s.output_tokens ?? 0) / s.interval_seconds : 0;
  }
  return c;
}
