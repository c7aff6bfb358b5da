import type uPlot from 'uplot';
import { toPoint } from '@/shared/charts/chart-data';
import type { IngestorPoint } from './ingestion-types';

/** How many of the server's points the charts show: the seed's rolling window. */
export const CHART_POINTS = 100;

/** The last {@link CHART_POINTS} points, x in epoch seconds (the server samples once a second, t in ms). */
function window(points: readonly IngestorPoint[]): IngestorPoint[] {
  return points.slice(-CHART_POINTS);
}

/** Throughput (msg/s) and queue depth over the window; gaps where the ingestor did not answer. */
export function throughputData(points: readonly IngestorPoint[]): uPlot.AlignedData {
  const shown = window(points);
  return [shown.map((p) => p.t / 1000), shown.map((p) => toPoint(p.msgs_per_s)), shown.map((p) => toPoint(p.queue_depth))];
}

/** End-to-end p95 and p99 (ms) of the messages stored in each second; gaps in seconds that stored none. */
export function latencyData(points: readonly IngestorPoint[]): uPlot.AlignedData {
  const shown = window(points);
  return [shown.map((p) => p.t / 1000), shown.map((p) => toPoint(p.e2e_p95_ms)), shown.map((p) => toPoint(p.e2e_p99_ms))];
}
