import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { FieldProblem } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { ScenarioForm } from './scenario-form';

const target = { id: 1, name: 'demo', kind: 'http', url: 'http://127.0.0.1:8089', options: {}, has_credentials: false, created_at: '', updated_at: '' };

type Step = { extract?: { jsonpath?: string }[] };

/** Like the server's plan reader for the one rule these tests need: a JSONPath with `..` does not parse. */
function fakeValidation(init: RequestInit | undefined) {
  const { plan_yaml } = JSON.parse(String(init?.body)) as { plan_yaml: string };
  const plan = (parse(plan_yaml) ?? {}) as { workload?: { journey?: Step[] } };
  const problems: FieldProblem[] = [];
  plan.workload?.journey?.forEach((step, i) => step.extract?.forEach((x, j) => {
    if (x.jsonpath?.includes('..')) {
      problems.push({ path: `workload.journey[${i}].extract[${j}].jsonpath`, message: `JSONPath '${x.jsonpath}' at position 1: recursive descent (..) is not supported` });
    }
  }));
  return { body: { valid: problems.length === 0, problems, estimated_seconds: problems.length ? null : 32 } };
}

function renderForm() {
  mockApi([
    { path: '/api/v1/targets', reply: { body: [target] } },
    { method: 'POST', path: '/api/v1/plans/validate', reply: fakeValidation },
  ]);
  renderAt(<ScenarioForm />);
}

const yamlBox = () => screen.getByLabelText('Plan (YAML)') as HTMLTextAreaElement;
const journeyOfYaml = () => (parse(yamlBox().value) as { workload: { journey?: Record<string, unknown>[]; path?: string } }).workload;
const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the journey editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns the request into a journey, adds, reorders and removes steps, each edit written into the YAML', async () => {
    renderForm();
    await screen.findByTestId('estimated-duration');
    await userEvent.click(screen.getByRole('button', { name: 'Make it a journey (several steps)' }));
    expect(journeyOfYaml().path).toBeUndefined();
    expect(journeyOfYaml().journey).toEqual([{ name: 'step 1', method: 'GET', path: '/' }]);

    change('Journey step 1 name', 'login');
    change('Journey step 1 method', 'POST');
    change('Journey step 1 path', '/login');
    await userEvent.click(screen.getByRole('button', { name: 'Add extraction to journey step 1' }));
    change('Journey step 1 extraction 1 variable', 'token');
    change('Journey step 1 extraction 1 expression', '$.token');
    await userEvent.click(screen.getByRole('button', { name: 'Add check to journey step 1' }));
    change('Journey step 1 check 1 value', '200, 201');
    await userEvent.click(screen.getByRole('button', { name: 'Add think time' }));
    change('Journey element 2 think distribution', 'uniform');
    change('Journey element 2 think time', '10ms');
    change('Journey element 2 think maximum', '50ms');
    await userEvent.click(screen.getByRole('button', { name: 'Add request step' }));
    change('Journey step 3 name', 'pay');
    change('Journey step 3 headers', 'Authorization: Bearer ${token}');

    expect(journeyOfYaml().journey).toEqual([
      { name: 'login', method: 'POST', path: '/login', extract: [{ name: 'token', jsonpath: '$.token' }], checks: [{ status: [200, 201] }] },
      { think: { uniform: ['10ms', '50ms'] } },
      { name: 'pay', method: 'GET', path: '/', headers: { Authorization: 'Bearer ${token}' } },
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Move journey element 3 up' }));
    expect(journeyOfYaml().journey?.map((e) => e.name ?? 'think')).toEqual(['login', 'pay', 'think']);
    await userEvent.click(screen.getByRole('button', { name: 'Move journey element 1 down' }));
    expect(journeyOfYaml().journey?.map((e) => e.name ?? 'think')).toEqual(['pay', 'login', 'think']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove journey element 3' }));
    expect(journeyOfYaml().journey?.map((e) => e.name)).toEqual(['pay', 'login']);
    expect(screen.getByLabelText('Journey step 2 extraction 1 expression')).toHaveValue('$.token');

    await userEvent.click(screen.getByRole('button', { name: 'Back to a single request' }));
    expect(journeyOfYaml()).toMatchObject({ method: 'GET', path: '/' });
    expect(journeyOfYaml().journey).toBeUndefined();
  });

  it('follows the YAML: a journey typed there shows as steps, flow elements as read-only YAML', async () => {
    renderForm();
    await screen.findByTestId('estimated-duration');
    fireEvent.change(yamlBox(), { target: { value: `workload:
  driver: http
  journey:
    - {name: login, method: POST, path: /login, extract: [{name: sid, cookie: demo_session, default: none}], checks: [{jsonpath: $.token, exists: true}]}
    - think: {exponential: 20ms}
    - group: checkout
      steps:
        - {name: pay, method: POST, path: /checkout}
load: {model: closed, users: 1, duration: 1s}
` } });
    expect(screen.getByLabelText('Journey step 1 name')).toHaveValue('login');
    expect(screen.getByLabelText('Journey step 1 extraction 1 source')).toHaveValue('cookie');
    expect(screen.getByLabelText('Journey step 1 extraction 1 default')).toHaveValue('none');
    expect(screen.getByLabelText('Journey step 1 check 1 kind')).toHaveValue('jsonpath_exists');
    expect(screen.getByLabelText('Journey element 2 think distribution')).toHaveValue('exponential');
    const group = screen.getByTestId('journey-row-3');
    expect(group).toHaveTextContent('group checkout');
    expect(within(group).getByText(/name: pay/)).toBeInTheDocument();

    // an edit elsewhere keeps the group as it was
    change('Journey step 1 path', '/signin');
    const journey = journeyOfYaml().journey;
    expect(journey?.[0]).toMatchObject({ path: '/signin', extract: [{ name: 'sid', cookie: 'demo_session', default: 'none' }] });
    expect(journey?.[2]).toEqual({ group: 'checkout', steps: [{ name: 'pay', method: 'POST', path: '/checkout' }] });
  });

  it('shows the server\'s problem with a JSONPath at that step\'s extraction', async () => {
    renderForm();
    await screen.findByTestId('estimated-duration');
    await userEvent.click(screen.getByRole('button', { name: 'Make it a journey (several steps)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add request step' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add extraction to journey step 2' }));
    change('Journey step 2 extraction 1 variable', 'x');
    change('Journey step 2 extraction 1 expression', '$..x');
    const row = screen.getByTestId('journey-row-2');
    await waitFor(() => expect(within(row).getByText(/recursive descent \(\.\.\) is not supported/)).toBeInTheDocument());
    expect(screen.getByLabelText('Journey step 2 extraction 1 expression')).toHaveAttribute('aria-invalid', 'true');
    expect(within(screen.getByTestId('journey-row-1')).queryByText(/recursive descent/)).toBeNull();
    expect(screen.getByTestId('problem-count')).toHaveTextContent('1 problem, shown next to its field.');
  });
});
