import { render, screen } from '@testing-library/react';
import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { UPlotChart } from './uplot-chart';

const setData = vi.fn();
vi.mock('uplot', () => ({
  default: class {
    width = 600;
    setData = setData;
    setSize() {}
    destroy() {}
  },
}));

const options = { series: [{}, {}] };

describe('UPlotChart', () => {
  it('names itself and counts the finite y values it was given, on every new data', () => {
    const { rerender } = render(<UPlotChart options={options} data={[[1, 2, 3], [null, Number.NaN, 4]]} label="Throughput over time" />);
    const chart = screen.getByRole('img', { name: 'Throughput over time' });
    expect(chart).toHaveAttribute('data-chart', 'Throughput over time');
    expect(chart).toHaveAttribute('data-points', '1');

    const next: uPlot.AlignedData = [[1, 2, 3, 4], [1, 2, 3, 4], [0, null, 2, 3]];
    rerender(<UPlotChart options={options} data={next} label="Throughput over time" />);
    expect(chart).toHaveAttribute('data-points', '7');
    expect(setData).toHaveBeenLastCalledWith(next);
  });

  it('says 0 for a chart without data', () => {
    render(<UPlotChart options={options} data={[[], []]} label="empty" />);
    expect(screen.getByRole('img', { name: 'empty' })).toHaveAttribute('data-points', '0');
  });
});
