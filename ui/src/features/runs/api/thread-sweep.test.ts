import { describe, expect, it } from 'vitest';
import type { StepResult } from '@/shared/api-client/types';
import { isDatabaseRun, threadsOf, toSweepColumns, toThreadRows } from './thread-sweep';

function step(index: number, label: string, requests: number, latency: Partial<Record<'mean' | 'p50' | 'p95' | 'p99' | 'max', number>> | null, errors = 0): StepResult {
  return {
    index, label, measured_seconds: 10, requests, ok: requests - errors, errors, errors_by_class: {}, dropped: 0,
    throughput: requests / 10, error_rate: requests ? errors / requests : 0,
    latencies: latency ? { latency: { histogram: '', summary: { count: requests, min: 0.1, p90: 0, p999: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0, ...latency } } } : {},
    error_samples: [], stream: null, partial: false, cpu: null, counts: {}, generator_saturated: false, journey: null,
  };
}

describe('per-thread-count results', () => {
  it('makes one row per step with ops, ops/s, latency and errors', () => {
    const rows = toThreadRows([
      step(1, 'users=40', 6000, { mean: 2.5, p50: 2, p95: 5, p99: 9, max: 30 }, 6),
      step(0, 'users=20', 4000, { mean: 1.5, p50: 1, p95: 3, p99: 4, max: 12 }),
    ]);
    expect(rows.map((r) => r.threads)).toEqual([20, 40]);
    expect(rows[1]).toEqual({
      index: 1, threads: 40, label: 'users=40', durationSeconds: 10, totalOps: 6000, opsPerSecond: 600,
      avgMs: 2.5, p50Ms: 2, p95Ms: 5, p99Ms: 9, maxMs: 30, errors: 6, errorRate: 0.001, partial: false,
    });
  });

  it('has no latency for a step that completed nothing', () => {
    const [row] = toThreadRows([step(0, 'users=8', 0, { mean: 0 })]);
    expect(row.avgMs).toBeNull();
    expect(row.p99Ms).toBeNull();
  });

  it('gives the charts x ascending by threads, gaps for missing latency, and skips steps without a thread count', () => {
    const rows = toThreadRows([
      step(0, 'users=80', 9000, { p95: 12, p99: 20 }),
      step(1, 'users=20', 4000, { p95: 3, p99: 4 }),
      step(2, 'rate=100/s', 1000, { p95: 1, p99: 1 }),
      step(3, 'users=40', 0, null),
    ]);
    const c = toSweepColumns(rows);
    expect(c.threads).toEqual([20, 40, 80]);
    expect(c.opsPerSecond).toEqual([400, 0, 900]);
    expect(c.p95).toEqual([3, null, 12]);
    expect(c.p99).toEqual([4, null, 20]);
  });

  it('reads thread counts from step labels and tells database runs from their plan', () => {
    expect(threadsOf('users=12')).toBe(12);
    expect(threadsOf('rate=200/s')).toBeNull();
    expect(isDatabaseRun('name: x\nworkload:\n  driver: jdbc\n  rows: 1000\n')).toBe(true);
    expect(isDatabaseRun('workload:\n  driver: http\n  path: /jdbc\n')).toBe(false);
    expect(isDatabaseRun(null)).toBe(false);
  });
});
