import { describe, expect, it } from 'vitest';
import { countPoints } from '@/shared/charts/chart-data';
import { mergeSamples, type TelemetrySample } from './run-telemetry';
import { chartsFor, telemetryData } from './telemetry-columns';

const sample = (seq: number, metrics: Record<string, number>, source = 'gateway'): TelemetrySample => ({ seq, elapsed_seconds: seq + 0.5, source, metrics });

describe('telemetry columns', () => {
  it('draws a gateway run on the run time axis with gaps where a metric is missing', () => {
    const samples = [sample(0, { 'stage.streaming.p99_ms': 120, active_streams: 3 }), sample(1, { active_streams: 4 })];
    const charts = chartsFor(samples);
    expect(charts.map((c) => c.name)).toEqual(['telemetry-gateway-stage-p99', 'telemetry-gateway-streams']);
    const data = telemetryData(samples, charts[0]);
    expect(data[0]).toEqual([0.5, 1.5]);
    const streaming = charts[0].series.findIndex((s) => s.metric === 'stage.streaming.p99_ms') + 1;
    expect(data[streaming]).toEqual([120, null]);
    expect(countPoints(data)).toBe(1);
  });

  it('has the postgres charts for a postgres run and none for an unknown source', () => {
    expect(chartsFor([sample(0, { commits_per_s: 10, active_connections: 2 }, 'postgres')]).map((c) => c.name))
      .toEqual(['telemetry-pg-transactions', 'telemetry-pg-connections']);
    expect(chartsFor([sample(0, { x: 1 }, 'elsewhere')])).toEqual([]);
    expect(chartsFor([])).toEqual([]);
  });

  it('draws the Prometheus series of any target: counters as rates, gauges as values, one line per selector', () => {
    const samples = [sample(0, { 'prom.in_flight': 2 }, 'http'),
      sample(1, { 'prom.req_total.per_s': 50, 'prom.req_total{code="500"}.per_s': 5, 'prom.in_flight': 3 }, 'http')];
    const charts = chartsFor(samples);
    expect(charts.map((c) => c.name)).toEqual(['telemetry-prometheus-rates', 'telemetry-prometheus-values']);
    expect(charts[0].series.map((s) => s.label)).toEqual(['req_total /s', 'req_total{code="500"} /s']);
    expect(telemetryData(samples, charts[0])[1]).toEqual([null, 50]);
    expect(telemetryData(samples, charts[1])[1]).toEqual([2, 3]);
    const postgres = chartsFor([sample(0, { commits_per_s: 1, 'prom.pg_up': 1 }, 'postgres')]);
    expect(postgres.map((c) => c.name)).toEqual(['telemetry-pg-transactions', 'telemetry-prometheus-values']);
  });

  it('merges stored and pushed samples once each, in order', () => {
    const merged = mergeSamples([sample(0, {}), sample(1, {})], [sample(1, { a: 1 }), sample(2, {})]);
    expect(merged.map((s) => s.seq)).toEqual([0, 1, 2]);
    expect(merged[1].metrics).toEqual({ a: 1 });
  });
});
