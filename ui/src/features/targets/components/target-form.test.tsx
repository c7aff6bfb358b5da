import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { TargetForm } from './target-form';

const refusal = {
  status: 422,
  body: {
    title: 'Invalid plan', status: 422, detail: '2 problems in the plan',
    errors: [{ path: 'options.port', message: 'must be a whole number' }, { path: 'options.statement_cache', message: 'unknown field' }],
  },
};

function renderForm(reply: { status: number; body: unknown } = { status: 201, body: { id: 1 } }) {
  const api = mockApi([{ method: 'POST', path: '/api/v1/targets', reply }]);
  const onDone = vi.fn();
  renderAt(<TargetForm onDone={onDone} />);
  return { api, onDone };
}

const createButton = () => screen.getByRole('button', { name: 'Create target' });

describe('TargetForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps Create off until a name and an http(s) URL are there, saying what is wrong as one types', async () => {
    const { api, onDone } = renderForm();
    expect(createButton()).toBeDisabled();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required');
    expect(screen.queryByText('must not be blank')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Name'), 'api');
    const url = screen.getByLabelText('URL');
    await userEvent.type(url, 'ftp://example.test');
    expect(url).toHaveAccessibleDescription('must be an http:// or https:// URL');
    expect(createButton()).toBeDisabled();

    await userEvent.clear(url);
    expect(url).toHaveAccessibleDescription('must not be blank');
    await userEvent.type(url, 'http://127.0.0.1:8080');
    expect(url).not.toHaveAttribute('aria-invalid', 'true');
    expect(createButton()).toBeEnabled();
    await userEvent.click(createButton());
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(api.mock.calls[0][1]?.body))).toMatchObject({ name: 'api', kind: 'http', url: 'http://127.0.0.1:8080' });
  });

  it('shows a refused save\u2019s problems next to their fields and counted, until the form changes', async () => {
    renderForm(refusal);
    await userEvent.type(screen.getByLabelText('Name'), 'pg');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'postgres');
    const port = screen.getByLabelText('Port');
    await userEvent.clear(port);
    await userEvent.type(port, '54x');
    await userEvent.type(screen.getByLabelText('User'), 'bench');
    await userEvent.click(createButton());

    await waitFor(() => expect(port).toHaveAccessibleDescription('must be a whole number'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not saved: 2 problems:');
    expect(alert).toHaveTextContent('options.statement_cache unknown field');
    expect(alert).not.toHaveTextContent('must be a whole number');
    expect(createButton()).toBeDisabled();

    await userEvent.clear(port);
    await userEvent.type(port, '5432');
    expect(port).not.toHaveAccessibleDescription('must be a whole number');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(createButton()).toBeEnabled();
  });

  it('sends the Prometheus endpoint and its series, and shows a refused series next to its line', async () => {
    const { api } = renderForm({ status: 422, body: { title: 'Invalid plan', status: 422,
      errors: [{ path: 'options.metrics.series[1]', message: 'must start with a metric name' }] } });
    await userEvent.type(screen.getByLabelText('Name'), 'api');
    await userEvent.type(screen.getByLabelText('URL'), 'http://127.0.0.1:8080');
    await userEvent.type(screen.getByLabelText('Metrics URL'), 'http://127.0.0.1:8080/metrics');
    const series = screen.getByLabelText('Series to record');
    await userEvent.type(series, 'requests_total{enter}9bad{enter}');
    await userEvent.click(createButton());
    await waitFor(() => expect(series).toHaveAccessibleDescription('line 2: must start with a metric name'));
    expect(JSON.parse(String(api.mock.calls[0][1]?.body)).options).toEqual({
      http_version: '1.1', insecure: false, metrics: { url: 'http://127.0.0.1:8080/metrics', series: ['requests_total', '9bad'] },
    });
  });

  it('checks an automation\u2019s inputs as one types', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Name'), 'agent');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'automation');
    await userEvent.type(screen.getByLabelText('Base URL'), 'http://127.0.0.1:8001');
    await userEvent.type(screen.getByLabelText('Automation id'), 'web-agent');
    expect(createButton()).toBeEnabled();
    await userEvent.type(screen.getByLabelText('Default inputs (JSON object)'), '[[1]');
    expect(screen.getByLabelText('Default inputs (JSON object)')).toHaveAccessibleDescription('must be a JSON object');
    expect(createButton()).toBeDisabled();
  });
});
