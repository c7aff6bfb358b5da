import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatCount, formatDuration, formatMs, formatNumber, formatPercent, formatRate, formatWithUnit, secondsBetween } from './format';

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
  it('says ops/s for database operations', () => {
    expect(formatRate(1234.5, 'ops/s')).toBe('1,235 ops/s');
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

describe('formatWithUnit (threshold actuals)', () => {
  it('shows each unit the result names', () => {
    expect(formatWithUnit(1.734, 'ms')).toBe('1.73 ms');
    expect(formatWithUnit(0.12, '%')).toBe('0.120%');
    expect(formatWithUnit(12.5, '%')).toBe('12.5%');
    expect(formatWithUnit(1234.5, '/s')).toBe('1,235/s');
    expect(formatWithUnit(60, 'tokens')).toBe('60 tokens');
    expect(formatWithUnit(60.5, 'tokens')).toBe('60.5 tokens');
    expect(formatWithUnit(45.5, 'tokens/s')).toBe('45.5 tokens/s');
  });
  it('shows counts and unknown units plainly, and a dash for nothing measured', () => {
    expect(formatWithUnit(1200, '')).toBe('1,200');
    expect(formatWithUnit(12, undefined)).toBe('12');
    expect(formatWithUnit(null, 'ms')).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(60)).toBe('60');
    expect(formatNumber(60.25)).toBe('60.3');
  });
});

describe('formatBytes', () => {
  it('uses binary units to three significant digits', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(16 * 1024 ** 3)).toBe('16.0 GiB');
    expect(formatBytes(1.5 * 1024 ** 4)).toBe('1.50 TiB');
  });
  it('shows a dash for missing or negative sizes', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it('counts seconds, minutes, hours and days back from now', () => {
    expect(formatAgo('2026-12-07T11:59:48Z', now)).toBe('12 s ago');
    expect(formatAgo('2026-12-07T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAgo('2026-12-07T09:30:00Z', now)).toBe('2 h ago');
    expect(formatAgo('2026-12-03T12:00:00Z', now)).toBe('4 d ago');
  });
  it('says just now under a second, and for a timestamp a little ahead of this clock', () => {
    expect(formatAgo('2026-12-07T11:59:59.500Z', now)).toBe('just now');
    expect(formatAgo('2026-12-07T12:00:02Z', now)).toBe('just now');
  });
  it('shows a dash for a missing or unreadable timestamp', () => {
    expect(formatAgo(null, now)).toBe('—');
    expect(formatAgo('yesterday', now)).toBe('—');
  });
});
