import type { Comparison, MetricRow, StepComparison } from '@/shared/api-client/types';

const significance = { method: 'moving-block bootstrap of the difference of means', estimate: 2.3, low: 1.45, high: 3.18, p_value: 0.001,
  confidence: 0.99, significant: true, baseline_samples: 5, other_samples: 5, baseline_block: 3, other_block: 3, resamples: 2000 };

function row(metric: string, unit: string, values: (number | null)[], verdict: MetricRow['changes'][number]['verdict'] = 'not_tested'): MetricRow {
  const [base, other] = values;
  const absolute = base == null || other == null ? null : other - base;
  return {
    metric, label: metric.replace('.', ' '), unit, direction: metric === 'requests' ? 'neither' : metric === 'throughput' ? 'higher_is_better' : 'lower_is_better',
    values,
    changes: [{ run: 'run 8', absolute, percent: absolute == null || !base ? null : (100 * absolute) / base,
      significance: verdict === 'regression' || verdict === 'no_significant_change' ? { ...significance, significant: verdict === 'regression' } : null,
      not_tested: verdict === 'not_tested' ? 'the intervals do not carry it' : null, verdict }],
  };
}

function step(index: number, label: string, scale: number): StepComparison {
  return {
    index, label, present: [true, true],
    metrics: [
      row('requests', '', [100 * scale, 90 * scale]),
      row('throughput', '/s', [50 * scale, 45 * scale], 'no_significant_change'),
      row('error_rate', '%', [0, 0.5]),
      row('latency.p50', 'ms', [10, 12.5], 'regression'),
      row('latency.p90', 'ms', [14, 16]),
      row('latency.p95', 'ms', [15, 18]),
      row('latency.p99', 'ms', [20, 25], 'regression'),
      row('latency.p99.9', 'ms', [25, 30]),
      row('latency.max', 'ms', [30, 40]),
    ],
  };
}

/** A comparison of runs 7 and 8 over a two-step sweep, the second slower, with a plan diff. */
export const comparisonFixture: Comparison = {
  runs: [7, 8].map((id) => ({ name: `run ${id}`, plan: 'e2e', state: 'completed', partial: false, partial_reason: null, driver: 'http',
    started_at_millis: 1_780_000_000_000 + id, ended_at_millis: 1_780_000_002_000 + id, labels: id === 8 ? { branch: 'slow' } : ({} as Record<string, string>) })),
  options: { confidence: 0.99, resamples: 2000, seed: 14 },
  steps: [step(0, 'users=2', 1), step(1, 'users=4', 2)],
  notes: ['a note about the runs'],
  differences: {
    plans: [{ baseline: 'run 7', other: 'run 8', diff: '--- run 7\n+++ run 8\n@@ -1,2 +1,2 @@\n-workload: {path: /hello}\n+workload: {path: /delay/5}\n load: {}\n', unavailable: null }],
    environment: [{ name: 'java', values: ['21', '25'], differs: true }, { name: 'cpus', values: ['2', '2'], differs: false }],
    labels: [{ name: 'branch', values: [null as unknown as string, 'slow'], differs: true }],
  },
};
