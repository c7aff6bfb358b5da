import type uPlot from 'uplot';
import type { IntervalSnapshot, LatencySummary, MetricRow, StepComparison } from '@/shared/api-client/types';
import { toPoint } from '@/shared/charts/chart-data';
import type { PercentileSeries } from '@/shared/charts/percentile-distribution';

/**
 * One chart's data over elapsed seconds, a series per run: x is the union of every run's interval
 * ends (each run's clock starts at its own start), y the picked figure or a gap where that run has none.
 */
export function alignOnElapsed(runs: readonly (readonly IntervalSnapshot[])[], pick: (s: IntervalSnapshot) => unknown): uPlot.AlignedData {
  const byRun = runs.map((intervals) => new Map(intervals.map((s) => [s.elapsed_seconds, toPoint(pick(s))])));
  const xs = [...new Set(byRun.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  return [xs, ...byRun.map((m) => xs.map((x) => m.get(x) ?? null))];
}

/** The row of `metric` (a key such as `latency.p99`) in a step, if some run measured it. */
export function rowOf(step: StepComparison, metric: string): MetricRow | undefined {
  return step.metrics.find((m) => m.metric === metric);
}

const DISTRIBUTION_KEYS: readonly [keyof LatencySummary, string][] = [
  ['p50', 'latency.p50'], ['p90', 'latency.p90'], ['p95', 'latency.p95'], ['p99', 'latency.p99'], ['p999', 'latency.p99.9'], ['max', 'latency.max'],
];

/**
 * Each run's latency by percentile in a step, from the comparison's rows (which the server reads from
 * the merged histograms): a series per run that measured latency, its maximum placed by its request count.
 */
export function distributionSeries(step: StepComparison, runNames: readonly string[]): PercentileSeries[] {
  const requests = rowOf(step, 'requests');
  return runNames.flatMap((label, run) => {
    const summary: LatencySummary = { count: requests?.values[run] ?? 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
    let measured = false;
    for (const [key, metric] of DISTRIBUTION_KEYS) {
      const value = toPoint(rowOf(step, metric)?.values[run]);
      summary[key] = value ?? Number.NaN;
      measured ||= value !== null;
    }
    return measured && summary.count > 0 ? [{ label, summary }] : [];
  });
}

/** The load a step's label names (`users=20` → 20, `rate=100/s` → 100), as the HTML report reads it; null without one. */
export function loadOf(label: string): number | null {
  const match = /^\s*[a-z_]+=(\d+(?:\.\d+)?)/i.exec(label);
  return match ? Number(match[1]) : null;
}

/**
 * A sweep's figures against the steps' load, a series per run: only when at least two steps name
 * distinct loads (otherwise there is no line to draw); null when the comparison is not a sweep.
 */
export function sweepColumns(steps: readonly StepComparison[], metric: string, runs: number): uPlot.AlignedData | null {
  const usable = steps.filter((s) => s.index >= 0 && loadOf(s.label) !== null).sort((a, b) => loadOf(a.label)! - loadOf(b.label)!);
  const loads = usable.map((s) => loadOf(s.label)!);
  if (new Set(loads).size < 2 || new Set(loads).size !== loads.length) return null;
  const series = Array.from({ length: runs }, (_, run) => usable.map((s) => toPoint(rowOf(s, metric)?.values[run])));
  return [loads, ...series];
}

export type DiffLine = { kind: 'added' | 'removed' | 'hunk' | 'file' | 'context'; text: string };

/** A unified diff's lines, each marked by its first character as `diff -u` writes them. */
export function diffLines(diff: string): DiffLine[] {
  return diff.replace(/\n$/, '').split('\n').map((text) => ({
    kind: text.startsWith('+++') || text.startsWith('---') ? 'file'
      : text.startsWith('@@') ? 'hunk'
        : text.startsWith('+') ? 'added'
          : text.startsWith('-') ? 'removed' : 'context',
    text,
  }));
}
