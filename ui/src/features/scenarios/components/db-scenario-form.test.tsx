import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { FieldProblem } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { ScenarioForm } from './scenario-form';

const http = { id: 1, name: 'demo', kind: 'http', url: 'http://127.0.0.1:8089', options: {}, has_credentials: false, created_at: '', updated_at: '' };
const postgres = { id: 2, name: 'local pg', kind: 'postgres', url: 'postgresql://bench@127.0.0.1:5432/postgres', options: { host: '127.0.0.1' }, has_credentials: true, created_at: '', updated_at: '' };

type DbPlan = { workload?: { rows?: unknown; table?: unknown }; load?: { users?: unknown; duration?: string; steps?: { users?: unknown }[] } };

/** The server's database rules as CONTRACTS.md gives them: every step ≥ 10 s (at its own path), ≥ 1,000 rows, a thread count. */
function fakeValidation(init: RequestInit | undefined) {
  const plan = (parse(JSON.parse(String(init?.body)).plan_yaml) ?? {}) as DbPlan;
  const problems: FieldProblem[] = [];
  const steps = plan.load?.steps ?? [];
  if (steps.length === 0 && plan.load?.users === undefined) problems.push({ path: 'load.users', message: 'is required for the closed model' });
  steps.forEach((s, i) => { if (typeof s.users !== 'number') problems.push({ path: `load.steps[${i}].users`, message: 'must be a whole number' }); });
  const rows = plan.workload?.rows;
  if (typeof rows !== 'number') problems.push({ path: 'workload.rows', message: 'must be a whole number' });
  else if (rows < 1000) problems.push({ path: 'workload.rows', message: 'must be ≥ 1000' });
  if (/^\d+s$/.test(plan.load?.duration ?? '') && parseInt(plan.load!.duration!, 10) < 10) {
    steps.forEach((_, i) => problems.push({ path: `load.steps[${i}].duration`, message: 'must be at least 10s for a database benchmark' }));
  }
  if (plan.workload?.table === 'bad name') problems.push({ path: 'workload.table', message: 'must be a plain table name' });
  // steps × (5 s warm-up + 30 s): what the server estimates for the default plan's sweep
  return { body: { valid: problems.length === 0, problems, estimated_seconds: problems.length ? null : steps.length * 35 } };
}

async function renderDbForm() {
  const api = mockApi([
    { path: '/api/v1/targets', reply: { body: [http, postgres] } },
    { method: 'POST', path: '/api/v1/plans/validate', reply: fakeValidation },
  ]);
  renderAt(<ScenarioForm />);
  await screen.findByRole('option', { name: /local pg/ });
  await userEvent.selectOptions(screen.getByLabelText('Target'), '2');
  await userEvent.type(screen.getByLabelText('Name'), 'db sweep');
  return api;
}

const createButton = () => screen.getByRole('button', { name: 'Create scenario' });

describe('ScenarioForm for a database target', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('switches to the database fields and shows the total estimate', async () => {
    const api = await renderDbForm();
    expect(screen.getByLabelText('Thread counts')).toHaveValue('20, 40, 80');
    expect(screen.getByLabelText('Table rows')).toHaveValue('1000000');
    expect(screen.queryByLabelText('Path')).not.toBeInTheDocument();
    // 3 × (5 s + 30 s) + 1,000,000 rows at the assumed 250,000 rows/s
    expect(screen.getByTestId('db-estimate')).toHaveTextContent('Estimated total: 1 min 49 s');
    await waitFor(() => expect(createButton()).toBeEnabled());
    expect(api.mock.calls.some(([, init]) => String(init?.body).includes('"target_id":2'))).toBe(true);
  });

  it('shows the server\u2019s messages next to each field, one per problem, and keeps Create off until they are fixed', async () => {
    await renderDbForm();
    const threads = screen.getByLabelText('Thread counts');
    const rows = screen.getByLabelText('Table rows');
    const duration = screen.getByLabelText('Duration per step');
    await userEvent.clear(threads);
    await userEvent.type(threads, '2, x');
    await userEvent.clear(rows);
    await userEvent.type(rows, '999');
    await userEvent.clear(duration);
    await userEvent.type(duration, '5s');

    await waitFor(() => expect(duration).toHaveAccessibleDescription('must be at least 10s for a database benchmark'));
    expect(threads).toHaveAccessibleDescription('step 2: must be a whole number');
    expect(rows).toHaveAccessibleDescription('must be ≥ 1000');
    // two steps repeat the duration's problem; it shows once, and the count says what is shown
    const fields = screen.getByTestId('db-scenario-fields');
    expect(within(fields).getAllByText('must be at least 10s for a database benchmark')).toHaveLength(1);
    expect(screen.getByTestId('problem-count')).toHaveTextContent('3 problems, shown next to their fields.');
    expect(createButton()).toBeDisabled();
    expect(screen.getByTestId('scenario-run-button')).toBeDisabled();

    await userEvent.clear(threads);
    await userEvent.type(threads, '2, 4');
    await userEvent.clear(rows);
    await userEvent.type(rows, '1,000');
    await userEvent.clear(duration);
    await userEvent.type(duration, '10s');
    await waitFor(() => expect(createButton()).toBeEnabled());
    const yaml = (screen.getByLabelText('Plan (YAML)') as HTMLTextAreaElement).value;
    expect(yaml).toMatch(/steps:\n\s+- users: 2\n\s+- users: 4/);
    expect(yaml).toContain('rows: 1000\n');
  });

  it('says once that thread counts are missing, next to them (not a second `load.users` line)', async () => {
    await renderDbForm();
    const threads = screen.getByLabelText('Thread counts');
    await userEvent.clear(threads);
    await waitFor(() => expect(threads).toHaveAccessibleDescription('is required for the closed model'));
    expect(screen.getByTestId('problem-count')).toHaveTextContent('1 problem, shown next to its field.');
    expect(screen.queryByTestId('unplaced-problems')).not.toBeInTheDocument();
  });

  it('opens the advanced settings when one of them has a problem, so nothing counted is hidden', async () => {
    await renderDbForm();
    expect(screen.queryByLabelText('Table')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Plan (YAML)'), {
      target: { value: 'workload:\n  driver: jdbc\n  rows: 5000\n  table: bad name\nload:\n  steps:\n    - users: 2\n' },
    });
    await waitFor(() => expect(screen.getByLabelText('Table')).toHaveAccessibleDescription('must be a plain table name'));
  });
});
