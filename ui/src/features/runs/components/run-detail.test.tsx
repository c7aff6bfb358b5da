import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunDetail as Run, RunStatus, StepResult } from '@/shared/api-client/types';
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
const step: StepResult = {
  index: 0, label: 'users=10', measured_seconds: 10, requests: 1000, ok: 1000, errors: 0, errors_by_class: {}, dropped: 0,
  throughput: 100, error_rate: 0, latencies: { latency: { histogram: '', summary } }, error_samples: [], stream: null, partial: false, cpu: null, counts: {}, generator_saturated: false, journey: null,
};

function run(status: RunStatus, overrides: Partial<Run> = {}): Run {
  return {
    id: 42, scenario_id: 3, scenario_name: 'hello', target_id: 1, target_name: 'demo', status, created_by: 'me',
    queued_at: '2026-11-23T18:00:00Z', started_at: '2026-11-23T18:00:01Z', ended_at: null,
    requests: 1000, throughput: 100, error_rate: 0, p50_ms: 1, p95_ms: 2.5, p99_ms: 4, thresholds_passed: null, labels: {}, source: null,
    plan_yaml: 'load: {users: 10}\n', environment: null, failure: null, setup: null, steps: [step], overall: step, verdicts: [], ...overrides,
  };
}

function renderRun(detail: Run | { status: number; body: unknown }, liveStatus?: RunStatus) {
  const api = mockApi([
    { path: '/api/v1/runs/42', reply: 'id' in detail ? { body: detail } : detail },
    { path: '/api/v1/runs/42/errors', reply: { body: [] } },
    { method: 'DELETE', path: '/api/v1/runs/42', reply: { status: 204 } },
  ]);
  const view = renderAt(<RunDetail runId={42} liveStatus={liveStatus} />, { path: '/runs/:id', url: '/runs/42' });
  return { api, ...view };
}

describe('RunDetail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers Cancel while the run is running, and no Delete', async () => {
    renderRun(run('running'));
    expect(await screen.findByTestId('run-status')).toHaveTextContent('running');
    expect(screen.getByTestId('cancel-run')).toBeInTheDocument();
    expect(screen.getByTestId('rerun')).toBeInTheDocument();
    expect(screen.queryByTestId('delete-run')).not.toBeInTheDocument();
    expect(screen.getByTestId('step-table')).toHaveTextContent('1,000');
  });

  it('hides Cancel once the run has finished', async () => {
    renderRun(run('completed'));
    expect(await screen.findByTestId('run-status')).toHaveTextContent('completed');
    expect(screen.queryByTestId('cancel-run')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download result JSON' })).toHaveAttribute('href', '/api/v1/runs/42/result');
  });

  it('follows the live status over the stored one', async () => {
    renderRun(run('running'), 'cancelled');
    expect(await screen.findByTestId('run-status')).toHaveTextContent('cancelled');
    expect(screen.queryByTestId('cancel-run')).not.toBeInTheDocument();
  });

  it('deletes a finished run after a confirmation and goes to the runs list', async () => {
    const { api, router } = renderRun(run('completed'));
    await userEvent.click(await screen.findByTestId('delete-run'));
    expect(api.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByTestId('delete-run-confirm'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/runs'));
    expect(api.mock.calls.some(([url, init]) => init?.method === 'DELETE' && String(url) === '/api/v1/runs/42')).toBe(true);
  });

  it('says the server\u2019s reason when a delete is refused, and stays', async () => {
    mockApi([
      { path: '/api/v1/runs/42', reply: { body: run('failed') } },
      { path: '/api/v1/runs/42/errors', reply: { body: [] } },
      { method: 'DELETE', path: '/api/v1/runs/42', reply: { status: 409, body: { title: 'Conflict', status: 409, detail: 'run 42 is running; cancel it first' } } },
    ]);
    const { router } = renderAt(<RunDetail runId={42} />, { path: '/runs/:id', url: '/runs/42' });
    await userEvent.click(await screen.findByTestId('delete-run'));
    await userEvent.click(screen.getByTestId('delete-run-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('cancel it first');
    expect(router.state.location.pathname).toBe('/runs/42');
  });

  it('shows the not-found page for a run that does not exist', async () => {
    renderRun({ status: 404, body: { title: 'Not Found', status: 404, detail: 'run 42 not found' } });
    expect(await screen.findByTestId('not-found')).toHaveTextContent('There is no such run');
  });

  it('says "no thresholds" when none were checked, never "passed"', async () => {
    renderRun(run('completed', { thresholds_passed: true }));
    expect(await screen.findByTestId('run-thresholds')).toHaveTextContent('no thresholds');
  });

  it('says failed when a checked threshold failed, with each actual value in its unit', async () => {
    renderRun(run('completed', {
      thresholds_passed: false,
      verdicts: [
        { threshold: 'p99 < 2ms', scope: 'overall', actual: 1.734, passed: true, unit: 'ms' },
        { threshold: 'error_rate < 1%', scope: 'overall', actual: 1.5, passed: false, unit: '%' },
        { threshold: 'throughput > 50/s', scope: 'users=10', actual: 99.5, passed: true, unit: '/s' },
        { threshold: 'errors < 5', scope: 'overall', actual: 7, passed: false, unit: '' },
      ],
    }));
    expect(await screen.findByTestId('run-thresholds')).toHaveTextContent('failed');
    const actuals = screen.getAllByTestId('verdict-actual').map((c) => c.textContent);
    expect(actuals).toEqual(['1.73 ms', '1.50%', '99.5/s', '7']);
  });

  it('says ops/s in the header of a database run, like its table', async () => {
    renderRun(run('completed', { plan_yaml: 'workload:\n  driver: jdbc\n  rows: 1000\n', throughput: 1234.5 }));
    expect(await screen.findByTestId('run-throughput')).toHaveTextContent('1,235 ops/s');
    expect(screen.getByTestId('thread-table')).toHaveTextContent('ops/s');
  });

  it('marks a step that ended early as partial', async () => {
    renderRun(run('cancelled', { steps: [{ ...step, partial: true }, { ...step, index: 1, label: 'users=20' }], overall: { ...step, partial: true } }));
    const table = await screen.findByTestId('step-table');
    const marks = within(table).getAllByTestId('partial-step');
    expect(marks).toHaveLength(2); // the step and all steps
    expect(within(table).getByText('users=20').closest('tr')).not.toHaveTextContent('partial');
  });

  it('shows the CPU figures, and the warning when other processes used the CPU, without an alert', async () => {
    const warning = 'other processes used 0.35 of a core during this step; the figures may be distorted';
    renderRun(run('completed', {
      steps: [{ ...step, cpu: { cores: 2, process_cores: 0.93, other_cores: 0.35, warning } }],
      overall: { ...step, cpu: { cores: 2, process_cores: 0.93, other_cores: 0.35, warning } },
    }));
    expect(await screen.findByTestId('run-cpu')).toHaveTextContent('0.93 of 2 cores (others 0.35)');
    expect(screen.getByTestId('cpu-warning')).toHaveTextContent(warning);
    expect(screen.getByTestId('cpu-warning')).toHaveTextContent(/busy with other work/);
    expect(screen.getByTestId('cpu-table')).toHaveTextContent('0.35');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says nothing of CPU warnings when there were none, and a dash where the platform could not tell', async () => {
    renderRun(run('completed', { overall: { ...step, cpu: null } }));
    expect(await screen.findByTestId('run-cpu')).toHaveTextContent('—');
    expect(screen.queryByTestId('cpu-warning')).not.toBeInTheDocument();
  });
});
