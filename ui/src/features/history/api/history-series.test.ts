import { describe, expect, it } from 'vitest';
import { point, slowedHistory } from './history.fixture';
import { defaultMetric, labelText, metricLabel, metricSeries, stepMetrics, valueRange } from './history-series';

describe('history series', () => {
  it('names metrics as people read them', () => {
    expect(metricLabel('latency.p95')).toBe('Latency p95');
    expect(metricLabel('ttft.p50')).toBe('TTFT p50');
    expect(metricLabel('e2e.p99')).toBe('End-to-end latency p99');
    expect(metricLabel('error_rate')).toBe('Error rate');
  });

  it('draws one point per run that measured the metric, in x order, with only that metric’s alerts', () => {
    const step = slowedHistory().steps[0];
    step.points.splice(1, 0, point(7, undefined)); // a run without p50, and out of order
    step.points[0].alerts = [{ id: 1, metric: 'throughput', test: 't_test', status: 'open', message: 'slower' }];
    const series = metricSeries(step, 'latency.p50', 'number');
    expect(series.map((s) => s.x)).toEqual([1, 2, 3, 4]);
    expect(series.map((s) => s.value)).toEqual([5.1, 5.3, 4.9, 35.2]);
    expect(series.map((s) => s.alerts.length)).toEqual([0, 0, 0, 1]);
    expect(metricSeries(step, 'throughput', 'number').map((s) => s.x)).toEqual([1, 2, 3, 4, 7]);
  });

  it('puts points at their run’s time (epoch seconds) on a date axis', () => {
    const series = metricSeries(slowedHistory().steps[0], 'latency.p50', 'date');
    expect(series[0].x).toBe(Date.UTC(2026, 11, 1, 10) / 1000);
    expect(series[3].x - series[0].x).toBe(3 * 86_400);
  });

  it('offers the metrics a step measured and starts on latency p95 when there is one', () => {
    const history = slowedHistory();
    expect(stepMetrics(history.steps[0], history.metrics).map((m) => m.name)).toEqual(['throughput', 'latency.p50']);
    expect(defaultMetric(history.metrics, null)).toBe('throughput');
    expect(defaultMetric([...history.metrics, { name: 'latency.p95', unit: 'ms', worse: 'higher_is_worse' }], null)).toBe('latency.p95');
    expect(defaultMetric(history.metrics, 'latency.p50')).toBe('latency.p50');
    expect(defaultMetric(history.metrics, 'ttft.p95')).toBe('throughput');
  });

  it('keeps the baseline band inside the y range and does not go below zero for positive values', () => {
    expect(valueRange([10, 20], undefined)).toEqual([9, 21]);
    const [low, high] = valueRange([10, 20], { mean: 30, sd: 5, runs: 3, run_ids: [] });
    expect(low).toBe(7.5);
    expect(high).toBe(37.5);
    expect(valueRange([1, 100], undefined)[0]).toBe(0);
    expect(valueRange([4, 4], undefined)).toEqual([3.6, 4.4]);
  });

  it('writes labels branch first and shortens commits', () => {
    expect(labelText({ os: 'linux', commit: 'abcdef1234567890', branch: 'main' })).toBe('branch=main · commit=abcdef1234 · os=linux');
  });
});
