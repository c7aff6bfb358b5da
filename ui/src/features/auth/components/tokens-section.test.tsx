import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { TokensSection } from './tokens-section';

const listed = { id: 7, name: 'ci', prefix: 'abcd1234', scopes: ['read', 'run'], created_at: '2026-01-01T00:00:00Z', expires_at: null, last_used_at: null };

describe('TokensSection', () => {
  it('lists tokens by prefix, creates one and shows its secret once, with a copy button', async () => {
    let tokens = [listed];
    let sent: unknown;
    mockApi([
      { path: '/api/v1/account/tokens', reply: () => ({ body: tokens }) },
      { method: 'POST', path: '/api/v1/account/tokens', reply: (init) => {
        sent = JSON.parse(String(init?.body));
        const created = { ...listed, id: 8, name: 'agent', prefix: 'zzzz9999', scopes: ['read'] };
        tokens = [...tokens, created];
        return { status: 201, body: { ...created, token: 'bd_zzzz9999secretpart' } };
      } },
    ]);
    renderAt(<TokensSection isAdmin={false} />);
    expect(await screen.findByText('bd_abcd1234…')).toBeInTheDocument();
    expect(screen.queryByLabelText(/^admin/)).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Token name'), 'agent');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByTestId('new-token')).toHaveValue('bd_zzzz9999secretpart');
    expect(screen.getByText(/shown only this once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(sent).toEqual({ name: 'agent', scopes: ['read'], expires_in_days: 30 });
    await screen.findByText('bd_zzzz9999…');

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('new-token')).not.toBeInTheDocument();
  });

  it('shows the server’s problem next to the name', async () => {
    mockApi([
      { path: '/api/v1/account/tokens', reply: { body: [] } },
      { method: 'POST', path: '/api/v1/account/tokens', reply: { status: 400, body: { status: 400, title: 'Invalid request', errors: [{ path: 'name', message: 'is used by another token of yours' }] } } },
    ]);
    renderAt(<TokensSection isAdmin />);
    await userEvent.type(await screen.findByLabelText('Token name'), 'ci');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('is used by another token of yours')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Token name')).toHaveAttribute('aria-invalid', 'true'));
  });
});
