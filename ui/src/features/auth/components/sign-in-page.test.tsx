import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { authStateRoute, mockApi, renderAt, testUser } from '@/testing/test-utils';
import { SignInPage } from './sign-in-page';

const problem = (type: string, status: number, extra: object = {}) => ({ type: `https://benchdeck.dev/problems/${type}`, status, title: type, ...extra });
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body));

async function fillCredentials() {
  await userEvent.type(await screen.findByLabelText('Username'), 'ann');
  await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('signs in and goes where the user was going', async () => {
    let signedIn = false;
    mockApi([
      { path: '/api/v1/auth/state', reply: () => authStateReply(signedIn ? testUser('editor', 'ann') : null) },
      { method: 'POST', path: '/api/v1/auth/sign-in', reply: (init) => {
        expect(bodyOf(init)).toEqual({ username: 'ann', password: 'correct horse battery' });
        signedIn = true;
        return { body: testUser('editor', 'ann') };
      } },
    ]);
    const { router } = renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in?next=%2Fruns%2F7', user: null });
    await fillCredentials();
    await waitFor(() => expect(router.state.location.pathname).toBe('/runs/7'));
  });

  it('says so when the username or password is wrong', async () => {
    mockApi([authStateRoute(null), { method: 'POST', path: '/api/v1/auth/sign-in', reply: { status: 401, body: problem('sign-in-failed', 401) } }]);
    renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in', user: null });
    await fillCredentials();
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('asks for the two-factor code when the server wants one, then sends it with the credentials', async () => {
    const sent: unknown[] = [];
    mockApi([
      authStateRoute(null),
      { method: 'POST', path: '/api/v1/auth/sign-in', reply: (init) => {
        const body = bodyOf(init);
        sent.push(body);
        if (body.totp_code === '123456') return { body: testUser('viewer', 'ann') };
        return { status: 401, body: problem('totp-required', 401, { errors: [{ path: 'totp_code', message: body.totp_code ? 'wrong code' : 'required' }] }) };
      } },
    ]);
    const { router } = renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in', user: null });
    await fillCredentials();
    expect(await screen.findByRole('heading', { name: 'Two-factor code' })).toBeInTheDocument();
    // the first "code needed" is the next step, not a mistake
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText('required')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Code'), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('wrong code')).toBeInTheDocument();
    expect(screen.getByLabelText('Code')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(screen.getByLabelText('Code'));
    await userEvent.type(screen.getByLabelText('Code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(sent[2]).toEqual({ username: 'ann', password: 'correct horse battery', totp_code: '123456' });
  });

  it('on 429 says how long to wait, and keeps the button off until then', async () => {
    mockApi([
      authStateRoute(null),
      { method: 'POST', path: '/api/v1/auth/sign-in', reply: { status: 429, body: problem('too-many-requests', 429), headers: { 'Retry-After': '30' } } },
    ]);
    renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in', user: null });
    await fillCredentials();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 30 seconds.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('offers the OIDC provider as a plain link when the server has one, and says why it came back', async () => {
    mockApi([authStateRoute(null, { oidc: { enabled: true, name: 'Keycloak' } })]);
    renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in?oidc_error=refused', user: null });
    const link = await screen.findByRole('link', { name: 'Sign in with Keycloak' });
    expect(link).toHaveAttribute('href', '/oauth2/authorization/oidc');
    expect(screen.getByRole('alert')).toHaveTextContent('Signing in through Keycloak was refused');
  });

  it('shows no provider link when OIDC is off', async () => {
    mockApi([authStateRoute(null)]);
    renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in', user: null });
    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
  });

  it('ignores a "next" that leads off the site', async () => {
    mockApi([authStateRoute(testUser('viewer'))]);
    const { router } = renderAt(<SignInPage />, { path: '/sign-in', url: '/sign-in?next=%2F%2Fevil.example', user: null });
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});

function authStateReply(user: ReturnType<typeof testUser> | null) {
  return authStateRoute(user).reply as { body: unknown };
}
