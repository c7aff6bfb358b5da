import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt, testUser } from '@/testing/test-utils';
import { connectedStats, ingestorTarget, message, points } from '../api/ingestion.fixture';
import { IngestionPage } from './ingestion-page';

// jsdom has no canvas: the charts get a stand-in plot (the wrapper still counts its points)
vi.mock('uplot', () => ({ default: class { setData() {} destroy() {} } }));

const base = '/api/v1/targets/9/ingestor';

function renderPage(routes: Parameters<typeof mockApi>[0] = [], user = testUser()) {
  const api = mockApi([
    ...routes,
    { path: '/api/v1/targets/9', reply: { body: ingestorTarget } },
    { path: `${base}/stats`, reply: { body: connectedStats(12345) } },
    { path: `${base}/series`, reply: { body: { target_id: 9, interval_ms: 1000, capacity: 300, sampled: true, points: points(150) } } },
    { path: `${base}/messages?limit=50`, reply: { body: { target_id: 9, messages: Array.from({ length: 50 }, (_, i) => message(50 - i)) } } },
  ]);
  renderAt(<IngestionPage targetId={9} />, { user });
  return api;
}

describe('IngestionPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fills the cards, both charts (the last 100 of the server’s points) and the feed on load', async () => {
    renderPage();
    await waitFor(() => expect(screen.getByTestId('ingest-total')).toHaveTextContent('12,345'));
    expect(screen.getByTestId('ingest-connection')).toHaveTextContent('Connected');
    expect(screen.getByTestId('ingest-queue-depth')).toHaveTextContent('12');
    expect(screen.getByTestId('ingest-queue-depth-detail')).toHaveTextContent('10 waiting, 2 unacknowledged (postgres queue)');
    expect(screen.getByTestId('ingest-throughput')).toHaveTextContent('250 msg/s');
    expect(screen.getByTestId('ingest-batches')).toHaveTextContent('40');
    expect(screen.getByTestId('ingest-batches-detail')).toHaveTextContent('mean batch size 12.5');
    await waitFor(() => expect(document.querySelector('[data-chart="ingest-throughput"]')).toHaveAttribute('data-points', '200'));
    expect(document.querySelector('[data-chart="ingest-latency"]')).toHaveAttribute('data-points', '200');
    expect(await screen.findAllByTestId('ingest-feed-row')).toHaveLength(50);
    expect(screen.getAllByTestId('ingest-feed-row')[0]).toHaveTextContent('hello 50');
  });

  it('says so when no message was stored in the window instead of drawing an empty latency chart', async () => {
    renderPage([{ path: `${base}/series`, reply: { body: { target_id: 9, interval_ms: 1000, capacity: 300, sampled: true, points: points(5, { stored: false }) } } }]);
    await waitFor(() => expect(screen.getByTestId('ingest-latency-empty')).toHaveTextContent('No message stored in the last 100 seconds.'));
    expect(document.querySelector('[data-chart="ingest-throughput"]')).toHaveAttribute('data-points', '10');
  });

  it('starts a burst of the chosen size and rate and shows a toast', async () => {
    const api = renderPage([{ method: 'POST', path: `${base}/simulate`, reply: (init) => {
      const body = JSON.parse(String(init?.body));
      return { status: 202, body: { id: 'sim-1-x', count: body.count, rate: body.rate, published: 0, state: 'running', started_at: '', error: null } };
    } }]);
    await userEvent.click(await screen.findByText('5,000'));
    await userEvent.clear(screen.getByLabelText('Rate (msg/s)'));
    await userEvent.type(screen.getByLabelText('Rate (msg/s)'), '1000');
    await userEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(await screen.findByTestId('ingest-toast')).toHaveTextContent('Simulation sim-1-x started: 5,000 messages at 1,000 msg/s.');
    const post = api.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post![1]?.body))).toEqual({ count: 5000, rate: 1000, content: 'Simulation burst #{n}' });
  });

  it('names a bad custom size and sends nothing; shows the server’s field problems', async () => {
    const api = renderPage([{ method: 'POST', path: `${base}/simulate`, reply: {
      status: 400, body: { title: 'Invalid request', status: 400, detail: 'the request body has invalid fields', errors: [{ path: 'rate', message: 'must be at most 1000000' }] },
    } }]);
    await userEvent.click(await screen.findByText('Custom'));
    await userEvent.type(screen.getByLabelText('Messages'), 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(screen.getByLabelText('Messages')).toHaveAccessibleDescription(/must be a whole number from 1 to 1,000,000/);
    expect(api.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    await userEvent.clear(screen.getByLabelText('Messages'));
    await userEvent.type(screen.getByLabelText('Messages'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    await waitFor(() => expect(screen.getByLabelText('Rate (msg/s)')).toHaveAccessibleDescription('must be at most 1000000'));
  });

  it('shows a viewer the figures without the simulation form, and a disconnected ingestor’s reason', async () => {
    renderPage([{ path: `${base}/stats`, reply: { body: { ...connectedStats(0), status: 'disconnected', error: 'cannot reach the ingestor: refused', total_messages: null } } }],
      testUser('viewer'));
    await waitFor(() => expect(screen.getByTestId('ingest-error')).toHaveTextContent('cannot reach the ingestor: refused'));
    expect(screen.getByTestId('ingest-connection')).toHaveTextContent('Disconnected');
    expect(screen.getByTestId('ingest-total')).toHaveTextContent('—');
    expect(screen.queryByRole('button', { name: 'Run simulation' })).not.toBeInTheDocument();
  });

  it('refuses a target of another kind', async () => {
    mockApi([{ path: '/api/v1/targets/9', reply: { body: { ...ingestorTarget, kind: 'http' } } }]);
    renderAt(<IngestionPage targetId={9} />);
    expect(await screen.findByText('Not an ingestor')).toBeInTheDocument();
  });
});
