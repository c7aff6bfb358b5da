import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StepResult } from '@/shared/api-client/types';
import { ThreadSweepCharts } from './thread-sweep';

vi.mock('uplot', () => ({ default: class { setData() {} destroy() {} } }));

const step = (index: number, users: number, p95: number | null): StepResult => ({
  index, label: `users=${users}`, measured_seconds: 10, requests: 1000, ok: 1000, errors: 0, errors_by_class: {}, dropped: 0,
  throughput: 100 * users, error_rate: 0, error_samples: [],
  stream: null, partial: false, cpu: null, counts: {}, generator_saturated: false, journey: null,
  latencies: p95 === null ? {} : { latency: { histogram: '', summary: { count: 1000, min: 0.1, mean: 1, p50: 1, p90: 2, p95, p99: p95 * 2, p999: 9, max: 10 } } },
});

describe('ThreadSweepCharts', () => {
  it('says nothing is plotted yet instead of drawing empty charts', () => {
    render(<ThreadSweepCharts steps={[]} />);
    expect(screen.getAllByText('Nothing to plot yet')).toHaveLength(2);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('draws a single thread count as one point, counted in data-points', () => {
    render(<ThreadSweepCharts steps={[step(0, 2, 3)]} />);
    expect(screen.getByTestId('throughput-vs-threads')).toHaveAttribute('data-points', '1');
    expect(screen.getByTestId('latency-vs-threads')).toHaveAttribute('data-points', '2');
  });

  it('leaves a gap, not a zero, where a thread count measured no latency', () => {
    render(<ThreadSweepCharts steps={[step(0, 2, 3), step(1, 4, null)]} />);
    expect(screen.getByTestId('throughput-vs-threads')).toHaveAttribute('data-points', '2');
    expect(screen.getByTestId('latency-vs-threads')).toHaveAttribute('data-points', '2');
  });
});
