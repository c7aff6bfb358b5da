import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { alert, slowedHistory } from '../api/history.fixture';
import { HistoryPage } from './history-page';

type Hook = (u: FakePlot) => void;
type FakePlot = {
  opts: { hooks?: Record<string, Hook[]> };
  data: number[][];
  over: HTMLDivElement;
  cursor: { idx: number | null };
  hover: (idx: number) => void;
};

// jsdom has no canvas: a stand-in plot that runs the chart's hooks, x at 10 px per unit and y at 300 − value.
const { plots } = vi.hoisted(() => ({ plots: [] as FakePlot[] }));
vi.mock('uplot', () => ({
  default: class {
    opts: FakePlot['opts'];
    data: number[][];
    over = document.createElement('div');
    cursor = { idx: null as number | null };
    bbox = { left: 0, top: 0, width: 600, height: 300 };
    ctx = { save() {}, restore() {}, beginPath() {}, rect() {}, clip() {}, fillRect() {}, setLineDash() {}, moveTo() {}, lineTo() {}, stroke() {} };
    width = 600;
    constructor(opts: FakePlot['opts'], data: number[][], root: HTMLElement) {
      this.opts = opts;
      this.data = data;
      root.appendChild(this.over);
      plots.push(this as unknown as FakePlot);
      this.fire('ready');
      this.paint();
    }
    valToPos(value: number, scale: string) { return scale === 'x' ? value * 10 : 300 - value; }
    fire(name: string) { this.opts.hooks?.[name]?.forEach((hook) => hook(this as unknown as FakePlot)); }
    paint() { this.fire('drawAxes'); this.fire('draw'); }
    setData(data: number[][]) { this.data = data; this.paint(); }
    hover(idx: number) { this.cursor.idx = idx; this.fire('setCursor'); }
    setSize() {}
    destroy() {}
  },
}));

const lastPlot = () => plots[plots.length - 1];

function mockHistory(history = slowedHistory(), alerts = [alert()]) {
  return mockApi([
    { path: /\/api\/v1\/scenarios\/3\/history/, reply: { body: history } },
    { path: '/api/v1/scenarios/3/alerts', reply: { body: alerts } },
  ]);
}

describe('HistoryPage', () => {
  it('draws the picked metric over the runs, rings the alerted run, names a hovered run and opens a clicked one', async () => {
    mockHistory();
    const { router } = renderAt(<HistoryPage scenarioId={3} />, { path: '/scenarios/:id/history', url: '/scenarios/3/history' });
    expect(await screen.findByRole('heading', { name: 'History of checkout' })).toBeInTheDocument();

    // throughput first (no p95 here), then p50 picked
    expect(screen.getByRole('img', { name: 'Throughput over runs' })).toHaveAttribute('data-points', '4');
    await userEvent.selectOptions(screen.getByLabelText('Metric'), 'latency.p50');
    expect(router.state.location.search).toBe('?metric=latency.p50');
    const chart = screen.getByRole('img', { name: 'Latency p50 over runs' });
    expect(chart).toHaveAttribute('data-points', '4');
    expect(lastPlot().data).toEqual([[1, 2, 3, 4], [5.1, 5.3, 4.9, 35.2]]);
    expect(JSON.parse(screen.getByTestId('history-chart-frame').dataset.drawn ?? '[]')).toHaveLength(4);
    expect(screen.getByTestId('history-legend')).toHaveTextContent('baseline: 5.10 ms ± 0.200 ms, the mean of the last 3 comparable runs');

    const marker = screen.getByTestId('alert-marker');
    expect(marker).toHaveAttribute('href', '/runs/104');
    expect(marker).toHaveAccessibleName('Alert on run #4: p50 is 590% above its baseline');
    expect(marker.style.left).toBe('40px');
    expect(marker.style.top).toBe(`${300 - 35.2}px`);

    act(() => lastPlot().hover(1));
    const tooltip = screen.getByTestId('history-tooltip');
    expect(tooltip).toHaveTextContent('Run #2 · 5.30 ms');
    expect(tooltip).toHaveTextContent('branch=main · commit=abcdef1234');

    // the table lists the points newest first, each a link to its run
    const rows = screen.getAllByTestId('history-point');
    expect(within(rows[0]).getByRole('link', { name: '#4' })).toHaveAttribute('href', '/runs/104');
    expect(rows[0]).toHaveTextContent('percentage (open)');
    expect(rows.map((row) => row.textContent?.includes('baseline'))).toEqual([false, true, true, true]);

    fireEvent.click(lastPlot().over);
    expect(router.state.location.pathname).toBe('/runs/102');
  });

  it('switches the x axis to dates and sends branch and label filters to the server', async () => {
    const fetchMock = mockHistory();
    const { router } = renderAt(<HistoryPage scenarioId={3} />, { path: '/scenarios/:id/history', url: '/scenarios/3/history?metric=latency.p50' });
    await screen.findByRole('img', { name: 'Latency p50 over runs' });
    await userEvent.click(screen.getByRole('button', { name: 'By date' }));
    expect(router.state.location.search).toContain('x=date');
    expect(lastPlot().data[0][0]).toBe(Date.UTC(2026, 11, 1, 10) / 1000);

    await userEvent.type(screen.getByLabelText('Branch'), 'main');
    await userEvent.type(screen.getByLabelText('Label'), 'env:ci');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.map(([url]) => String(url)))
      .toContain('/api/v1/scenarios/3/history?branch=main&label=env%3Aci'));

    await userEvent.selectOptions(screen.getByLabelText('Runs'), 'newest 1000');
    expect(router.state.location.search).toContain('runs=1000');
    await vi.waitFor(() => expect(fetchMock.mock.calls.map(([url]) => String(url)))
      .toContain('/api/v1/scenarios/3/history?branch=main&label=env%3Aci&limit=1000'));
  });

  it('says what to do when there is nothing to draw, and why', async () => {
    mockHistory({ ...slowedHistory(), metrics: [], steps: [] }, []);
    renderAt(<HistoryPage scenarioId={3} />, { path: '/scenarios/:id/history', url: '/scenarios/3/history' });
    expect(await screen.findByText('No completed runs yet')).toBeInTheDocument();
    expect(screen.getByText(/each completed run adds a point here/)).toBeInTheDocument();
    expect(await screen.findByText('No alerts')).toBeInTheDocument();
  });

  it('tells filters that match nothing from a scenario without runs', async () => {
    mockHistory({ ...slowedHistory(), metrics: [], steps: [] }, []);
    renderAt(<HistoryPage scenarioId={3} />, { path: '/scenarios/:id/history', url: '/scenarios/3/history?branch=nope' });
    expect(await screen.findByText('No completed runs match these filters')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(await screen.findByText('No completed runs yet')).toBeInTheDocument();
  });

  it('shows the not-found page for a scenario that does not exist', async () => {
    mockApi([]);
    renderAt(<HistoryPage scenarioId={3} />, { path: '/scenarios/:id/history', url: '/scenarios/3/history' });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
  });
});
