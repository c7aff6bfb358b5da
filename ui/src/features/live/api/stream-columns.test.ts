import { describe, expect, it } from 'vitest';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { isStreamingIntervals, streamCounters, toStreamColumns } from './stream-columns';

function interval(elapsed: number, fields: Partial<IntervalSnapshot>): IntervalSnapshot {
  return {
    elapsed_seconds: elapsed, step: 0, step_label: 'users=5', phase: 'measure', step_elapsed_seconds: elapsed, interval_seconds: 1,
    completed: 0, ok: 0, errors: 0, dropped: 0, throughput: 0, p50: 0, p90: 0, p99: 0, max: 0, in_flight: 0, users: 5,
    gauges: {}, output_tokens: null, ttft_p50: null, ttft_p99: null, cpu_process: null, cpu_other: null, lag_p99: null, ...fields,
  };
}

describe('live stream figures', () => {
  const intervals = [
    interval(1, { completed: 0, in_flight: 5 }),
    interval(2, { completed: 8, errors: 1, output_tokens: 320, ttft_p50: 210, ttft_p99: 260, in_flight: 5 }),
    interval(2.5, { completed: 4, output_tokens: 100, ttft_p50: 205, ttft_p99: 240, in_flight: 3, interval_seconds: 0.5 }),
  ];

  it('counts active (latest in flight), completed, failed and total tokens', () => {
    expect(streamCounters(intervals)).toEqual({ active: 3, completed: 12, failed: 1, totalTokens: 420 });
    expect(streamCounters([])).toEqual({ active: 0, completed: 0, failed: 0, totalTokens: 0 });
  });

  it('makes TTFT columns with gaps where no first token came, and tokens per second of each interval', () => {
    const c = toStreamColumns(intervals);
    expect(c.elapsed).toEqual([1, 2, 2.5]);
    expect(c.ttftP50).toEqual([null, 210, 205]);
    expect(c.ttftP99).toEqual([null, 260, 240]);
    expect(c.tokensPerSecond).toEqual([null, 320, 200]);
  });

  it('treats a warm-up interval\'s null, NaN, "NaN" or 0 TTFT as a gap, so the first point never hides the chart', () => {
    const warmup = [
      interval(1, { phase: 'warmup', ttft_p50: null as unknown as number, ttft_p99: Number.NaN, output_tokens: 0 }),
      interval(2, { ttft_p50: 'NaN' as unknown as number, ttft_p99: 0 }),
      interval(3, { ttft_p50: 190, ttft_p99: 230, output_tokens: 40 }),
    ];
    const c = toStreamColumns(warmup);
    expect(c.ttftP50).toEqual([null, null, 190]);
    expect(c.ttftP99).toEqual([null, null, 230]);
    expect(c.tokensPerSecond).toEqual([0, null, 40]);
    expect(isStreamingIntervals(warmup)).toBe(true);
  });

  it('knows a streaming run by its tokens or TTFT', () => {
    expect(isStreamingIntervals(intervals)).toBe(true);
    expect(isStreamingIntervals([interval(1, { completed: 10 })])).toBe(false);
  });
});
