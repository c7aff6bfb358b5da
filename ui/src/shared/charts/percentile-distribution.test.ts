import { describe, expect, it } from 'vitest';
import type { LatencySummary } from '@/shared/api-client/types';
import { maxX, percentileTicks, percentileToX, toPercentileDistribution, xToPercentLabel } from './percentile-distribution';

const summary = (overrides: Partial<LatencySummary> = {}): LatencySummary => ({
  count: 50_000, min: 0.5, mean: 2, p50: 1, p90: 2, p95: 3, p99: 5, p999: 9, max: 20, ...overrides,
});

describe('percentile axis', () => {
  it('places percentiles at 1/(1-p)', () => {
    expect(percentileToX(0.5)).toBeCloseTo(2);
    expect(percentileToX(0.9)).toBeCloseTo(10);
    expect(percentileToX(0.99)).toBeCloseTo(100);
    expect(percentileToX(0.999)).toBeCloseTo(1000);
  });
  it('labels decades as percentiles', () => {
    expect(xToPercentLabel(2)).toBe('50%');
    expect(xToPercentLabel(10)).toBe('90%');
    expect(xToPercentLabel(100)).toBe('99%');
    expect(xToPercentLabel(1000)).toBe('99.9%');
    expect(xToPercentLabel(100_000)).toBe('99.999%');
  });
  it('ticks every decade', () => {
    expect(percentileTicks(10_000)).toEqual([2, 10, 100, 1000, 10_000]);
  });
  it('puts the max at the request count, at least a decade past p99.9', () => {
    expect(maxX(50_000)).toBe(50_000);
    expect(maxX(10)).toBe(10_000);
  });
});

describe('toPercentileDistribution', () => {
  it('builds one series per step on a shared, sorted x', () => {
    const [xs, first, second] = toPercentileDistribution([
      { label: 'step 1', summary: summary() },
      { label: 'step 2', summary: summary({ count: 200_000, p50: 2, max: 40 }) },
    ]);
    expect(Array.from(xs).map((x) => Math.round(x))).toEqual([2, 10, 20, 100, 1000, 50_000, 200_000]);
    expect(first).toEqual([1, 2, 3, 5, 9, 20, null]);
    expect(second).toEqual([2, 2, 3, 5, 9, null, 40]);
  });
  it('leaves an empty step without points', () => {
    const [xs, only] = toPercentileDistribution([{ label: 'empty', summary: summary({ count: 0 }) }]);
    expect(xs.length).toBe(0);
    expect(only).toEqual([]);
  });
});
