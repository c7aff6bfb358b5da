// Every number the dashboard shows goes through these, so a value reads the same on every screen.

const DASH = '—';

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Three significant digits, like HdrHistogram reports values: 0.123, 1.23, 12.3, 123, 1235. */
function threeDigits(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** Latency in milliseconds: `0.451 ms`, `12.3 ms`, `1.50 s` from 1,000 ms on. */
export function formatMs(ms: number | null | undefined): string {
  if (!isNumber(ms)) return DASH;
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${threeDigits(ms)} ms`;
}

/** A rate per second: `99.5 req/s`, `12,345 req/s`; database runs say `ops/s`. */
export function formatRate(perSecond: number | null | undefined, unit: 'req/s' | 'ops/s' = 'req/s'): string {
  if (!isNumber(perSecond)) return DASH;
  return `${threeDigits(perSecond)} ${unit}`;
}

/** A plain figure: a whole number as a count (`60`, `1,235`), else to three significant digits (`0.451`, `12.3`). */
export function formatNumber(value: number | null | undefined): string {
  if (!isNumber(value)) return DASH;
  return Number.isInteger(value) ? Math.round(value).toLocaleString('en-US') : threeDigits(value);
}

/**
 * A threshold's measured value in its unit (ThresholdVerdict.unit): `1.73 ms`, `0.120%` (a verdict
 * gives the error rate in percent, unlike the ratio everywhere else), `1,235/s`, `60.0 tokens`; a count has no unit.
 */
export function formatWithUnit(value: number | null | undefined, unit: string | null | undefined): string {
  if (!isNumber(value)) return DASH;
  if (unit === 'ms') return formatMs(value);
  if (unit === '%') return formatPercent(value / 100);
  const figure = formatNumber(value);
  if (!unit) return figure;
  return unit.startsWith('/') ? `${figure}${unit}` : `${figure} ${unit}`;
}

/** A duration in seconds: `850 ms`, `12 s`, `2 min 5 s`, `1 h 0 min`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isNumber(seconds) || seconds < 0) return DASH;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return secs ? `${minutes} min ${secs} s` : `${minutes} min`;
  return `${secs} s`;
}

/** A ratio (0..1) as a percentage: `0%`, `0.12%`, `99.5%`, `100%`. */
export function formatPercent(ratio: number | null | undefined): string {
  if (!isNumber(ratio)) return DASH;
  const percent = ratio * 100;
  if (percent === 0 || percent === 100) return `${percent}%`;
  return `${threeDigits(percent)}%`;
}

/** A count with thousands separators. */
export function formatCount(value: number | null | undefined): string {
  if (!isNumber(value)) return DASH;
  return Math.round(value).toLocaleString('en-US');
}

/** A timestamp in the viewer's locale, to the second. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  return date.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

/** Seconds between two timestamps, or up to now while `end` is missing. */
export function secondsBetween(start: string | null | undefined, end: string | null | undefined, now = Date.now()): number | null {
  if (!start) return null;
  const from = new Date(start).getTime();
  const to = end ? new Date(end).getTime() : now;
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, (to - from) / 1000);
}

/** A size in bytes, in binary units to three significant digits: `512 B`, `1.50 KiB`, `15.6 GiB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (!isNumber(bytes) || bytes < 0) return DASH;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${threeDigits(value)} ${units[unit]}`;
}

/**
 * How long before `now` a timestamp was: `just now` (under a second, or a clock a little ahead),
 * `12 s ago`, `3 min ago`, `2 h ago`, `4 d ago`.
 */
export function formatAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return DASH;
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return DASH;
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
