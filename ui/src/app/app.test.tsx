import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/testing/test-utils';
import { routes } from './router';

// jsdom has no canvas or matchMedia; the run screen's charts get a stand-in plot.
vi.mock('uplot', () => ({ default: class { setData() {} destroy() {} } }));

class SilentWebSocket {
  static OPEN = 1;
  readyState = 0;
  onopen = null;
  onclose = null;
  onmessage = null;
  send() {}
}

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('the app shell', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows its own not-found page, with ways back, for a path that names nothing', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([{ path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } }]);
    for (const url of ['/nowhere', '/targets/nowhere', '/scenarios/nowhere/edit', '/runs/12x']) {
      renderApp(url);
      // the first visit of a screen loads its chunk, which takes a moment in a cold test run
      const page = await screen.findByTestId('not-found', {}, { timeout: 5_000 });
      expect(within(page).getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '/');
      cleanup();
    }
  });

  it('renders its first page without router warnings (no HydrateFallback needed: screens load inside the layout)', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    mockApi([{ path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } }]);
    renderApp('/nowhere');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument(); // the layout is there at once
    await screen.findByTestId('not-found');
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('shows navigation, the connection indicator and the overview with real numbers', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([
      { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } },
      {
        path: '/api/v1/overview',
        reply: { body: { runs_last_7_days: 12, success_rate: 0.75, runs_in_progress: 1, p95_by_scenario: [], recent_runs: [] } },
      },
    ]);
    renderApp('/');
    expect(await screen.findByText('75.0%')).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link')).toHaveLength(4);
    // Server ready but the live feed still connecting.
    expect(screen.getByTestId('connection-indicator')).toHaveAttribute('data-status', 'checking');
  });
});
