import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { FieldProblem } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { ScenarioForm } from './scenario-form';

const llm = { id: 4, name: 'Mock LLM', kind: 'llm', url: 'http://127.0.0.1:8001', options: { provider: 'mock' }, has_credentials: false, created_at: '', updated_at: '' };
const automation = { id: 5, name: 'Mock automation', kind: 'automation', url: 'http://127.0.0.1:8001', options: { automation_id: 'a' }, has_credentials: false, created_at: '', updated_at: '' };

type LlmPlan = { workload?: { model?: string }; load?: { requests?: unknown; steps?: { users?: unknown }[] } };

/** As the server answers: a load-wide request count is checked again for every step that inherits it. */
function fakeValidation(init: RequestInit | undefined) {
  const plan = (parse(JSON.parse(String(init?.body)).plan_yaml) ?? {}) as LlmPlan;
  const problems: FieldProblem[] = [];
  const steps = plan.load?.steps ?? [];
  steps.forEach((s, i) => { if (typeof s.users === 'number' && s.users < 1) problems.push({ path: `load.steps[${i}].users`, message: 'must be ≥ 1' }); });
  if (plan.load?.requests === 0) {
    problems.push({ path: 'load.requests', message: 'must be ≥ 1' });
    steps.forEach((_, i) => problems.push({ path: `load.steps[${i}].requests`, message: 'must be ≥ 1' }));
  }
  if (plan.workload?.model === 'nope') problems.push({ path: 'workload.model', message: 'is not offered by this target' });
  return { body: { valid: problems.length === 0, problems, estimated_seconds: problems.length ? null : 36 } };
}

function renderLlmForm() {
  const api = mockApi([
    { path: '/api/v1/targets', reply: { body: [llm, automation] } },
    { method: 'POST', path: '/api/v1/plans/validate', reply: fakeValidation },
  ]);
  renderAt(<ScenarioForm />);
  return api;
}

describe('ScenarioForm for an LLM target', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes the total requests per step as load.requests', async () => {
    renderLlmForm();
    await screen.findByRole('option', { name: /Mock LLM/ });
    await userEvent.selectOptions(screen.getByLabelText('Target'), '4');
    const requests = screen.getByLabelText('Total requests per step');
    await userEvent.type(requests, '200');
    const yaml = (screen.getByLabelText('Plan (YAML)') as HTMLTextAreaElement).value;
    expect(parse(yaml).load).toMatchObject({ requests: 200, duration: '10s', steps: [{ users: 1 }, { users: 5 }, { users: 10 }] });
  });

  it('shows a problem the server repeats for every step once, next to its field; a step\u2019s own problem names the step', async () => {
    renderLlmForm();
    await screen.findByRole('option', { name: /Mock LLM/ });
    await userEvent.selectOptions(screen.getByLabelText('Target'), '4');
    await userEvent.type(screen.getByLabelText('Total requests per step'), '0');
    const levels = screen.getByLabelText('User counts');
    await userEvent.clear(levels);
    await userEvent.type(levels, '0, 2');
    await waitFor(() => expect(screen.getByLabelText('Total requests per step')).toHaveAccessibleDescription('must be ≥ 1'));
    expect(levels).toHaveAccessibleDescription('step 1: must be ≥ 1');
    expect(screen.getByTestId('problem-count')).toHaveTextContent('2 problems, shown next to their fields.');
  });

  it('lists a problem of a field the form does not show (an automation has no model) in the summary', async () => {
    renderLlmForm();
    await screen.findByRole('option', { name: /Mock automation/ });
    await userEvent.selectOptions(screen.getByLabelText('Target'), '5');
    expect(screen.queryByLabelText('Model')).not.toBeInTheDocument();
    const yaml = screen.getByLabelText('Plan (YAML)');
    await userEvent.clear(yaml);
    await userEvent.type(yaml, 'workload:{enter}  driver: llm{enter}  model: nope{enter}');
    await waitFor(() => expect(screen.getByTestId('unplaced-problems')).toHaveTextContent('workload.model is not offered by this target'));
    expect(screen.getByTestId('problem-count')).toHaveTextContent('1 problem:');
  });
});
