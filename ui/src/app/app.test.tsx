import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authStateRoute, mockApi, testUser } from '@/testing/test-utils';
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
    mockApi([authStateRoute(testUser('viewer')), { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } }]);
    for (const url of ['/nowhere', '/targets/nowhere', '/scenarios/nowhere/edit', '/scenarios/nowhere/history', '/runs/12x']) {
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
    mockApi([authStateRoute(testUser('viewer')), { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } }]);
    renderApp('/nowhere');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument(); // the layout is there before the screen's chunk
    await screen.findByTestId('not-found');
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('shows navigation, the connection indicator and the overview with real numbers', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([
      authStateRoute(testUser('editor', 'ann')),
      { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } },
      {
        path: '/api/v1/overview',
        reply: { body: { runs_last_7_days: 12, success_rate: 0.75, runs_in_progress: 1, p95_by_scenario: [], recent_runs: [] } },
      },
    ]);
    renderApp('/');
    expect(await screen.findByText('75.0%')).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((link) => link.textContent))
      .toEqual(['Overview', 'Targets', 'Scenarios', 'Runs', 'Agents']);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Agents' })).toHaveAttribute('href', '/agents');
    // Server ready but the live feed still connecting.
    expect(screen.getByTestId('connection-indicator')).toHaveAttribute('data-status', 'checking');
    // who is signed in, with no admin links for an editor
    expect(screen.getByTestId('current-user')).toHaveTextContent('ann (editor)');
    expect(screen.getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/account');
    expect(screen.queryByRole('navigation', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('shows admins their admin links', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([authStateRoute(testUser('admin', 'root')), { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } }]);
    renderApp('/nowhere');
    const admin = await screen.findByRole('navigation', { name: 'Admin' });
    expect(within(admin).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/admin/users', '/admin/settings', '/admin/audit', '/admin/webhooks']);
  });

  it('sends someone not signed in to the sign-in page, remembering where they were going', async () => {
    mockApi([authStateRoute(null)]);
    const router = renderApp('/runs?status=failed');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/runs?status=failed')}`);
  });

  it('sends everyone to the setup page while there are no users', async () => {
    mockApi([authStateRoute(null, { setup_required: true })]);
    const router = renderApp('/');
    await screen.findByRole('heading', { name: 'Create the first admin' });
    expect(router.state.location.pathname).toBe('/setup');
  });

  it('keeps a user who must change their password on the account page', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([
      authStateRoute({ ...testUser('viewer', 'vic'), must_change_password: true }),
      { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } },
    ]);
    const router = renderApp('/scenarios');
    await screen.findByTestId('must-change-password', {}, { timeout: 5_000 });
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.queryByText('API tokens')).not.toBeInTheDocument();
  });

  it('shows a viewer that the admin pages are not theirs', async () => {
    vi.stubGlobal('WebSocket', SilentWebSocket);
    mockApi([authStateRoute(testUser('viewer')), { path: '/actuator/health/readiness', reply: { body: { status: 'UP' } } }]);
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { name: 'Admins only' }, { timeout: 5_000 })).toBeInTheDocument();
  });
});
