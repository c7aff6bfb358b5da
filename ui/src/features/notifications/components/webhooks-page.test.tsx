import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { WebhooksPage } from './webhooks-page';

const hook = { id: 2, name: 'slack', url: 'https://hooks.example.com/x', format: 'slack', events: ['run_finished'], enabled: true, created_at: '2026-12-01T00:00:00Z' };
const delivery = {
  id: 9, webhook_id: 2, event: 'run_finished', run_id: 31, status: 'pending', attempts: 2, next_attempt_at: '2026-12-03T10:00:00Z',
  last_status: 500, last_error: 'answered 500', last_answer: 'not now', created_at: '2026-12-03T09:59:00Z', delivered_at: null,
};

describe('WebhooksPage', () => {
  it('adds a webhook and shows its secret once, and lists each webhook’s deliveries', async () => {
    let hooks: unknown[] = [];
    mockApi([
      { path: '/api/v1/webhooks', reply: () => ({ body: hooks }) },
      { path: '/api/v1/webhooks/2/deliveries', reply: { body: [delivery] } },
      { method: 'POST', path: '/api/v1/webhooks', reply: () => { hooks = [hook]; return { status: 201, body: { webhook: hook, secret: 'whsec_abc' } }; } },
    ]);
    renderAt(<WebhooksPage />);
    expect(await screen.findByText('No webhooks yet')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Name'), 'slack');
    await userEvent.type(screen.getByLabelText('URL'), 'https://hooks.example.com/x');
    await userEvent.click(screen.getByRole('button', { name: 'Add webhook' }));

    expect(await screen.findByTestId('webhook-secret')).toHaveValue('whsec_abc');
    expect(await screen.findByTestId('delivery-status')).toHaveTextContent('pending (next');
    expect(screen.getByRole('link', { name: 'run 31' })).toHaveAttribute('href', '/runs/31');
    expect(screen.getByText(/500 not now/)).toBeInTheDocument();
  });
});
