import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt, testUser } from '@/testing/test-utils';
import { connectedStatus, storedConfig } from '../api/gateway.fixture';
import { GatewayPage } from './gateway-page';

// jsdom has no canvas or matchMedia: the charts get a stand-in plot (the wrapper still counts its points)
vi.mock('uplot', () => ({ default: class { setData() {} destroy() {} } }));

const socket = vi.hoisted(() => ({
  gatewayListeners: new Map<number, (message: unknown) => void>(),
  watched: [] as number[],
}));

vi.mock('@/shared/api-client/live-socket', () => ({
  liveSocket: {
    watchGateway: (targetId: number, listener: (message: unknown) => void) => {
      socket.watched.push(targetId);
      socket.gatewayListeners.set(targetId, listener);
      return () => socket.gatewayListeners.delete(targetId);
    },
    subscribe: () => () => undefined,
    onStateChange: () => () => undefined,
  },
}));

const target = { id: 7, name: 'Demo gateway', kind: 'gateway', url: 'http://127.0.0.1:8002', options: {}, has_credentials: true };

function push(message: unknown) {
  act(() => socket.gatewayListeners.get(7)?.(message));
}

function renderPage(routes: Parameters<typeof mockApi>[0] = [], user = testUser()) {
  const api = mockApi([
    { path: '/api/v1/targets/7', reply: { body: target } },
    { path: '/api/v1/targets/7/gateway/config', reply: { body: storedConfig } },
    ...routes,
  ]);
  renderAt(<GatewayPage targetId={7} />, { user });
  return api;
}

