import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepResult } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import type { RunShard } from '../api/run-shards';
import { AgentBreakdown } from './agent-breakdown';

// jsdom has no canvas: a stand-in plot (the wrapper still counts its points), and the bars' path builder
vi.mock('uplot', () => ({
  default: class {
    static paths = { bars: () => () => null };
    setData() {}
    destroy() {}
  },
}));

function overall(requests: number, throughput: number, p50: number, p99: number, errorRate = 0): StepResult {
  return {
    index: -1, label: 'all steps', measured_seconds: 10, requests, ok: requests, errors: 0, errors_by_class: {}, dropped: 0, throughput,
    error_rate: errorRate, latencies: { latency: { histogram: '', summary: { count: requests, min: 0.1, mean: p50, p50, p90: p99, p95: p99, p99, p999: p99, max: p99 } } },
    error_samples: [], stream: null, partial: false, cpu: null, counts: {}, generator_saturated: false, journey: null,
  };
}

function shard(index: number, name: string, overrides: Partial<RunShard> = {}): RunShard {
  return {
    shard_index: index, shard_count: 2, agent_id: index + 1, agent_name: name, status: 'finished', clock_offset_ms: 0.2, round_trip_ms: 0.8,
    assigned_at: '2026-12-07T12:00:00Z', ended_at: '2026-12-07T12:00:12Z', failure: null, overall: null, ...overrides,
  };
}

function renderBreakdown(reply: Parameters<typeof mockApi>[0][number]['reply'], runActive = false) {
  const api = mockApi([{ path: '/api/v1/runs/42/shards', reply }]);
  const view = renderAt(<div data-testid="page"><AgentBreakdown runId={42} runActive={runActive} /></div>, { path: '/runs/:id', url: '/runs/42' });
  return { api, ...view };
}

describe('AgentBreakdown', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each agent\u2019s shard with its own figures and a bar per agent for throughput and p99', async () => {
    renderBreakdown({ body: [
      shard(0, 'eu-1', { overall: overall(1200, 120, 1.5, 9.8) }),
      shard(1, 'eu-2', { overall: overall(800, 80, 2.25, 14.5, 0.0125) }),
    ] });
    const rows = await screen.findAllByTestId('shard-row');
    expect(rows.map((r) => r.getAttribute('data-agent'))).toEqual(['eu-1', 'eu-2']);
    expect(within(rows[0]).getByTestId('shard-status')).toHaveTextContent('finished');
    expect(rows[0]).toHaveTextContent('1 of 2');
    expect(rows[0]).toHaveTextContent('1,200');
    expect(rows[0]).toHaveTextContent('120 req/s');
    expect(rows[0]).toHaveTextContent('1.50 ms');
    expect(rows[0]).toHaveTextContent('9.80 ms');
    expect(rows[1]).toHaveTextContent('2 of 2');
    expect(rows[1]).toHaveTextContent('14.5 ms');
    expect(rows[1]).toHaveTextContent('1.25%');
    expect(screen.getByTestId('agent-breakdown')).toHaveTextContent('2 agents');
    expect(document.querySelector('[data-chart="Throughput per agent"]')).toHaveAttribute('data-points', '2');
    expect(document.querySelector('[data-chart="p99 latency per agent"]')).toHaveAttribute('data-points', '2');
  });

  it('marks a lost agent with when it was lost and why, without figures or a bar of its own', async () => {
    renderBreakdown({ body: [
      shard(0, 'survivor', { overall: overall(900, 90, 1, 5) }),
      shard(1, 'doomed', { status: 'lost', ended_at: '2026-12-07T12:00:07Z',
        failure: 'agent doomed (shard 2 of 2) was lost at 2026-12-07T12:00:07Z: silent for 5 s' }),
    ] });
    const lost = (await screen.findAllByTestId('shard-row')).find((r) => r.getAttribute('data-agent') === 'doomed')!;
    expect(lost).toHaveAttribute('data-status', 'lost');
    expect(within(lost).getByTestId('shard-status')).toHaveTextContent('lost');
    expect(within(lost).getByTestId('shard-ended')).toHaveTextContent(/^lost at .+/);
    expect(within(lost).getAllByText('—')).toHaveLength(5);
    expect(screen.getByTestId('shard-failure')).toHaveTextContent('was lost at 2026-12-07T12:00:07Z: silent for 5 s');
    expect(screen.getByTestId('agent-breakdown')).toHaveTextContent('1 lost: the run keeps what it sent before.');
    expect(document.querySelector('[data-chart="Throughput per agent"]')).toHaveAttribute('data-points', '1');
  });

  it('waits for the first agent to finish before drawing bars, and polls while shards are under way', async () => {
    let status: RunShard['status'] = 'running';
    const { api } = renderBreakdown(() => ({ body: [
      shard(0, 'eu-1', { status, ended_at: status === 'running' ? null : '2026-12-07T12:00:12Z', overall: status === 'running' ? null : overall(10, 1, 1, 2) }),
    ] }));
    expect(await screen.findByTestId('shard-row')).toHaveAttribute('data-status', 'running');
    expect(screen.getByText('No agent has finished yet')).toBeInTheDocument();
    expect(document.querySelector('[data-chart]')).toBeNull();
    status = 'finished';
    await waitFor(() => expect(screen.getByTestId('shard-row')).toHaveAttribute('data-status', 'finished'), { timeout: 4_000 });
    expect(document.querySelector('[data-chart="Throughput per agent"]')).toHaveAttribute('data-points', '1');
    expect(api.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('draws nothing for a run on the server (no shards)', async () => {
    const { queryClient } = renderBreakdown({ body: [] });
    await waitFor(() => expect(queryClient.getQueryState(['runs', 42, 'shards'])?.status).toBe('success'));
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });

  it('draws nothing for a run on one agent that finished (the server\u2019s local agent runs every plan without agents)', async () => {
    const { queryClient } = renderBreakdown({ body: [shard(0, 'local-1', { shard_count: 1 })] });
    await waitFor(() => expect(queryClient.getQueryState(['runs', 42, 'shards'])?.status).toBe('success'));
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });

  it('shows a run\u2019s only agent when it was lost', async () => {
    renderBreakdown({ body: [shard(0, 'local-1', { shard_count: 1, status: 'lost', ended_at: '2026-12-07T12:00:07Z', failure: 'agent local-1 was lost' })] });
    expect(await screen.findByTestId('agent-breakdown')).toBeInTheDocument();
    expect(screen.getByTestId('shard-row')).toHaveAttribute('data-status', 'lost');
  });

  it('says the breakdown could not be loaded, with the reason, and tries again', async () => {
    let fail = true;
    renderBreakdown(() => (fail
      ? { status: 500, body: { title: 'Internal Server Error', status: 500, detail: 'the shards could not be read' } }
      : { body: [shard(0, 'eu-1', { overall: overall(10, 1, 1, 2) })] }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the per-agent breakdown.');
    expect(alert).toHaveTextContent('the shards could not be read');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('shard-row')).toHaveAttribute('data-agent', 'eu-1');
  });
});
