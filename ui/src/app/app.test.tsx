import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/testing/test-utils';
import { routes } from './router';

class SilentWebSocket {
  static OPEN = 1;
  readyState = 0;
  onopen = null;
  onclose = null;
  onmessage = null;
  send() {}
}

describe('the app shell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows navigation, the connection indicator and the overview with real numbers', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([
      { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } },
      {
        path: '/api/v1/overview',
        reply: { body: { runs_last_7_days: 12, success_rate: 0.75, runs_in_progress: 1, p95_by_scenario: [], recent_runs: [] } },
      },
    ]);
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('75.0%')).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link')).toHaveLength(4);
    // Server ready but the live feed still connecting.
    expect(screen.getByTestId('connection-indicator')).toHaveAttribute('data-status', 'checking');
  });
});