describe('GatewayPage', () => {
  beforeEach(() => {
    socket.gatewayListeners.clear();
    socket.watched = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows checking until the server pushes a status, then the stage table, figures, circuits and charts', async () => {
    renderPage();
    expect(await screen.findByTestId('gateway-connection')).toHaveTextContent('Checking…');
    expect(socket.watched).toEqual([7]);
    push({ type: 'gateway', target_id: 7, gateway: connectedStatus(100, 200) });
    expect(screen.getByTestId('gateway-connection')).toHaveTextContent('Connected');
    expect(screen.getByTestId('stage-row-streaming')).toHaveTextContent('40');
    expect(screen.getByTestId('gateway-cache-hit-ratio')).toHaveTextContent('25');
    expect(screen.getByTestId('gateway-rate-limited')).toHaveTextContent('3');
    expect(screen.getByTestId('gateway-failovers')).toHaveTextContent('1');
    expect(screen.getByTestId('circuit-fake')).toHaveTextContent('closed');
    push({ type: 'gateway', target_id: 7, gateway: connectedStatus(110, 260) });
    const chart = document.querySelector('[data-chart="gateway-stage-streaming"]');
    expect(chart).toHaveAttribute('data-points', '4');
    expect(screen.getByTestId('stage-idle-cache')).toHaveTextContent('No request through this stage yet.');
    // another gateway's status is not this page's
    push({ type: 'gateway', target_id: 8, gateway: { ...connectedStatus(1, 1), target_id: 8, status: 'disconnected' } });
    expect(screen.getByTestId('gateway-connection')).toHaveTextContent('Connected');
  });

  it('turns disconnected with the reason when the server says the gateway is gone', async () => {
    renderPage();
    await screen.findByTestId('gateway-connection');
    push({ type: 'gateway', target_id: 7, gateway: { target_id: 7, status: 'disconnected', health: null, stats: null, error: 'cannot reach the gateway: refused' } });
    expect(screen.getByTestId('gateway-connection')).toHaveTextContent('Disconnected');
    expect(screen.getByText('cannot reach the gateway: refused')).toBeInTheDocument();
  });

  it('saves only the changed settings and shows the gateway\u2019s problems next to their fields', async () => {
    const api = renderPage([{
      method: 'PUT', path: '/api/v1/targets/7/gateway/config',
      reply: (init) => {
        const body = JSON.parse(String(init?.body));
        return body.max_concurrent_connections === 0
          ? { status: 422, body: { title: 'Invalid config', status: 422, detail: '1 problem in the config; nothing was changed',
              errors: [{ path: 'max_concurrent_connections', message: 'must be between 1 and 1000000' }] } }
          : { body: { ...storedConfig, ...body } };
      },
    }]);
    const connections = await screen.findByLabelText('Max concurrent connections');
    expect(connections).toHaveValue('10000');
    await userEvent.clear(connections);
    await userEvent.type(connections, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    await waitFor(() => expect(screen.getByLabelText('Max concurrent connections')).toHaveAccessibleDescription('must be between 1 and 1000000'));

    await userEvent.clear(screen.getByLabelText('Max concurrent connections'));
    await userEvent.type(screen.getByLabelText('Max concurrent connections'), '500');
    await userEvent.click(screen.getByRole('switch', { name: 'Caching' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    expect(await screen.findByText(/Saved: the gateway applies these settings now/)).toBeInTheDocument();
    const puts = api.mock.calls.filter(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(puts[1][1]?.body))).toEqual({ enable_caching: false, max_concurrent_connections: 500 });
    expect(screen.getByLabelText('Max concurrent connections')).toHaveValue('500');
    expect(screen.getByRole('switch', { name: 'Caching' })).not.toBeChecked();
  });

  it('makes an editor a load-test scenario of their own rather than changing another person\u2019s', async () => {
    const api = renderPage([
      { path: '/api/v1/scenarios', reply: { body: [{ id: 30, name: 'Load test: Demo gateway', target_id: 7, created_by: 'admin' }] } },
      { method: 'POST', path: '/api/v1/scenarios', reply: (init) => ({ status: 201, body: { id: 32, ...JSON.parse(String(init?.body)) } }) },
      { method: 'POST', path: '/api/v1/scenarios/32/runs', reply: { status: 202, body: { id: 100, status: 'queued' } } },
    ], testUser('editor'));
    await userEvent.click(await screen.findByRole('button', { name: 'Run load test' }));
    expect(await screen.findByTestId('load-test-run-link')).toHaveAttribute('href', '/runs/100');
    expect(api.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });

  it('shows a viewer the stored configuration without Save and no load tester', async () => {
    renderPage([], testUser('viewer'));
    expect(await screen.findByLabelText('Max concurrent connections')).toBeDisabled();
    expect(screen.getByText(/Only the target's creator or an admin can change this configuration/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save configuration' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('gateway-load-tester')).not.toBeInTheDocument();
  });

  it('starts an ordinary run of the load-test scenario and links to its page', async () => {
    const api = renderPage([
      { path: '/api/v1/scenarios', reply: { body: [] } },
      { method: 'POST', path: '/api/v1/scenarios', reply: (init) => ({ status: 201, body: { id: 31, ...JSON.parse(String(init?.body)) } }) },
      { method: 'POST', path: '/api/v1/scenarios/31/runs', reply: { status: 202, body: { id: 99, status: 'queued' } } },
    ]);
    const concurrency = await screen.findByLabelText('Concurrency');
    await userEvent.clear(concurrency);
    await userEvent.type(concurrency, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Run load test' }));
    expect(await screen.findByTestId('load-test-run-link')).toHaveAttribute('href', '/runs/99');
    const created = JSON.parse(String(api.mock.calls.find(([url, init]) => url === '/api/v1/scenarios' && init?.method === 'POST')![1]?.body));
    expect(created.name).toBe('Load test: Demo gateway');
    expect(created.target_id).toBe(7);
    expect(JSON.parse(created.plan_yaml).load).toEqual({ model: 'closed', users: 3, requests: 50, warmup: '0s' });
  });

  it('names a bad load-test field and starts nothing', async () => {
    const api = renderPage();
    const total = await screen.findByLabelText('Total requests');
    await userEvent.clear(total);
    await userEvent.type(total, 'many');
    await userEvent.click(screen.getByRole('button', { name: 'Run load test' }));
    expect(screen.getByLabelText('Total requests')).toHaveAccessibleDescription('must be a whole number ≥ 1');
    expect(api.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
