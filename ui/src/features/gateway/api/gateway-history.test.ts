import { describe, expect, it } from 'vitest';
import { countPoints } from '@/shared/charts/chart-data';
import { appendStatus, emptyHistory, HISTORY_SECONDS, stageData } from './gateway-history';
import { connectedStatus } from './gateway.fixture';

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
