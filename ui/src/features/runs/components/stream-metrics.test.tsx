import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Distribution, StepResult } from '@/shared/api-client/types';
import { StreamTable } from './stream-metrics';

vi.mock('uplot', () => ({ default: class {} }));

const summary = (p50: number): Distribution => ({ histogram: '', summary: { count: 10, min: p50 / 2, mean: p50, p50, p90: p50, p95: p50, p99: p50 * 2, p999: p50 * 2, max: p50 * 3 } });

const step: StepResult = {
  index: 0, label: 'users=1', measured_seconds: 3, requests: 30, ok: 30, errors: 0, errors_by_class: {}, dropped: 0, throughput: 10, error_rate: 0, error_samples: [],
  latencies: { ttft: summary(200), itl: summary(20), tpot: summary(21), e2e: summary(900), output_tokens: summary(60) },
  stream: { streams: 30, output_tokens: 1800, usage_streams: 30, good_requests: 30, output_tokens_per_second: 600, goodput: 10, token_source: 'usage', content_events: 1800, coalesced_events: 0 },
  partial: false, cpu: null, counts: {}, generator_saturated: false, journey: null,
};

describe('StreamTable', () => {
  it('shows output tokens per request (min, p50, p99, max), the token source, then the coalesced share last', () => {
    render(<StreamTable steps={[step]} />);
    const row = screen.getByTestId('stream-row');
    expect(within(row).getByTestId('output-tokens-min')).toHaveTextContent('30');
    expect(within(row).getByTestId('output-tokens-p50')).toHaveTextContent('60');
    expect(within(row).getByTestId('output-tokens-p99')).toHaveTextContent('120');
    expect(within(row).getByTestId('output-tokens-max')).toHaveTextContent('180');
    expect(within(row).getAllByRole('cell').at(-2)).toHaveTextContent('usage');
    expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent('0.0 %');
    expect(screen.getByRole('columnheader', { name: 'Output tokens per request' })).toBeInTheDocument();
    expect(within(row).getByTestId('ttft-p50')).toHaveTextContent('200 ms');
    expect(within(row).getByTestId('e2e-p99')).toHaveTextContent('1.80 s');
  });

  it('fits the page: one column per metric, its percentiles stacked, in a region that still scrolls on narrow screens', () => {
    render(<StreamTable steps={[step]} />);
    expect(screen.getByRole('region', { name: 'Stream metrics per step' })).toHaveClass('overflow-x-auto');
    expect(screen.getAllByRole('columnheader')).toHaveLength(12);
    expect(within(screen.getByTestId('stream-row')).getByRole('rowheader')).toHaveClass('sticky');
  });
});
