import { seriesOf, type Series } from '@/shared/charts/chart-data';
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
  partial: boolean;
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
      partial: step.partial === true,
    };
  });
}

/**
 * Columns for the charts against thread count: x ascending (uPlot needs it), steps without a thread
 * count left out, missing latencies as gaps (null, never NaN or 0).
 */
export function toSweepColumns(rows: readonly ThreadRow[]): { threads: number[]; opsPerSecond: Series; p95: Series; p99: Series } {
  const usable = rows.filter((r) => r.threads !== null).sort((a, b) => a.threads! - b.threads!);
  return {
    threads: usable.map((r) => r.threads!),
    opsPerSecond: seriesOf(usable, (r) => r.opsPerSecond),
    p95: seriesOf(usable, (r) => r.p95Ms),
    p99: seriesOf(usable, (r) => r.p99Ms),
  };
}
