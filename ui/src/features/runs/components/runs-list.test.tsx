import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { RunsList } from './runs-list';

describe('RunsList', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says there are no runs yet when the list is empty', async () => {
    mockApi([
      { path: /\/api\/v1\/runs(\?|$)/, reply: { body: { items: [], page: 0, size: 20, total: 0 } } },
      { path: '/api/v1/targets', reply: { body: [] } },
      { path: '/api/v1/scenarios', reply: { body: [] } },
    ]);
    renderAt(<RunsList />, { path: '/runs', url: '/runs' });
    expect(await screen.findByText('No runs yet')).toBeInTheDocument();
  });

  it('passes filters from the URL to the API and says when nothing matches', async () => {
    const fetchMock = mockApi([
      { path: /\/api\/v1\/runs\?/, reply: { body: { items: [], page: 1, size: 50, total: 0 } } },
      { path: '/api/v1/targets', reply: { body: [] } },
      { path: '/api/v1/scenarios', reply: { body: [] } },
    ]);
    renderAt(<RunsList />, { path: '/runs', url: '/runs?status=failed&page=1&size=50' });
    expect(await screen.findByText('No runs match these filters')).toBeInTheDocument();
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toContain('/api/v1/runs?status=failed&page=1&size=50');
  });

  it('compares 2 to 5 ticked runs, the oldest the baseline', async () => {
    const run = (id: number) => ({ id, status: 'completed', scenario_name: 's', target_name: 't', created_by: 'me', queued_at: '2026-11-23T18:00:00Z' });
    mockApi([
      { path: /\/api\/v1\/runs(\?|$)/, reply: { body: { items: [run(9), run(8), run(5)], page: 0, size: 20, total: 3 } } },
      { path: '/api/v1/targets', reply: { body: [] } },
      { path: '/api/v1/scenarios', reply: { body: [] } },
    ]);
    const { router } = renderAt(<RunsList />, { path: '/runs', url: '/runs' });
    await userEvent.click(await screen.findByLabelText('Pick run #9'));
    expect(screen.getByTestId('compare-runs')).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Pick run #5'));
    await userEvent.click(screen.getByTestId('compare-runs'));
    expect(router.state.location.pathname + router.state.location.search).toBe('/compare?runs=5,9');
  });
});
