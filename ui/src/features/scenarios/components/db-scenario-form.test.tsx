import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { ScenarioForm } from './scenario-form';

const http = { id: 1, name: 'demo', kind: 'http', url: 'http://127.0.0.1:8089', options: {}, has_credentials: false, created_at: '', updated_at: '' };
const postgres = { id: 2, name: 'local pg', kind: 'postgres', url: 'postgresql://bench@127.0.0.1:5432/postgres', options: { host: '127.0.0.1' }, has_credentials: true, created_at: '', updated_at: '' };

describe('ScenarioForm for a database target', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('switches to the database fields, checks them next to each field and shows the total estimate', async () => {
    const api = mockApi([
      { path: '/api/v1/targets', reply: { body: [http, postgres] } },
      { method: 'POST', path: '/api/v1/plans/validate', reply: { body: { valid: true, problems: [], estimated_seconds: null } } },
    ]);
    renderAt(<ScenarioForm />);
    await screen.findByRole('option', { name: /local pg/ });
    await userEvent.selectOptions(screen.getByLabelText('Target'), '2');

    const threads = screen.getByLabelText('Thread counts');
    expect(threads).toHaveValue('20, 40, 80');
    expect(screen.getByLabelText('Table rows')).toHaveValue('1000000');
    expect(screen.queryByLabelText('Path')).not.toBeInTheDocument();
    // 3 × (5 s + 30 s) + 1,000,000 rows at the assumed 250,000 rows/s
    expect(screen.getByTestId('db-estimate')).toHaveTextContent('Estimated total: 1 min 49 s');

    await userEvent.clear(threads);
    const rows = screen.getByLabelText('Table rows');
    await userEvent.clear(rows);
    await userEvent.type(rows, '999');
    const duration = screen.getByLabelText('Duration per step');
    await userEvent.clear(duration);
    await userEvent.type(duration, '5s');

    expect(threads).toHaveAccessibleDescription(/give at least one thread count/);
    expect(rows).toHaveAccessibleDescription(/at least 1,000 rows/);
    expect(duration).toHaveAccessibleDescription(/at least 10 s per step/);
    expect(screen.getByRole('button', { name: 'Create scenario' })).toBeDisabled();

    await userEvent.type(threads, '2, 4');
    await userEvent.clear(rows);
    await userEvent.type(rows, '1000');
    await userEvent.clear(duration);
    await userEvent.type(duration, '10s');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create scenario' })).toBeEnabled());
    const yaml = (screen.getByLabelText('Plan (YAML)') as HTMLTextAreaElement).value;
    expect(yaml).toContain('driver: jdbc');
    expect(yaml).toMatch(/steps:\n\s+- users: 2\n\s+- users: 4/);
    expect(yaml).toContain('rows: 1000\n');
    await waitFor(() => expect(api.mock.calls.some(([, init]) => String(init?.body).includes('"target_id":2'))).toBe(true));
  });
});
