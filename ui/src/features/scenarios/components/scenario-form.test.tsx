import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { FieldProblem } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { ScenarioForm } from './scenario-form';

const target = { id: 1, name: 'demo', kind: 'http', url: 'http://127.0.0.1:8089', options: {}, has_credentials: false, created_at: '', updated_at: '' };

/** Answers like the server's POST /plans/validate for the few rules these tests need. */
function fakeValidation(init: RequestInit | undefined) {
  const { plan_yaml } = JSON.parse(String(init?.body)) as { plan_yaml: string };
  const plan = (parse(plan_yaml) ?? {}) as { workload?: { path?: string }; load?: { users?: unknown } };
  const problems: FieldProblem[] = [];
  if (!plan.workload) problems.push({ path: 'workload', message: 'is required' });
  if (!plan.load) problems.push({ path: 'load', message: 'is required' });
  const users = plan.load?.users;
  if (plan.load && users === undefined) problems.push({ path: 'load.users', message: 'is required for the closed model' });
  else if (plan.load && typeof users !== 'number') problems.push({ path: 'load.users', message: 'must be a whole number' });
  else if (typeof users === 'number' && users < 1) problems.push({ path: 'load.users', message: 'must be ≥ 1' });
  if (plan.workload?.path === '/odd') problems.push({ path: 'workload.path', message: 'must start with /' }, { path: 'timeout', message: 'is not a duration' });
  return { body: { valid: problems.length === 0, problems, estimated_seconds: problems.length ? null : 32 } };
}

const taken = { status: 422, body: { title: 'Invalid scenario', status: 422, detail: '1 problem', errors: [{ path: 'name', message: 'is already taken' }] } };

function renderForm(saveReply: { status: number; body: unknown } = { status: 201, body: { id: 9, name: 'x' } }) {
  const api = mockApi([
    { path: '/api/v1/targets', reply: { body: [target] } },
    { method: 'POST', path: '/api/v1/plans/validate', reply: fakeValidation },
    { method: 'POST', path: '/api/v1/scenarios', reply: saveReply },
  ]);
  renderAt(<ScenarioForm />);
  return api;
}

const yamlBox = () => screen.getByLabelText('Plan (YAML)') as HTMLTextAreaElement;
const createButton = () => screen.getByRole('button', { name: 'Create scenario' });

describe('ScenarioForm (HTTP)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a server validation message next to the field it names, and the estimated duration', async () => {
    renderForm();
    expect(await screen.findByTestId('estimated-duration')).toHaveTextContent('32 s');
    const users = screen.getByLabelText('Users');
    await userEvent.clear(users);
    await userEvent.type(users, '0');
    await waitFor(() => expect(users).toHaveAccessibleDescription(/must be ≥ 1/));
    expect(users).toHaveAttribute('aria-invalid', 'true');
    expect(yamlBox().value).toContain('users: 0');
    expect(screen.getByTestId('problem-count')).toHaveTextContent('1 problem, shown next to its field.');
  });

  it('keeps Create and Save-and-run off while the server finds problems, and on once it finds none', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Name'), 'hello');
    await waitFor(() => expect(createButton()).toBeEnabled());
    const users = screen.getByLabelText('Users');
    await userEvent.clear(users);
    await userEvent.type(users, 'x');
    expect(createButton()).toBeDisabled(); // at once: the verdict on "x" is not in yet
    await waitFor(() => expect(users).toHaveAccessibleDescription(/must be a whole number/));
    expect(createButton()).toBeDisabled();
    expect(screen.getByTestId('scenario-run-button')).toBeDisabled();
    await userEvent.clear(users);
    await userEvent.type(users, '3');
    await waitFor(() => expect(createButton()).toBeEnabled());
  });

  it('needs a name, saying so once the name was touched', async () => {
    renderForm();
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAccessibleDescription('Required');
    await userEvent.type(name, 'a');
    await userEvent.clear(name);
    expect(name).toHaveAccessibleDescription('must not be blank');
    await waitFor(() => expect(screen.getByTestId('problem-count')).toHaveTextContent('1 problem'));
    expect(createButton()).toBeDisabled();
  });

  it('counts what it shows: problems next to fields and the ones only listed, each once', async () => {
    renderForm();
    const path = screen.getByLabelText('Path');
    await userEvent.clear(path);
    await userEvent.type(path, '/odd');
    await waitFor(() => expect(screen.getByTestId('problem-count')).toHaveTextContent('2 problems: 1 next to its field, and 1 here:'));
    expect(path).toHaveAccessibleDescription(/must start with \//);
    expect(screen.getByTestId('unplaced-problems')).toHaveTextContent('timeout is not a duration');
    expect(screen.getByTestId('unplaced-problems')).not.toHaveTextContent('must start with');
  });

  it('shows only the parse error for YAML it cannot read, and takes the fields away until it can', async () => {
    renderForm();
    await screen.findByTestId('estimated-duration');
    fireEvent.change(yamlBox(), { target: { value: 'load: [1, 2\n' } });
    expect(yamlBox()).toHaveAccessibleDescription(/.+/);
    expect(yamlBox()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('validation-summary')).not.toBeInTheDocument();
    expect(screen.queryByText(/problem/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Users')).not.toBeInTheDocument();
    expect(screen.getByTestId('fields-unavailable')).toBeInTheDocument();
    expect(createButton()).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Back to the last readable plan' }));
    expect(screen.getByLabelText('Users')).toHaveValue('10');
    expect(yamlBox().value).toContain('users: 10');
    expect(screen.getByTestId('validation-summary')).toBeInTheDocument();
  });

  it('clears old problems when the YAML is emptied and says what is missing', async () => {
    renderForm();
    const users = screen.getByLabelText('Users');
    await userEvent.clear(users);
    await userEvent.type(users, '0');
    await waitFor(() => expect(users).toHaveAccessibleDescription(/must be ≥ 1/));
    await userEvent.clear(yamlBox());
    await waitFor(() => expect(screen.getByTestId('unplaced-problems')).toHaveTextContent('workload is required'));
    expect(screen.getByTestId('unplaced-problems')).toHaveTextContent('load is required');
    expect(screen.getByTestId('problem-count')).toHaveTextContent('2 problems:');
    expect(screen.queryByText('must be ≥ 1')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Users')).toHaveValue('');
  });

  it('puts a refused save’s problems at their fields until the field changes', async () => {
    renderForm(taken);
    const name = screen.getByLabelText('Name');
    await userEvent.type(name, 'hello');
    await waitFor(() => expect(createButton()).toBeEnabled());
    await userEvent.click(createButton());
    await waitFor(() => expect(name).toHaveAccessibleDescription('is already taken'));
    expect(screen.getByTestId('problem-count')).toHaveTextContent('1 problem, shown next to its field.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(createButton()).toBeDisabled();
    await userEvent.type(name, ' 2');
    expect(name).not.toHaveAccessibleDescription('is already taken');
    await waitFor(() => expect(createButton()).toBeEnabled());
  });

  it('reads the fields back from YAML typed directly', async () => {
    renderForm();
    await userEvent.clear(yamlBox());
    await userEvent.type(yamlBox(), 'load:{enter}  model: open{enter}  rate: 250{enter}');
    expect(screen.getByLabelText('Rate (req/s)')).toHaveValue('250');
  });
});
