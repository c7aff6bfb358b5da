import { describe, expect, it } from 'vitest';
import type { Distribution, StepResult, StreamFigures } from '@/shared/api-client/types';
import { isStreamingRun, tokenSourceOf, toStreamRows, toStreamSweepColumns } from './stream-metrics';

function summary(p50: number, count = 10): Distribution {
  return { histogram: '', summary: { count, min: p50 / 2, mean: p50, p50, p90: p50 * 1.5, p95: p50 * 2, p99: p50 * 3, p999: p50 * 4, max: p50 * 5 } };
}

function step(index: number, label: string, stream: Partial<StreamFigures> | null, ttft = 200): StepResult {
  return {
    index, label, measured_seconds: 3, requests: 30, ok: 29, errors: 1, errors_by_class: {}, dropped: 0, throughput: 10,
    error_rate: 1 / 30, error_samples: [],
    latencies: { latency: summary(900), ttft: summary(ttft), itl: summary(20), tpot: summary(21), e2e: summary(900), request_tokens_per_second: summary(45) },
    stream: stream && { streams: 30, output_tokens: 1200, usage_streams: 30, good_requests: 27, output_tokens_per_second: 400, goodput: 9, token_source: 'usage', content_events: 1200, coalesced_events: 300, ...stream },
    partial: false, cpu: null, counts: {}, generator_saturated: false, journey: null,
  };
}

describe('stream metrics per step', () => {
  it('makes one row per streaming step in step order with TTFT, ITL, TPOT and E2E percentiles', () => {
    const rows = toStreamRows([step(1, 'users=5', {}, 250), step(0, 'users=1', {}, 200)]);
    expect(rows.map((r) => r.users)).toEqual([1, 5]);
    expect(rows[0].percentiles).toEqual({
      ttft: { p50: 200, p90: 300, p95: 400, p99: 600 },
      itl: { p50: 20, p90: 30, p95: 40, p99: 60 },
      tpot: { p50: 21, p90: 31.5, p95: 42, p99: 63 },
      e2e: { p50: 900, p90: 1350, p95: 1800, p99: 2700 },
    });
    expect(rows[1]).toMatchObject({ label: 'users=5', requests: 30, errors: 1, outputTokens: 1200, tokensPerSecond: 400, goodput: 9, goodRequests: 27, tokenSource: 'usage' });
  });

  it('leaves out steps that did not stream and shows nothing measured as null', () => {
    const empty = step(0, 'users=1', { streams: 0, usage_streams: 0, output_tokens: 0 });
    empty.latencies = { latency: summary(1) };
    const rows = toStreamRows([empty, step(1, 'users=2', null)]);
    expect(rows).toHaveLength(1);
    expect(rows[0].percentiles.ttft).toEqual({ p50: null, p90: null, p95: null, p99: null });
    expect(isStreamingRun([empty])).toBe(false);
    expect(isStreamingRun([step(0, 'users=1', {})])).toBe(true);
    expect(isStreamingRun([step(0, 'users=1', null)])).toBe(false);
  });

  it('reads output tokens per request from latencies.output_tokens, whose summary is already in tokens', () => {
    const withTokens = step(0, 'users=1', {});
    withTokens.latencies.output_tokens = { histogram: '', summary: { count: 30, min: 12, mean: 40, p50: 41, p90: 55, p95: 58, p99: 60, p999: 60, max: 64 } };
    withTokens.partial = true;
    const [row] = toStreamRows([withTokens]);
    expect(row.outputTokensPerRequest).toEqual({ min: 12, p50: 41, p99: 60, max: 64 });
    expect(row.partial).toBe(true);
    const [without] = toStreamRows([step(0, 'users=1', {})]);
    expect(without.outputTokensPerRequest).toEqual({ min: null, p50: null, p99: null, max: null });
    expect(without.partial).toBe(false);
  });

  it('labels the token source as the engine does', () => {
    expect(tokenSourceOf(10, 10)).toBe('usage');
    expect(tokenSourceOf(10, 0)).toBe('counted');
    expect(tokenSourceOf(10, 4)).toBe('mixed');
    expect(toStreamRows([step(0, 'users=1', { usage_streams: 0 })])[0].tokenSource).toBe('counted');
  });

  it('gives the share of content events that came in one read with the one before', () => {
    expect(toStreamRows([step(0, 'users=1', {})])[0].coalescedShare).toBe(0.25);
    expect(toStreamRows([step(0, 'users=1', { content_events: 0, coalesced_events: 0 })])[0].coalescedShare).toBeNull();
  });

  it('charts TTFT and TPOT p95 against users, ascending, without steps that have no user count', () => {
    const rows = toStreamRows([step(2, 'users=10', {}, 400), step(0, 'rate=5/s', {}), step(1, 'users=5', {}, 300)]);
    expect(toStreamSweepColumns(rows)).toEqual({ users: [5, 10], ttftP95: [600, 800], tpotP95: [42, 42] });
  });
});
