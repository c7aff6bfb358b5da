import type { ProblemDetails } from './problem-details';

export const API_BASE = '/api/v1';

/** A failed HTTP call, carrying the server's problem details when it sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  /** Seconds to wait, from a 429's `Retry-After` header; null when the server did not say. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: ProblemDetails | null, fallback: string, retryAfterSeconds: number | null = null) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** True when the problem's `type` ends with `/<name>` (e.g. `totp-required`). */
  hasType(name: string): boolean {
    return Boolean(this.problem?.type?.endsWith(`/${name}`));
  }
}

type RequestOptions = { method?: string; body?: unknown; signal?: AbortSignal };

/**
 * Where the client sends the browser when the server says "sign in first" or "change your password
 * first". The app layer points it at its router; the default is a full page load.
 */
export const authRedirect = {
  navigate: (to: string) => window.location.assign(to),
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const unsafe = !SAFE_METHODS.has(method);
  // The server hands out the CSRF cookie with the auth state; after sign-in it may have been cleared.
  if (unsafe && readCookie(XSRF_COOKIE) === null) await refreshXsrfCookie(signal);
  const xsrf = unsafe ? readCookie(XSRF_COOKIE) : null;
  const response = await fetch(path.startsWith('/actuator') ? path : `${API_BASE}${path}`, {
    method,
    signal,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(xsrf === null ? {} : { [XSRF_HEADER]: xsrf }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    const error = new ApiError(response.status, parseProblem(text), `${method} ${path} failed with HTTP ${response.status}`,
      parseRetryAfter(response.headers.get('Retry-After')));
    redirectFor(path, error);
    throw error;
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A 401 outside the auth calls sends the user to sign in (and back); a forced password change goes to the account page. */
function redirectFor(path: string, error: ApiError) {
  if (typeof window === 'undefined') return;
  const here = window.location.pathname;
  if (error.status === 401 && !path.startsWith('/auth/') && here !== '/sign-in' && here !== '/setup') {
    authRedirect.navigate(`/sign-in?next=${encodeURIComponent(here + window.location.search)}`);
  } else if (error.status === 403 && error.hasType('password-change-required') && here !== '/account') {
    authRedirect.navigate('/account?change_password=1');
  } else if (error.status === 403 && error.hasType('totp-enrolment-required') && here !== '/account') {
    authRedirect.navigate('/account?enrol_totp=1');
  }
}

async function refreshXsrfCookie(signal: AbortSignal | undefined) {
  try {
    await fetch(`${API_BASE}/auth/state`, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    // the real request below reports the failure
  }
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function parseProblem(text: string): ProblemDetails | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as ProblemDetails) : null;
  } catch {
    return null;
  }
}

/** A query string from the defined, non-empty values only. */
export function toQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
