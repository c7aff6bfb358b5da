import { screen } from '@testing-library/react';
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
});
