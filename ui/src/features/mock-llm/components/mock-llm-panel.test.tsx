import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { defaults } from '../api/mock-llm.fixture';
import { MockLlmPanel } from './mock-llm-panel';

const stats = { active_streams: 3, peak_active_streams: 9, total_requests: 1234, outcomes: { completed: 1200, rate_limited: 34, dropped: 0, control: 12 } };

function renderPanel(put: (init: RequestInit | undefined) => { status?: number; body: unknown }) {
  const api = mockApi([
    { path: '/api/v1/mock-llm/config', reply: { body: defaults } },
    { method: 'PUT', path: '/api/v1/mock-llm/config', reply: put },
    { path: '/api/v1/mock-llm/stats', reply: { body: stats } },
  ]);
  renderAt(<MockLlmPanel />);
  return api;
}

describe('MockLlmPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the stored settings and the live statistics', async () => {
    renderPanel(() => ({ body: defaults }));
    expect(await screen.findByLabelText('TTFT (ms)')).toHaveValue('200');
    expect(screen.getByLabelText('Dropped connection')).toHaveValue('0');
    expect(await screen.findByTestId('mock-total-requests')).toHaveTextContent('1,234');
    expect(screen.getByTestId('mock-active-streams')).toHaveTextContent('3');
    expect(screen.getByText('rate limited')).toBeInTheDocument();
    expect(screen.queryByText('dropped')).not.toBeInTheDocument(); // outcomes that never happened are left out
    expect(screen.queryByText('control')).not.toBeInTheDocument(); // nor the panel's own requests
  });

  it('saves only the changes with PUT and then shows what the mock stored', async () => {
    const api = renderPanel((init) => ({ body: { ...defaults, ...JSON.parse(String(init?.body)), faults: { ...defaults.faults, drop: 0.05 } } }));
    const save = await screen.findByRole('button', { name: 'Save mock settings' });
    expect(save).toBeDisabled(); // nothing changed yet
    const ttft = screen.getByLabelText('TTFT (ms)');
    await userEvent.clear(ttft);
    await userEvent.type(ttft, '350');
    const drop = screen.getByLabelText('Dropped connection');
    await userEvent.clear(drop);
    await userEvent.type(drop, '0.05');
    await userEvent.click(save);
    expect(await screen.findByText(/Saved: the mock now answers with these settings/)).toBeInTheDocument();
    const sent = api.mock.calls.find(([, init]) => init?.method === 'PUT')![1];
    expect(JSON.parse(String(sent?.body))).toEqual({ ttft_ms: 350, faults: { drop: 0.05 } });
    expect(screen.getByLabelText('TTFT (ms)')).toHaveValue('350');
    expect(save).toBeDisabled();
  });

  it('shows a number problem next to its field at once, and the mock\u2019s refusal next to the field it names', async () => {
    renderPanel(() => ({
      status: 400,
      body: { title: 'Invalid mock settings', status: 400, detail: '1 problem', errors: [{ path: 'ttft_spread_ms', message: 'may not exceed ttft_ms (50)' }] },
    }));
    const ttft = await screen.findByLabelText('TTFT (ms)');
    await userEvent.clear(ttft);
    await userEvent.type(ttft, 'fast');
    expect(ttft).toHaveAccessibleDescription('must be a whole number');
    expect(screen.getByRole('button', { name: 'Save mock settings' })).toBeDisabled();
    await userEvent.clear(ttft);
    await userEvent.type(ttft, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Save mock settings' }));
    await waitFor(() => expect(screen.getByLabelText('TTFT ± spread (ms)')).toHaveAccessibleDescription('may not exceed ttft_ms (50)'));
  });

  it('shows nothing when the mock is off (404)', async () => {
    const api = mockApi([{ path: '/api/v1/mock-llm/config', reply: { status: 404, body: { title: 'Not Found', status: 404 } } }]);
    const { container } = renderAt(<MockLlmPanel />);
    await waitFor(() => expect(api).toHaveBeenCalled());
    await waitFor(() => expect(container.querySelector('[data-testid="mock-llm-panel"]')).toBeNull());
    expect(screen.queryByText('Mock LLM')).not.toBeInTheDocument();
  });
});
