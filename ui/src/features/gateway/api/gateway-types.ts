/** One stage's (or timer's) latency summary in ms, as the gateway's execution stats give it. */
export type StageSummary = { count: number; mean_ms: number; p50_ms: number; p90_ms: number; p95_ms: number; p99_ms: number; max_ms: number };

/** The six stages, in pipeline order (their keys in the execution stats). */
export const STAGES = ['validation', 'cache', 'rate_limit', 'provider_selection', 'streaming', 'cleanup'] as const;
export type StageKey = (typeof STAGES)[number];

export const STAGE_LABELS: Record<StageKey, string> = {
  validation: 'Validation',
  cache: 'Cache',
  rate_limit: 'Rate limit',
  provider_selection: 'Provider selection',
  streaming: 'Streaming',
  cleanup: 'Cleanup',
};

export type ProviderState = { type: string; circuit: 'closed' | 'open' | 'half_open' | string; attempts?: number; failures?: number; served?: number };

/** GET /admin/execution-stats of the gateway (the parts the dashboard shows). */
export type GatewayStats = {
  uptime_seconds?: number;
  stages: Partial<Record<StageKey, StageSummary>>;
  recent?: { window_seconds: number; stages: Partial<Record<StageKey, StageSummary>> };
  requests?: { received: number; completed: number; failed: number; client_disconnected?: number };
  cache?: { hit_ratio: number; l1_hits?: number; l2_hits?: number; misses?: number };
  rate_limited?: number;
  failovers?: number;
  active_streams?: number;
  queue?: { waits: number; timeouts: number; full: number; waiting?: number };
  providers?: Record<string, ProviderState>;
};

/** GET /health of the gateway. */
export type GatewayHealth = {
  status: string;
  instance_id?: string;
  redis?: { configured: boolean; reachable: boolean; cache?: string; rate_limits?: string; queue?: string };
  providers?: Record<string, ProviderState>;
  active_streams?: number;
};

export type ConnectionState = 'connected' | 'disconnected' | 'checking';

/** What the server pushes each second for a watched gateway. */
export type GatewayStatus = {
  target_id: number;
  status: ConnectionState;
  health: GatewayHealth | null;
  stats: GatewayStats | null;
  error: string | null;
};

/** The gateway's runtime configuration (GET/PUT through the server). */
export type GatewayConfig = {
  use_fake_llm: boolean;
  enable_caching: boolean;
  cache_ttl_seconds: number;
  cache_max_entries: number;
  cache_replay: 'at_once' | 'as_cached' | string;
  queue_type: 'memory' | 'redis' | string;
  queue_size: number;
  queue_timeout_ms: number;
  max_concurrent_connections: number;
  heartbeat_interval_ms: number;
  rate_limit: { requests_per_minute: number; tokens_per_minute: number };
  provider_order: string[];
};

/** A PUT changes only the fields it names. */
export type GatewayConfigChange = Partial<Omit<GatewayConfig, 'rate_limit'>> & { rate_limit?: Partial<GatewayConfig['rate_limit']> };

/** The gateway message of the live feed; anything else is not one. */
export function parseGatewayMessage(message: unknown, targetId: number): GatewayStatus | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as { type?: unknown; target_id?: unknown; gateway?: unknown };
  if (m.type !== 'gateway' || m.target_id !== targetId || !m.gateway || typeof m.gateway !== 'object') return null;
  return m.gateway as GatewayStatus;
}
