import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { AgentsPage } from './agents-page';

const beat = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();

function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 1, name: 'eu-1', labels: { region: 'eu', pool: 'fast' }, cores: 8, memory_bytes: 16 * 1024 ** 3, version: '0.1.0',
    registered_at: beat(600), last_heartbeat: beat(1), online: true, clock_offset_ms: -0.412, round_trip_ms: 0.9,
    current_run: null, current_shard: null, ...overrides,
  };
}

describe('AgentsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists each agent: online or not, labels, cores, memory, version, its run and shard, heartbeat and clock offset', async () => {
    mockApi([{ path: '/api/v1/agents', reply: { body: [
      agent({ current_run: 42, current_shard: 1 }),
      agent({ id: 2, name: 'us-1', labels: {}, online: false, last_heartbeat: beat(180), clock_offset_ms: null, round_trip_ms: null, cores: 2, memory_bytes: 1536 * 1024 ** 2 }),
    ] } }]);
    renderAt(<AgentsPage />, { path: '/agents', url: '/agents' });
    const rows = await screen.findAllByTestId('agent-row');
    expect(rows).toHaveLength(2);

    const eu = within(rows[0]);
    expect(rows[0]).toHaveAttribute('data-online', 'true');
    expect(eu.getByTestId('agent-online')).toHaveTextContent('online');
    expect(eu.getByRole('rowheader')).toHaveTextContent('eu-1');
    expect(eu.getByText('pool=fast')).toBeInTheDocument();
    expect(eu.getByText('region=eu')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('16.0 GiB');
    expect(rows[0]).toHaveTextContent('0.1.0');
    expect(eu.getByRole('link', { name: 'Run #42' })).toHaveAttribute('href', '/runs/42');
    expect(eu.getByTestId('agent-current-run')).toHaveTextContent('shard 2'); // current_shard counts from 0
    expect(eu.getByTestId('agent-heartbeat')).toHaveTextContent(/^(just now|1 s ago|2 s ago)$/);
    expect(rows[0]).toHaveTextContent('-0.412 ms');

    const us = within(rows[1]);
    expect(us.getByTestId('agent-online')).toHaveTextContent('offline');
    expect(us.getByTestId('agent-current-run')).toHaveTextContent('idle');
    expect(us.getByTestId('agent-heartbeat')).toHaveTextContent('3 min ago');
    expect(rows[1]).toHaveTextContent('1.50 GiB');
  });

  it('refreshes on its own: an agent that stops beating turns offline', async () => {
    let online = true;
    mockApi([{ path: '/api/v1/agents', reply: () => ({ body: [agent({ online })] }) }]);
    renderAt(<AgentsPage />, { path: '/agents', url: '/agents' });
    expect(await screen.findByTestId('agent-online')).toHaveTextContent('online');
    online = false;
    await waitFor(() => expect(screen.getByTestId('agent-online')).toHaveTextContent('offline'), { timeout: 4_000 });
  });

  it('explains how to start an agent when none has registered', async () => {
    mockApi([{ path: '/api/v1/agents', reply: { body: [] } }]);
    renderAt(<AgentsPage />, { path: '/agents', url: '/agents' });
    const empty = await screen.findByTestId('agents-empty');
    expect(empty).toHaveTextContent('No agent has registered yet');
    expect(empty).toHaveTextContent(`benchdeck agent --server ${window.location.origin} --token YOUR_TOKEN`);
    expect(empty).toHaveTextContent('scope run');
    expect(within(empty).getByRole('link', { name: 'Make a token' })).toHaveAttribute('href', '/account');
    expect(screen.queryByTestId('agents-table')).not.toBeInTheDocument();
  });

  it('says the list could not be loaded, with the server\u2019s reason, and tries again', async () => {
    let fail = true;
    mockApi([{ path: '/api/v1/agents', reply: () => (fail
      ? { status: 503, body: { title: 'Service Unavailable', status: 503, detail: 'the database is unavailable' } }
      : { body: [agent()] }) }]);
    renderAt(<AgentsPage />, { path: '/agents', url: '/agents' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the agents.');
    expect(alert).toHaveTextContent('the database is unavailable');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('agent-row')).toHaveAttribute('data-agent', 'eu-1');
  });
});
