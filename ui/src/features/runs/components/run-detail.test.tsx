import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunDetail as Run, RunStatus } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { RunDetail } from './run-detail';

// jsdom has no canvas; the charts' frames still render around a stand-in plot.
vi.mock('uplot', () => ({
  default: class {
    width = 600;
    setData() {}
    setSize() {}
    destroy() {}
  },
}));

const summary = { count: 1000, min: 0.2, mean: 1, p50: 1, p90: 2, p95: 2.5, p99: 4, p999: 7, max: 9 };
const step = {
  index: 0, label: 'users 10', measured_seconds: 10, requests: 1000, ok: 1000, errors: 0, errors_by_class: {}, dropped: 0,
  throughput: 100, error_rate: 0, latencies: { latency: { summary } }, error_samples: [],
};

function run(status: RunStatus): Run {
  return {
    id: 42, scenario_id: 3, scenario_name: 'hello', target_id: 1, target_name: 'demo', status, created_by: 'me',
    queued_at: '2026-11-23T18:00:00Z', started_at: '2026-11-23T18:00:01Z', ended_at: null,
    requests: 1000, throughput: 100, error_rate: 0, p50_ms: 1, p95_ms: 2.5, p99_ms: 4, thresholds_passed: null,
    plan_yaml: 'load: {users: 10}\n', environment: null, failure: null, steps: [step], overall: step, verdicts: [],
  };
}

function renderRun(status: RunStatus, liveStatus?: RunStatus) {
  mockApi([
    { path: '/api/v1/runs/42', reply: { body: run(status) } },
    { path: '/api/v1/runs/42/errors', reply: { body: [] } },
  ]);
  renderAt(<RunDetail runId={42} liveStatus={liveStatus} />, { path: '/runs/:id', url: '/runs/42' });
}

describe('RunDetail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers Cancel while the run is running', async () => {
    renderRun('running');
    expect(await screen.findByTestId('run-status')).toHaveTextContent('running');
    expect(screen.getByTestId('cancel-run')).toBeInTheDocument();
    expect(screen.getByTestId('rerun')).toBeInTheDocument();
    expect(screen.getByTestId('step-table')).toHaveTextContent('1,000');
  });

  it('hides Cancel once the run has finished', async () => {
    renderRun('completed');
    expect(await screen.findByTestId('run-status')).toHaveTextContent('completed');
    expect(screen.queryByTestId('cancel-run')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download result JSON' })).toHaveAttribute('href', '/api/v1/runs/42/result');
  });

  it('follows the live status over the stored one', async () => {
    renderRun('running', 'cancelled');
    expect(await screen.findByTestId('run-status')).toHaveTextContent('cancelled');
    expect(screen.queryByTestId('cancel-run')).not.toBeInTheDocument();
  });
});
