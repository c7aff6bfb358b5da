import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/testing/test-utils';
import { apiRequest, ApiError, authRedirect, parseRetryAfter } from './api-client';

const navigate = vi.fn();
const original = authRedirect.navigate;

beforeEach(() => {
  navigate.mockReset();
  authRedirect.navigate = navigate;
  window.history.replaceState(null, '', '/runs?status=failed');
});
afterEach(() => {
  authRedirect.navigate = original;
  vi.unstubAllGlobals();
});

const headersOf = (call: unknown[]) => new Headers((call[1] as RequestInit).headers);

describe('apiRequest', () => {
  it('echoes the CSRF cookie on unsafe methods only, and sends the session cookie', async () => {
    const api = mockApi([
      { path: '/api/v1/runs', reply: { body: [] } },
      { method: 'POST', path: '/api/v1/runs/3/cancel', reply: { status: 204 } },
    ]);
    await apiRequest('/runs');
    await apiRequest('/runs/3/cancel', { method: 'POST' });
    expect(headersOf(api.mock.calls[0]).get('X-XSRF-TOKEN')).toBeNull();
    expect(headersOf(api.mock.calls[1]).get('X-XSRF-TOKEN')).toBe('test-xsrf');
    expect((api.mock.calls[1][1] as RequestInit).credentials).toBe('same-origin');
  });

  it('fetches the auth state for a CSRF cookie first when there is none', async () => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    const api = mockApi([
      { path: '/api/v1/auth/state', reply: () => { document.cookie = 'XSRF-TOKEN=fresh; path=/'; return { body: {} }; } },
      { method: 'DELETE', path: '/api/v1/runs/3', reply: { status: 204 } },
    ]);
    await apiRequest('/runs/3', { method: 'DELETE' });
    expect(api.mock.calls.map((c) => c[0])).toEqual(['/api/v1/auth/state', '/api/v1/runs/3']);
    expect(headersOf(api.mock.calls[1]).get('X-XSRF-TOKEN')).toBe('fresh');
  });

  it('on a 401 goes to sign in, and back here afterwards', async () => {
    mockApi([{ path: '/api/v1/runs', reply: { status: 401, body: { type: 'https://benchdeck.dev/problems/unauthenticated', status: 401, title: 'Sign in first' } } }]);
    await expect(apiRequest('/runs')).rejects.toBeInstanceOf(ApiError);
    expect(navigate).toHaveBeenCalledWith(`/sign-in?next=${encodeURIComponent('/runs?status=failed')}`);
  });

  it('does not redirect for the auth calls themselves (a wrong password is the form’s business)', async () => {
    mockApi([{ method: 'POST', path: '/api/v1/auth/sign-in', reply: { status: 401, body: { type: 'x/sign-in-failed', status: 401 } } }]);
    await expect(apiRequest('/auth/sign-in', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('on a 403 "password change required" goes to the account page', async () => {
    mockApi([{ path: '/api/v1/runs', reply: { status: 403, body: { type: 'https://benchdeck.dev/problems/password-change-required', status: 403 } } }]);
    await expect(apiRequest('/runs')).rejects.toMatchObject({ status: 403 });
    expect(navigate).toHaveBeenCalledWith('/account?change_password=1');
  });

  it('leaves a plain 403 to the caller', async () => {
    mockApi([{ path: '/api/v1/users', reply: { status: 403, body: { type: 'x/forbidden', status: 403, detail: 'admins only' } } }]);
    await expect(apiRequest('/users')).rejects.toThrow('admins only');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('carries a 429’s Retry-After', async () => {
    mockApi([{ method: 'POST', path: '/api/v1/auth/sign-in', reply: { status: 429, body: { status: 429 }, headers: { 'Retry-After': '17' } } }]);
    await expect(apiRequest('/auth/sign-in', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 429, retryAfterSeconds: 17 });
  });
});

it('parseRetryAfter reads seconds and HTTP dates', () => {
  expect(parseRetryAfter('30')).toBe(30);
  expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
  expect(parseRetryAfter(null)).toBeNull();
  expect(parseRetryAfter('soon')).toBeNull();
});
