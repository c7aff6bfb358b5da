import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { countPoints, seriesOf, toPoint } from './chart-data';

describe('chart points', () => {
  it('keeps finite numbers, zero included', () => {
    expect(toPoint(0)).toBe(0);
    expect(toPoint(-1.5)).toBe(-1.5);
  });

  it('turns null, absent, NaN, infinities and text into gaps', () => {
    for (const bad of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 'NaN', '12', {}, true]) {
      expect(toPoint(bad)).toBeNull();
    }
  });

  it('builds a series with a gap wherever a row has no value', () => {
    const rows = [{ v: 1 }, { v: null }, {}, { v: Number.NaN }, { v: 4 }] as { v?: number | null }[];
    expect(seriesOf(rows, (r) => r.v)).toEqual([1, null, null, null, 4]);
  });

  it('counts finite y values over every series, never the x values', () => {
    const data: uPlot.AlignedData = [[1, 2, 3], [null, 2, Number.NaN], Float64Array.from([0, Number.NaN, 5])];
    expect(countPoints(data)).toBe(3);
    expect(countPoints([[1, 2]])).toBe(0);
    expect(countPoints([[], []])).toBe(0);
  });
});
