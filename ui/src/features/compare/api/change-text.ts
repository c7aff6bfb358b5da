import type { MetricChange, Significance } from '@/shared/api-client/types';
import { formatNumber, formatWithUnit } from '@/shared/format/format';

/** A compared figure in its unit (the comparison gives error rates in per cent, latencies in ms). */
export function formatValue(value: number | null | undefined, unit: string): string {
  return formatWithUnit(value, unit);
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

/**
 * The change against the baseline, absolute and in per cent: `+2.63 ms (+21.7%)`; an error rate moves
 * in percentage points (`+0.500 pp`); no per cent when the baseline was 0; a dash when not measured.
 */
export function formatChange(change: MetricChange, unit: string): string {
  if (change.absolute == null || !Number.isFinite(change.absolute)) return '—';
  const absolute = unit === '%' ? `${formatNumber(change.absolute)} pp` : formatWithUnit(change.absolute, unit);
  const percent = change.percent == null || !Number.isFinite(change.percent) ? '' : ` (${signed(`${formatNumber(change.percent)}%`, change.percent)})`;
  return `${signed(absolute, change.absolute)}${percent}`;
}

/** `p = 0.0010`, or `p < 0.0001` for what the resamples cannot resolve further. */
export function formatPValue(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${p.toPrecision(2)}`;
}

/** The test named, its p-value and its interval of the difference at its confidence, in the metric's unit. */
export function significanceText(s: Significance, unit: string): string {
  const interval = (v: number) => (unit === '%' ? `${formatNumber(v)} pp` : formatWithUnit(v, unit));
  return `${s.method}: ${formatPValue(s.p_value)}, ${formatNumber(s.confidence * 100)}% interval [${interval(s.low)}, ${interval(s.high)}]`;
}

export const VERDICT_TEXT: Record<MetricChange['verdict'], string> = {
  regression: 'regression',
  improvement: 'improvement',
  no_significant_change: 'no significant change',
  not_tested: 'not tested',
  not_measured: 'not measured',
};
