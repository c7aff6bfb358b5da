import type { GatewayConfig, GatewayStatus, StageSummary } from './gateway-types';

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

export const storedConfig: GatewayConfig = {
  use_fake_llm: true,
  enable_caching: true,
  cache_ttl_seconds: 300,
  cache_max_entries: 10000,
  cache_replay: 'at_once',
  queue_type: 'memory',
  queue_size: 1000,
  queue_timeout_ms: 5000,
  max_concurrent_connections: 10000,
  heartbeat_interval_ms: 15000,
  rate_limit: { requests_per_minute: 0, tokens_per_minute: 0 },
  provider_order: ['fake'],
};
