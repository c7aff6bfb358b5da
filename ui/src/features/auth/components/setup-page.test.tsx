import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { authStateRoute, mockApi, renderAt, testUser } from '@/testing/test-utils';
import { SetupPage } from './setup-page';

const TOKEN = 'bds_' + 'a'.repeat(43);

async function fill(password: string, repeat = password) {
  await userEvent.type(await screen.findByLabelText('Username'), 'root');
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.type(screen.getByLabelText('Repeat password'), repeat);
  await userEvent.click(screen.getByRole('button', { name: 'Create admin and sign in' }));
}

describe('SetupPage', () => {
  it('sends the token from the link’s fragment, signs in and goes to the overview', async () => {
    let sent: unknown;
    let done = false;
    mockApi([
      { path: '/api/v1/auth/state', reply: () => authStateRoute(done ? testUser('admin', 'root') : null, { setup_required: !done }).reply as { body: unknown } },
      { method: 'POST', path: '/api/v1/auth/setup', reply: (init) => { sent = JSON.parse(String(init?.body)); done = true; return { status: 201, body: testUser('admin', 'root') }; } },
    ]);
    const { router } = renderAt(<SetupPage />, { path: '/setup', url: `/setup#token=${TOKEN}`, user: null });
    await fill('a long enough passphrase');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(sent).toEqual({ token: TOKEN, username: 'root', password: 'a long enough passphrase' });
  });

  it('takes the token out of the address bar once read', async () => {
    mockApi([authStateRoute(null, { setup_required: true })]);
    const { router } = renderAt(<SetupPage />, { path: '/setup', url: `/setup#token=${TOKEN}`, user: null });
    await screen.findByLabelText('Username');
    await waitFor(() => expect(router.state.location.hash).toBe(''));
    expect(screen.getByTestId('setup-form')).toBeInTheDocument();
  });

  it('shows the server’s problems next to the fields, and a bad token on top', async () => {
    mockApi([
      authStateRoute(null, { setup_required: true }),
      { method: 'POST', path: '/api/v1/auth/setup', reply: { status: 400, body: {
        type: 'https://benchdeck.dev/problems/invalid-request', status: 400, title: 'Invalid request',
        errors: [{ field: 'password', message: 'is one of the most common passwords' }, { path: 'token', message: 'has expired' }],
      } } },
    ]);
    renderAt(<SetupPage />, { path: '/setup', url: `/setup#token=${TOKEN}`, user: null });
    await fill('password1234');
    expect(await screen.findByText('is one of the most common passwords')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Setup link: has expired');
  });

  it('catches two different passwords before asking the server', async () => {
    const api = mockApi([authStateRoute(null, { setup_required: true })]);
    renderAt(<SetupPage />, { path: '/setup', url: `/setup#token=${TOKEN}`, user: null });
    await fill('a long enough passphrase', 'a long enough passphrasf');
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();
    expect(api.mock.calls.some((c) => String(c[0]).endsWith('/auth/setup'))).toBe(false);
  });

  it('without a token, says where the link comes from', async () => {
    mockApi([authStateRoute(null, { setup_required: true })]);
    renderAt(<SetupPage />, { path: '/setup', url: '/setup', user: null });
    expect(await screen.findByText(/needs the setup link the server printed/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
  });
});
