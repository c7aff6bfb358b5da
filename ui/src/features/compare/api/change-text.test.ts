import { describe, expect, it } from 'vitest';
import type { MetricChange, Significance } from '@/shared/api-client/types';
import { formatChange, formatPValue, significanceText } from './change-text';

const change = (absolute: number | null, percent: number | null): MetricChange =>
  ({ run: 'run 2', absolute, percent, significance: null, not_tested: null, verdict: 'not_tested' });

describe('change texts', () => {
  it('gives the change in the unit and in per cent, signed', () => {
    expect(formatChange(change(2.632, 21.73), 'ms')).toBe('+2.63 ms (+21.7%)');
    expect(formatChange(change(-21.8, -6.56), '/s')).toBe('-21.8/s (-6.56%)');
    expect(formatChange(change(-109, -6.56), '')).toBe('-109 (-6.56%)');
  });

  it('moves error rates in percentage points, leaves out the per cent of a zero baseline and dashes the unmeasured', () => {
    expect(formatChange(change(0.5, null), '%')).toBe('+0.500 pp');
    expect(formatChange(change(0, null), '%')).toBe('0 pp');
    expect(formatChange(change(null, null), 'ms')).toBe('—');
  });

  it('names the test, its p-value and interval', () => {
    const s: Significance = {
      method: 'moving-block bootstrap of the difference of means', estimate: 2.3, low: 1.4512, high: 3.1808, p_value: 0.0009995,
      confidence: 0.99, significant: true, baseline_samples: 5, other_samples: 5, baseline_block: 3, other_block: 3, resamples: 2000,
    };
    expect(significanceText(s, 'ms')).toBe('moving-block bootstrap of the difference of means: p = 0.0010, 99% interval [1.45 ms, 3.18 ms]');
    expect(formatPValue(0.00001)).toBe('p < 0.0001');
  });
});
