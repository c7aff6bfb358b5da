import { describe, expect, it } from 'vitest';
import { CHART_POINTS, latencyData, throughputData } from './ingestion-series';
import type { IngestorPoint } from './ingestion-types';

const point = (t: number, over: Partial<IngestorPoint> = {}): IngestorPoint => ({
  t, msgs_per_s: 10, queue_depth: 2, total_messages: 100, total_batches: 5, mean_batch_size: 20, e2e_p95_ms: 4, e2e_p99_ms: 9, ...over,
});

describe('ingestion series', () => {
  it('shows the last 100 points with x in epoch seconds', () => {
    const points = Array.from({ length: 150 }, (_, i) => point(1_700_000_000_000 + i * 1000));
    const [x, rate, depth] = throughputData(points);
    expect(x).toHaveLength(CHART_POINTS);
    expect(x[0]).toBe(1_700_000_050);
    expect(rate[99]).toBe(10);
    expect(depth[0]).toBe(2);
  });

  it('leaves gaps where the ingestor did not answer or stored nothing', () => {
    const [, p95, p99] = latencyData([point(1000), point(2000, { msgs_per_s: null, e2e_p95_ms: null, e2e_p99_ms: null })]);
    expect(p95).toEqual([4, null]);
    expect(p99).toEqual([9, null]);
    expect(throughputData([point(1000, { msgs_per_s: null })])[1]).toEqual([null]);
  });
});
