import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { StepResult } from '@/shared/api-client/types';

export type ShardStatus = 'assigned' | 'running' | 'finished' | 'failed' | 'lost';

/**
 * One agent's part of a run split over agents (GET /runs/{id}/shards, the server's ShardView). Written by
 * hand: the OpenAPI document gives that endpoint's body as a string. `shard_index` counts from 0; `ended_at`
 * is when it finished, failed or was counted lost; `overall` is its own result's overall figures, null until
 * it has ended with a result (a lost shard never has one).
 */
export type RunShard = {
  shard_index: number;
  shard_count: number;
  agent_id: number | null;
  agent_name: string;
  status: ShardStatus;
  clock_offset_ms: number | null;
  round_trip_ms: number | null;
  assigned_at: string | null;
  ended_at: string | null;
  failure: string | null;
  overall: StepResult | null;
};

/** While the breakdown can still change, it refreshes at the pace of the agents' own reports. */
export const SHARDS_REFRESH_MS = 2_000;

export function getRunShards(runId: number): Promise<RunShard[]> {
  return apiRequest<RunShard[]>(`/runs/${runId}/shards`);
}

export const runShardsQueryOptions = (runId: number) =>
  queryOptions({ queryKey: queryKeys.runShards(runId), queryFn: () => getRunShards(runId) });

/** A shard that has not ended yet: its figures are still to come. */
export const isShardUnderWay = (shard: RunShard) => shard.status === 'assigned' || shard.status === 'running';

/**
 * The run's shards; polled while the run is queued or running (its shards appear once agents are
 * assigned) and until every shard has ended (the run's status can turn a moment before the last shard's).
 */
export function useRunShards(runId: number, runActive: boolean) {
  return useQuery({
    ...runShardsQueryOptions(runId),
    refetchInterval: (query) => (runActive || query.state.data?.some(isShardUnderWay) ? SHARDS_REFRESH_MS : false),
  });
}

/** A shard's row of figures: a dash (null) for each figure until it has its result. */
export type ShardFigures = { requests: number | null; throughput: number | null; p50Ms: number | null; p99Ms: number | null; errorRate: number | null };

export function shardFigures(shard: RunShard): ShardFigures {
  const overall = shard.overall;
  const latency = overall?.latencies?.latency?.summary;
  return {
    requests: overall?.requests ?? null,
    throughput: overall?.throughput ?? null,
    p50Ms: latency?.p50 ?? null,
    p99Ms: latency?.p99 ?? null,
    errorRate: overall?.error_rate ?? null,
  };
}
