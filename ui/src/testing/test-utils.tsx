import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { CurrentUserContext, currentUserOf, ROLES, type Role, type User } from '@/shared/auth/current-user';

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Route = { method?: string; path: string | RegExp; reply: Reply | ((init: RequestInit | undefined) => Reply) };

/** Stubs `fetch` with a tiny router: the first route matching method and path answers; others 404. */
export function mockApi(routes: Route[]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const route = routes.find((r) => (r.method ?? 'GET') === method && (typeof r.path === 'string' ? url === r.path : r.path.test(url)));
    const reply = route ? (typeof route.reply === 'function' ? route.reply(init) : route.reply) : { status: 404, body: { title: 'Not Found', status: 404 } };
    const status = reply.status ?? 200;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function testUser(role: Role = 'admin', username: string = role): User {
  return {
    id: ROLES.indexOf(role) + 1, username, role, enabled: true, totp_enabled: false, must_change_password: false,
    created_at: '2026-01-01T00:00:00Z', last_sign_in_at: null,
  };
}

/** The public auth state the server answers, for a signed-in `user` (or nobody). */
export function authStateRoute(user: User | null, extra: Record<string, unknown> = {}): Route {
  return {
    path: '/api/v1/auth/state',
    reply: { body: { setup_required: false, signed_in: user !== null, user, self_registration: false, require_totp: false, oidc: { enabled: false, name: null }, ...extra } },
  };
}

/** Renders an element at a URL inside a fresh query cache, as the app would, signed in as `user` (an admin unless told). */
export function renderAt(element: ReactNode, { path = '/', url = '/', user = testUser() }: { path?: string; url?: string; user?: User | null } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path, element }, { path: '*', element: <p>elsewhere</p> }], { initialEntries: [url] });
  return {
    router,
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <CurrentUserContext.Provider value={currentUserOf(user)}>
          <RouterProvider router={router} />
        </CurrentUserContext.Provider>
      </QueryClientProvider>,
    ),
  };
}
