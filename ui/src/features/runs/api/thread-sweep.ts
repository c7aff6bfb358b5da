import type { StepResult } from '@/shared/api-client/types';

/** One thread count's measured results, as the database results table shows them. */
export type ThreadRow = {
  index: number;
  threads: number | null;
  label: string;
  durationSeconds: number;
  totalOps: number;
  opsPerSecond: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  errors: number;
  errorRate: number;
};

/** The thread count of a closed-model step, from its label (`users=40`); null for other steps. */
export function threadsOf(label: string): number | null {
  const match = /^users=(\d+)$/.exec(label.trim());
  return match ? Number(match[1]) : null;
}

/** True for runs of the jdbc driver (their plan says `driver: jdbc`). */
export function isDatabaseRun(planYaml: string | null | undefined): boolean {
  return /^\s*driver:\s*["']?jdbc["']?\s*$/m.test(planYaml ?? '');
}

/** A row per step in step order: operations are the engine's requests, latency from its `latency` distribution. */
export function toThreadRows(steps: readonly StepResult[]): ThreadRow[] {
  return [...steps].sort((a, b) => a.index - b.index).map((step) => {
    const latency = step.latencies?.latency?.summary;
    const count = latency?.count ?? 0;
    return {
      index: step.index,
      threads: threadsOf(step.label),
      label: step.label,
      durationSeconds: step.measured_seconds,
      totalOps: step.requests,
      opsPerSecond: step.throughput,
      avgMs: count ? latency!.mean : null,
      p50Ms: count ? latency!.p50 : null,
      p95Ms: count ? latency!.p95 : null,
      p99Ms: count ? latency!.p99 : null,
      maxMs: count ? latency!.max : null,
      errors: step.errors,
      errorRate: step.error_rate,
    };
  });
}

/**
 * Columns for the charts against thread count: x ascending (uPlot needs it), steps without a thread
 * count left out, missing latencies as NaN (a gap, not a zero).
 */
export function toSweepColumns(rows: readonly ThreadRow[]): { threads: number[]; opsPerSecond: number[]; p95: number[]; p99: number[] } {
  const usable = rows.filter((r) => r.threads !== null).sort((a, b) => a.threads! - b.threads!);
  return {
    threads: usable.map((r) => r.threads!),
    opsPerSecond: usable.map((r) => r.opsPerSecond),
    p95: usable.map((r) => r.p95Ms ?? NaN),
    p99: usable.map((r) => r.p99Ms ?? NaN),
  };
}
