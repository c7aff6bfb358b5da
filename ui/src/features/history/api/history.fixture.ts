import type { Alert, HistoryPoint, ScenarioHistory } from './history';

/** A point of run `number` (id 100 + number), a day apart from 1 December 2026, with p50 and throughput. */
export function point(number: number, p50: number | undefined, extra: Partial<HistoryPoint> = {}): HistoryPoint {
  return {
    run_id: 100 + number, number, at: `2026-12-0${number}T10:00:00Z`, source: 'dashboard', labels: { branch: 'main', commit: 'abcdef1234567890' },
    values: { throughput: 400 - number, ...(p50 === undefined ? {} : { 'latency.p50': p50 }) }, in_baseline: number < 4, alerts: [], ...extra,
  };
}

/** Four runs of one step; the fourth is slow and raised an open percentage alert on p50. */
export function slowedHistory(): ScenarioHistory {
  return {
    scenario_id: 3, scenario_name: 'checkout',
    metrics: [
      { name: 'throughput', unit: '/s', worse: 'lower_is_worse' },
      { name: 'latency.p50', unit: 'ms', worse: 'higher_is_worse' },
    ],
    steps: [{
      index: 0, label: '2 users',
      points: [point(1, 5.1), point(2, 5.3), point(3, 4.9),
        point(4, 35.2, { alerts: [{ id: 9, metric: 'latency.p50', test: 'percentage', status: 'open', message: 'p50 is 590% above its baseline' }] })],
      baselines: { 'latency.p50': { mean: 5.1, sd: 0.2, runs: 3, run_ids: [101, 102, 103] } },
    }],
  };
}

export function alert(extra: Partial<Alert> = {}): Alert {
  return {
    id: 9, run_id: 104, scenario_id: 3, scenario_name: 'checkout', run_number: 4, step_index: 0, step_label: '2 users',
    metric: 'latency.p50', unit: 'ms', test: 'percentage', value: 35.2, baseline: 5.1, details: '{}',
    message: 'p50 is 590% above its baseline', status: 'open', status_by: null, status_at: null, status_reason: null,
    created_at: '2026-12-04T10:00:05Z', ...extra,
  };
}
