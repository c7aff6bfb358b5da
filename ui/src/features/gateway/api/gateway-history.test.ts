import { describe, expect, it } from 'vitest';
import { countPoints } from '@/shared/charts/chart-data';
import { appendStatus, emptyHistory, HISTORY_SECONDS, stageData } from './gateway-history';
import type { GatewayStatus, StageSummary } from './gateway-types';

const summary = (p50: number, p99: number, count = 10): StageSummary => ({ count, mean_ms: p50, p50_ms: p50, p90_ms: p99, p95_ms: p99, p99_ms: p99, max_ms: p99 });

export function connectedStatus(streamingP50: number, streamingP99: number): GatewayStatus {
  return {
    target_id: 7,
    status: 'connected',
    error: null,
    health: { status: 'ok', providers: { fake: { type: 'fake', circuit: 'closed' } }, active_streams: 2 },
    stats: {
      stages: { streaming: summary(900, 1500, 40), validation: summary(0.05, 0.2, 40) },
      recent: { window_seconds: 10, stages: { streaming: summary(streamingP50, streamingP99), validation: summary(0.04, 0.1) } },
      cache: { hit_ratio: 0.25 },
      rate_limited: 3,
      failovers: 1,
      active_streams: 2,
      requests: { received: 40, completed: 38, failed: 2 },
      providers: { fake: { type: 'fake', circuit: 'closed', attempts: 40, failures: 2, served: 38 } },
    },
  };
}

describe('gateway history', () => {
  it('charts the recent window of each stage on seconds since the first status', () => {
    let history = appendStatus(emptyHistory(), connectedStatus(100, 200), 10_000);
    history = appendStatus(history, connectedStatus(110, 250), 11_000);
    expect(history.x).toEqual([0, 1]);
    expect(history.p50.streaming).toEqual([100, 110]);
    expect(history.p99.streaming).toEqual([200, 250]);
    // a stage that saw no request has gaps, not zeros
    expect(history.p99.cache).toEqual([null, null]);
    expect(countPoints(stageData(history, 'streaming'))).toBe(4);
  });

  it('adds gaps while the gateway is disconnected and ignores checking', () => {
    let history = appendStatus(emptyHistory(), connectedStatus(100, 200), 0);
    history = appendStatus(history, { target_id: 7, status: 'checking', health: null, stats: null, error: null }, 500);
    history = appendStatus(history, { target_id: 7, status: 'disconnected', health: null, stats: null, error: 'gone' }, 1_000);
    expect(history.x).toEqual([0, 1]);
    expect(history.p99.streaming).toEqual([200, null]);
  });

  it('keeps the last five minutes', () => {
    let history = emptyHistory();
    for (let i = 0; i < HISTORY_SECONDS + 5; i++) history = appendStatus(history, connectedStatus(i, i), i * 1000);
    expect(history.x).toHaveLength(HISTORY_SECONDS);
    expect(history.x[0]).toBe(5);
  });
});
