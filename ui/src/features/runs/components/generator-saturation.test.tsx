import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StepResult } from '@/shared/api-client/types';
import { GeneratorWarning } from './generator-saturation';
import { StepTable } from './step-table';

const summary = (p50: number, p99: number) => ({ count: 1000, min: 0, mean: p50, p50, p90: p99, p95: p99, p99, p999: p99, max: p99 });
const openStep = (index: number, lagP99: number, saturated: boolean): StepResult => ({
  index, label: `rate=${(index + 1) * 1000}/s`, measured_seconds: 10, requests: 1000, ok: 1000, errors: 0, errors_by_class: {}, dropped: 0,
  throughput: 100, error_rate: 0, error_samples: [], stream: null, partial: false, cpu: null, counts: {}, generator_saturated: saturated, journey: null,
  latencies: { latency: { histogram: '', summary: summary(4, 9) }, schedule_lag: { histogram: '', summary: summary(0.1, lagP99) } },
});

describe('generator saturation', () => {
  it('shows the open model\u2019s lag p99 per step and marks the saturated step', () => {
    render(<StepTable steps={[openStep(0, 0.2, false), openStep(1, 3, true)]} overall={null} />);
    expect(screen.getByRole('columnheader', { name: 'lag p99' })).toBeInTheDocument();
    expect(screen.getAllByTestId('lag-p99').map((cell) => cell.textContent)).toEqual(['0.200 ms', '3.00 ms']);
    const marks = screen.getAllByTestId('saturated-step');
    expect(marks).toHaveLength(1);
    expect(within(screen.getByRole('rowheader', { name: /rate=2000\/s/ })).getByText('generator saturated')).toBeInTheDocument();
  });

  it('says which steps were late and by how much, and nothing when none was', () => {
    const { rerender } = render(<GeneratorWarning steps={[openStep(0, 0.2, false), openStep(1, 3, true)]} />);
    const warning = screen.getByTestId('generator-warning');
    expect(warning).toHaveTextContent("Generator saturated: latency includes Benchdeck's own delay");
    expect(warning).toHaveTextContent('rate=2000/s: requests began up to 3.00 ms (p99) after their scheduled time; the limit is 1.00 ms.');
    expect(warning).not.toHaveTextContent('rate=1000/s');
    rerender(<GeneratorWarning steps={[openStep(0, 0.2, false)]} />);
    expect(screen.queryByTestId('generator-warning')).not.toBeInTheDocument();
  });

  it('says when closed-model users could not keep their think time', () => {
    const closed = { ...openStep(0, 0, true), label: 'users=50', latencies: { latency: { histogram: '', summary: summary(4, 9) }, think_lag: { histogram: '', summary: summary(1, 6) } } };
    render(<><StepTable steps={[closed]} overall={null} /><GeneratorWarning steps={[closed]} /></>);
    expect(screen.getAllByTestId('lag-p99').map((cell) => cell.textContent)).toEqual(['6.00 ms']);
    expect(screen.getByTestId('saturated-step')).toHaveAttribute('title', expect.stringMatching(/^Think lag p99 6.00 ms/));
    expect(screen.getByTestId('generator-warning')).toHaveTextContent('users=50: users woke up to 6.00 ms (p99) later than their think time; the limit is 1.00 ms.');
  });

  it('has no lag column for a closed-model run without think time', () => {
    const closed = { ...openStep(0, 0, false), latencies: { latency: { histogram: '', summary: summary(4, 9) } } };
    render(<StepTable steps={[closed]} overall={null} />);
    expect(screen.queryByRole('columnheader', { name: 'lag p99' })).not.toBeInTheDocument();
  });
});
