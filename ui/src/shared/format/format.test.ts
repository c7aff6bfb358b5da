import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatMs, formatPercent, formatRate, secondsBetween } from './format';

describe('formatMs', () => {
  it('keeps three significant digits', () => {
    expect(formatMs(0.4512)).toBe('0.451 ms');
    expect(formatMs(1.234)).toBe('1.23 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(123.4)).toBe('123 ms');
  });
  it('switches to seconds from 1000 ms', () => {
    expect(formatMs(1500)).toBe('1.50 s');
  });
  it('shows a dash for missing values', () => {
    expect(formatMs(null)).toBe('—');
    expect(formatMs(undefined)).toBe('—');
    expect(formatMs(Number.NaN)).toBe('—');
  });
  it('shows zero plainly', () => {
    expect(formatMs(0)).toBe('0 ms');
  });
});

describe('formatRate', () => {
  it('formats requests per second', () => {
    expect(formatRate(99.54)).toBe('99.5 req/s');
    expect(formatRate(12345.6)).toBe('12,346 req/s');
    expect(formatRate(null)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('formats sub-second, seconds, minutes and hours', () => {
    expect(formatDuration(0.25)).toBe('250 ms');
    expect(formatDuration(12)).toBe('12 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3600)).toBe('1 h 0 min');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('formatPercent and formatCount', () => {
  it('formats ratios as percentages', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.995)).toBe('99.5%');
    expect(formatPercent(0.0012)).toBe('0.120%');
  });
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('secondsBetween', () => {
  it('measures to the end or to now', () => {
    expect(secondsBetween('2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z')).toBe(60);
    expect(secondsBetween('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:00:10Z'))).toBe(10);
    expect(secondsBetween(null, null)).toBeNull();
  });
});
