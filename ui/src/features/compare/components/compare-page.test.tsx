import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { comparisonFixture } from '../testing-fixtures';
import { ComparePage } from './compare-page';

// jsdom has no canvas; the charts' frames (and their data-points) still render around a stand-in plot.
vi.mock('uplot', () => ({
  default: class {
    width = 600;
    setData() {}
    setSize() {}
    destroy() {}
  },
}));

const intervals = (scale: number) => [1, 2, 3].map((s) => ({ elapsed_seconds: s, throughput: 10 * scale + s, p99: scale + s }));

function renderCompare(url: string, comparison: { status?: number; body: unknown } = { body: comparisonFixture }) {
  const api = mockApi([
    { path: /\/api\/v1\/comparisons\?runs=7,8$/, reply: comparison },
    { path: '/api/v1/runs/7/intervals', reply: { body: intervals(1) } },
    { path: '/api/v1/runs/8/intervals', reply: { body: intervals(2) } },
  ]);
  renderAt(<ComparePage />, { path: '/compare', url });
  return api;
}

describe('ComparePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each step side by side with the change, its test and the verdict styled', async () => {
    renderCompare('/compare?runs=7,8');
    const steps = await screen.findAllByTestId('compared-step');
    expect(steps).toHaveLength(2);
    expect(steps[1]).toHaveTextContent('Step 2: users=4');
    const p50 = within(steps[0]).getAllByTestId('metric-row').find((r) => r.dataset.metric === 'latency.p50')!;
    expect(p50).toHaveTextContent('10.0 ms');
    expect(p50).toHaveTextContent('12.5 ms');
    expect(p50).toHaveTextContent('+2.50 ms (+25%)');
    expect(p50).toHaveTextContent('moving-block bootstrap of the difference of means: p = 0.0010, 99% interval [1.45 ms, 3.18 ms]');
    expect(within(p50).getByTestId('metric-change')).toHaveAttribute('data-verdict', 'regression');
    expect(p50).toHaveClass('bg-red-50');
    const errors = within(steps[0]).getAllByTestId('metric-row').find((r) => r.dataset.metric === 'error_rate')!;
    expect(errors).toHaveTextContent('+0.500 pp');
    expect(screen.getByText('a note about the runs')).toBeInTheDocument();
  });

  it('draws every chart with both runs\' data: over time, by percentile and against the sweep\'s load', async () => {
    const api = renderCompare('/compare?runs=7,8');
    const throughput = await screen.findByTestId('compare-throughput');
    expect(throughput).toHaveAttribute('data-points', '6');
    expect(screen.getByTestId('compare-p99')).toHaveAttribute('data-points', '6');
    expect(Number(screen.getByTestId('compare-distribution').dataset.points)).toBe(12);
    expect(screen.getByTestId('compare-sweep-throughput')).toHaveAttribute('data-points', '4');
    expect(screen.getByTestId('compare-sweep-p99')).toHaveAttribute('data-points', '4');
    const urls = api.mock.calls.map(([url]) => String(url));
    expect(urls).toEqual(expect.arrayContaining(['/api/v1/runs/7/intervals', '/api/v1/runs/8/intervals']));
  });

  it('shows the plan diff coloured, the environment and labels side by side, and download links', async () => {
    renderCompare('/compare?runs=7,8');
    const diff = await screen.findByTestId('plan-diff');
    expect(within(diff).getByText('-workload: {path: /hello}')).toHaveAttribute('data-diff', 'removed');
    expect(within(diff).getByText('+workload: {path: /delay/5}')).toHaveAttribute('data-diff', 'added');
    expect(within(screen.getByTestId('environment-differences')).getByText('java').closest('tr')).toHaveAttribute('data-differs', 'true');
    expect(screen.getByTestId('label-differences')).toHaveTextContent('slow');
    const links = within(screen.getByTestId('comparison-downloads')).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['html', 'md', 'csv', 'junit', 'json'].map((f) => `/api/v1/comparisons/report?runs=7,8&format=${f}`));
  });

  it('shows the server\'s message when the runs cannot be compared', async () => {
    renderCompare('/compare?runs=7,8', { status: 422, body: { status: 422, title: 'Unprocessable', detail: 'cannot compare run 7 with run 8: run 7 has the http driver, run 8 the jdbc driver. Comparable are …' } });
    expect(await screen.findByText('These runs cannot be compared')).toBeInTheDocument();
    expect(screen.getByTestId('comparison-refusal')).toHaveTextContent('run 7 has the http driver, run 8 the jdbc driver');
    expect(screen.queryByTestId('compared-step')).not.toBeInTheDocument();
  });

  it('says what to do without 2-5 runs, before asking the server', async () => {
    const api = renderCompare('/compare?runs=7');
    expect(await screen.findByText('Nothing to compare')).toBeInTheDocument();
    expect(api).not.toHaveBeenCalled();
  });
});
