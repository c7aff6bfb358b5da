import type uPlot from 'uplot';
import type { Series } from '@/shared/charts/chart-data';
import { toPoint } from '@/shared/charts/chart-data';
import { STAGES, type GatewayStatus, type StageKey } from './gateway-types';

/** How many seconds of status the page keeps for its charts. */
export const HISTORY_SECONDS = 300;

/** The stage times over the seconds the page has watched: x in seconds since the first status. */
export type GatewayHistory = {
  startMs: number | null;
  x: number[];
  p50: Record<StageKey, Series>;
  p99: Record<StageKey, Series>;
  activeStreams: Series;
};

function perStage(): Record<StageKey, Series> {
  return Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as Record<StageKey, Series>;
}

export function emptyHistory(): GatewayHistory {
  return { startMs: null, x: [], p50: perStage(), p99: perStage(), activeStreams: [] };
}

const keep = <T,>(list: T[], value: T) => [...list, value].slice(-HISTORY_SECONDS);

/**
 * Adds one pushed status. The stage figures are the gateway's recent window (its last seconds), so the
 * lines move with the load instead of flattening into the totals since it started. A disconnected
 * status adds gaps.
 */
export function appendStatus(history: GatewayHistory, status: GatewayStatus, nowMs: number): GatewayHistory {
  if (status.status === 'checking') return history;
  const startMs = history.startMs ?? nowMs;
  const stages = status.stats?.recent?.stages ?? status.stats?.stages ?? {};
  const p50 = perStage();
  const p99 = perStage();
  for (const stage of STAGES) {
    const summary = stages[stage];
    const counted = summary && summary.count > 0;
    p50[stage] = keep(history.p50[stage], counted ? toPoint(summary.p50_ms) : null);
    p99[stage] = keep(history.p99[stage], counted ? toPoint(summary.p99_ms) : null);
  }
  return {
    startMs,
    x: keep(history.x, Math.round((nowMs - startMs) / 100) / 10),
    p50,
    p99,
    activeStreams: keep(history.activeStreams, toPoint(status.stats?.active_streams ?? status.health?.active_streams)),
  };
}

/** One stage's p50 and p99 as uPlot data. */
export function stageData(history: GatewayHistory, stage: StageKey): uPlot.AlignedData {
  return [history.x, history.p50[stage], history.p99[stage]];
}
