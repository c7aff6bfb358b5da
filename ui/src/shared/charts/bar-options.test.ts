import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { barOptions } from './bar-options';

// jsdom has no matchMedia, which uPlot reads on load; the bars' path builder is all this needs of it
vi.mock('uplot', () => ({ default: { paths: { bars: () => () => null } } }));

describe('barOptions', () => {
  const options = barOptions('agent', ['eu-1', 'eu-2', 'us-1'], { label: 'req/s', stroke: '#4f46e5', unit: 'req/s' }, 'req/s');

  it('puts one tick per category, named after it, with half a bar of room on both sides', () => {
    const x = options.axes![0];
    expect((x.splits as () => number[])()).toEqual([0, 1, 2]);
    expect((x.values as (u: uPlot, ticks: number[]) => string[])({} as uPlot, [0, 1, 2])).toEqual(['eu-1', 'eu-2', 'us-1']);
    expect((options.scales!.x.range as uPlot.Range.Function)({} as uPlot, 0, 0, 'x')).toEqual([-0.5, 2.5]);
  });

  it('starts y at 0 and names the category under the cursor in the legend', () => {
    const y = options.scales!.y.range as uPlot.Range.Function;
    expect(y({} as uPlot, 40, 100, 'y')[0]).toBe(0);
    expect(y({} as uPlot, 40, 100, 'y')[1]).toBeCloseTo(110);
    expect(y({} as uPlot, Number.NaN, Number.NaN, 'y')).toEqual([0, 1.1]);
    const legend = options.series[0].value as (u: uPlot, v: number | null) => string;
    expect(legend({} as uPlot, 1)).toBe('eu-2');
    expect(legend({} as uPlot, null)).toBe('—');
  });

  it('draws bars, not lines', () => {
    expect(options.series[1].paths).toBeTypeOf('function');
    expect(options.series[1].points).toEqual({ show: false });
  });
});
