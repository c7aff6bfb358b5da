import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderAt, testUser } from '@/testing/test-utils';
import { alert } from '../api/history.fixture';
import { OpenAlertsCard, RunAlertsPanel, ScenarioHistoryLink } from './alert-panels';
import { AlertsList } from './alerts-list';

describe('alerts', () => {
  it('marks an open alert a false positive with a reason, then says who, when and why', async () => {
    let stored = alert();
    let sent: unknown;
    mockApi([
      { path: '/api/v1/runs/104/alerts', reply: () => ({ body: [stored] }) },
      {
        method: 'POST', path: '/api/v1/alerts/9/false-positive', reply: (init) => {
          sent = JSON.parse(String(init?.body));
          stored = alert({ status: 'false_positive', status_by: 'ann', status_at: '2026-12-04T11:00:00Z', status_reason: 'slowed on purpose' });
          return { body: stored };
        },
      },
    ]);
    renderAt(<RunAlertsPanel runId={104} />, { user: testUser('editor', 'ann') });
    const panel = await screen.findByTestId('run-alerts');
    expect(panel).toHaveTextContent('Regression alerts (1)');
    expect(within(panel).getByRole('link', { name: 'See the history' })).toHaveAttribute('href', '/scenarios/3/history');
    expect(panel).toHaveTextContent('2 users · Latency p50 · percentage change');
    expect(panel).toHaveTextContent('35.2 ms against a baseline of 5.10 ms');

    await userEvent.click(within(panel).getByRole('button', { name: 'False positive…' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark alert on run #4 a false positive' });
    await userEvent.type(within(dialog).getByLabelText('Reason'), '  slowed on purpose ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark false positive' }));

    expect(await screen.findByTestId('alert-triage')).toHaveTextContent(/^Marked a false positive by ann on .+: “slowed on purpose”$/);
    expect(sent).toEqual({ reason: 'slowed on purpose' });
    expect(screen.getByTestId('alert-status')).toHaveTextContent('false positive');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });

  it('shows the server’s problem beside the reason and keeps the form open', async () => {
    mockApi([
      {
        method: 'POST', path: '/api/v1/alerts/9/acknowledge',
        reply: { status: 400, body: { title: 'Bad Request', status: 400, detail: 'invalid', errors: [{ path: 'reason', message: 'size must be between 0 and 1000' }] } },
      },
      { method: 'POST', path: '/api/v1/alerts/10/acknowledge', reply: { status: 403, body: { title: 'Forbidden', status: 403, detail: "only the run's creator or an admin may change it" } } },
    ]);
    renderAt(<AlertsList alerts={[alert(), alert({ id: 10, run_number: 5 })]} />, { user: testUser('editor') });
    const [first, second] = screen.getAllByTestId('alert');
    await userEvent.click(within(first).getByRole('button', { name: 'Acknowledge' }));
    const dialog = within(first).getByRole('dialog', { name: 'Acknowledge alert on run #4' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(dialog).findByText('size must be between 0 and 1000')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Reason (optional)')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(within(second).getByRole('button', { name: 'Acknowledge' }));
    await userEvent.click(within(within(second).getByRole('dialog')).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(second).findByRole('alert')).toHaveTextContent("only the run's creator or an admin may change it");
  });

  it('gives viewers no buttons and shows an acknowledgement as it was made', () => {
    renderAt(<AlertsList alerts={[alert(), alert({ id: 10, status: 'acknowledged', status_by: 'bob', status_at: '2026-12-04T11:00:00Z', status_reason: 'seen' })]} />,
      { user: testUser('viewer') });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('alert-triage')).toHaveTextContent(/^Acknowledged by bob on .+: “seen”$/);
  });

  it('shows nothing on a run without alerts', async () => {
    const fetchMock = mockApi([{ path: '/api/v1/runs/5/alerts', reply: { body: [] } }]);
    const { container, queryClient } = renderAt(<RunAlertsPanel runId={5} runStatus="completed" />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/v1/runs/5/alerts', expect.anything()));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(container).toBeEmptyDOMElement();
  });

  it('counts the open alerts on the overview, each naming its scenario, and on the scenario page’s history link', async () => {
    mockApi([
      { path: '/api/v1/alerts?status=open', reply: { body: [alert(), alert({ id: 11, scenario_id: 8, scenario_name: 'search' })] } },
      { path: '/api/v1/scenarios/3/alerts?status=open', reply: { body: [alert()] } },
    ]);
    renderAt(<><OpenAlertsCard /><ScenarioHistoryLink scenarioId={3} /></>);
    const card = await screen.findByTestId('open-alerts');
    expect(await within(card).findByText('Open regression alerts (2)')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'search' })).toHaveAttribute('href', '/scenarios/8/history');
    expect(await screen.findByLabelText('1 open alerts')).toBeInTheDocument();
    expect(screen.getByTestId('history-link')).toHaveAttribute('href', '/scenarios/3/history');
  });

  it('says so when nothing is open', async () => {
    mockApi([{ path: '/api/v1/alerts?status=open', reply: { body: [] } }]);
    renderAt(<OpenAlertsCard />);
    expect(await screen.findByText('No open alerts')).toBeInTheDocument();
  });
});
