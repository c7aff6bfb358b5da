import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { formatDuration } from '@/shared/format/format';
import { discreteRange, discreteX, ELAPSED_INCREMENTS, elapsedAxis, WHOLE_INCREMENTS } from './axes';

describe('chart axes', () => {
  it('ticks elapsed time on whole seconds only, so labels never repeat', () => {
    expect(ELAPSED_INCREMENTS.every((s) => Number.isInteger(s) && s >= 1)).toBe(true);
    const labels = ELAPSED_INCREMENTS.map((s) => formatDuration(s));
    expect(new Set(labels).size).toBe(labels.length);
    const values = elapsedAxis().values as (u: uPlot, ticks: number[]) => string[];
    expect(values({} as uPlot, [2, 3, 4])).toEqual(['2 s', '3 s', '4 s']);
  });

  it('ticks counts on whole numbers', () => {
    expect(WHOLE_INCREMENTS.slice(0, 6)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(WHOLE_INCREMENTS.every(Number.isInteger)).toBe(true);
  });

  it('gives a single sweep point one unit either side, several a small margin', () => {
    expect(discreteRange(2, 2)).toEqual([1, 3]);
    const [from, to] = discreteRange(2, 8);
    expect(from).toBeCloseTo(1.7);
    expect(to).toBeCloseTo(8.3);
    expect(discreteRange(null, null)).toEqual([0, 1]);
  });

  it('puts sweep ticks at the measured values and blanks labels that would overlap', () => {
    const { axis } = discreteX('threads');
    const u = { data: [[1, 2, 40]], valToPos: (v: number) => v * 10 } as unknown as uPlot;
    const splits = axis.splits as (u: uPlot) => number[];
    expect(splits(u)).toEqual([1, 2, 40]);
    const values = axis.values as (u: uPlot, ticks: number[]) => string[];
    expect(values(u, [1, 2, 40])).toEqual(['1', '', '40']);
  });
});

describe('chart options', () => {
  it('give count charts a 0–1 scale at least, so all zeros are a flat line at the bottom', async () => {
    const { timeSeriesOptions } = await import('./chart-options');
    const range = timeSeriesOptions([{ label: 'errors', stroke: 'red', unit: '' }], 'per interval', { counts: true }).scales!.y!.range as (u: uPlot, min: number, max: number) => [number, number];
    expect(range({} as uPlot, 0, 0)).toEqual([0, 1]);
    expect(range({} as uPlot, 0, 7)).toEqual([0, 7]);
    expect(timeSeriesOptions([{ label: 'p99', stroke: 'red', unit: 'ms' }], 'ms').scales).not.toHaveProperty('y');
  });
});
