import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { ScenarioForm } from './scenario-form';

const target = { id: 1, name: 'demo', kind: 'http', url: 'http://127.0.0.1:8089', options: {}, has_credentials: false, created_at: '', updated_at: '' };

describe('ScenarioForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a server validation message next to the field it names, and the estimated duration', async () => {
    mockApi([
      { path: '/api/v1/targets', reply: { body: [target] } },
      {
        method: 'POST', path: '/api/v1/plans/validate',
        reply: (init) => {
          const body = JSON.parse(String(init?.body)) as { plan_yaml: string };
          const invalid = /users: 0/.test(body.plan_yaml);
          return {
            body: invalid
              ? { valid: false, problems: [{ path: 'load.users', message: 'must be ≥ 1' }], estimated_seconds: null }
              : { valid: true, problems: [], estimated_seconds: 32 },
          };
        },
      },
    ]);
    renderAt(<ScenarioForm />);

    expect(await screen.findByTestId('estimated-duration')).toHaveTextContent('32 s');

    const users = screen.getByLabelText('Users');
    await userEvent.clear(users);
    await userEvent.type(users, '0');

    await waitFor(() => expect(users).toHaveAccessibleDescription(/must be ≥ 1/));
    expect(users).toHaveAttribute('aria-invalid', 'true');
    expect((screen.getByLabelText('Plan (YAML)') as HTMLTextAreaElement).value).toContain('users: 0');
  });

  it('reads the fields back from YAML typed directly', async () => {
    mockApi([
      { path: '/api/v1/targets', reply: { body: [target] } },
      { method: 'POST', path: '/api/v1/plans/validate', reply: { body: { valid: true, problems: [], estimated_seconds: 5 } } },
    ]);
    renderAt(<ScenarioForm />);
    const yaml = screen.getByLabelText('Plan (YAML)');
    await userEvent.clear(yaml);
    await userEvent.type(yaml, 'load:{enter}  model: open{enter}  rate: 250{enter}');
    expect(screen.getByLabelText('Rate (req/s)')).toHaveValue('250');
  });
});
