import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Target } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { TargetForm } from './target-form';

describe('TargetForm for a gateway', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates a gateway target with its URL and admin token, and no options', async () => {
    const api = mockApi([{ method: 'POST', path: '/api/v1/targets', reply: { status: 201, body: { id: 3 } } }]);
    const onDone = vi.fn();
    renderAt(<TargetForm onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('Name'), 'my gateway');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'gateway');
    await userEvent.type(screen.getByLabelText('Gateway URL'), 'http://127.0.0.1:8002');
    await userEvent.type(screen.getByLabelText('Admin token'), 'secret-admin-token-123');
    await userEvent.click(screen.getByRole('button', { name: 'Create target' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(api.mock.calls[0][1]?.body))).toEqual({
      name: 'my gateway', kind: 'gateway', url: 'http://127.0.0.1:8002', options: {}, credentials: { admin_token: 'secret-admin-token-123' },
    });
  });

  it('edits a gateway as a gateway, keeping its stored token unless replaced', async () => {
    const api = mockApi([{ method: 'PUT', path: '/api/v1/targets/3', reply: { status: 200, body: { id: 3 } } }]);
    const target = { id: 3, name: 'Demo gateway', kind: 'gateway', url: 'http://127.0.0.1:8002', options: {}, has_credentials: true,
      created_at: '', updated_at: '' } as unknown as Target;
    const onDone = vi.fn();
    renderAt(<TargetForm target={target} onDone={onDone} />);
    expect(screen.getByLabelText('Kind')).toHaveValue('gateway');
    expect(screen.queryByLabelText('Admin token')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(api.mock.calls[0][1]?.body))).toEqual({ name: 'Demo gateway', kind: 'gateway', url: 'http://127.0.0.1:8002', options: {} });
  });
});
