import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';

/** The built-in mock LLM's behaviour (GET/PUT /mock-llm/config): means with uniform ± spreads, fault shares 0–1. */
export type MockLlmConfig = {
  ttft_ms: number;
  ttft_spread_ms: number;
  itl_ms: number;
  itl_spread_ms: number;
  output_tokens: number;
  output_tokens_spread: number;
  tokens_per_chunk: number;
  heartbeat_ms: number;
  stall_ms: number;
  retry_after_seconds: number;
  faults: { rate_limit: number; server_error: number; error_event: number; drop: number; stall: number };
  automation_run_ms: number;
  automation_run_spread_ms: number;
  automation_steps: number;
  automation_failure_share: number;
};

/** A PUT changes only the fields it names. */
export type MockLlmConfigChange = Partial<Omit<MockLlmConfig, 'faults'>> & { faults?: Partial<MockLlmConfig['faults']> };

/** What the mock has answered since it started; `outcomes` counts requests by how they ended. */
export type MockLlmStats = {
  active_streams: number;
  peak_active_streams: number;
  total_requests: number;
  outcomes: Record<string, number>;
};

export const STATS_POLL_MS = 2_000;

const keys = {
  config: ['mock-llm', 'config'] as const,
  stats: ['mock-llm', 'stats'] as const,
};

export function getMockLlmConfig(): Promise<MockLlmConfig> {
  return apiRequest<MockLlmConfig>('/mock-llm/config');
}

export function putMockLlmConfig(change: MockLlmConfigChange): Promise<MockLlmConfig> {
  return apiRequest<MockLlmConfig>('/mock-llm/config', { method: 'PUT', body: change });
}

export function getMockLlmStats(): Promise<MockLlmStats> {
  return apiRequest<MockLlmStats>('/mock-llm/stats');
}

// A 404 means the mock is off (`benchdeck.mock-llm.port=-1`): no point asking again.
export const mockLlmConfigQueryOptions = queryOptions({ queryKey: keys.config, queryFn: getMockLlmConfig, retry: false });

export function useMockLlmConfig() {
  return useQuery(mockLlmConfigQueryOptions);
}

export function useMockLlmStats(enabled: boolean) {
  return useQuery({ queryKey: keys.stats, queryFn: getMockLlmStats, enabled, refetchInterval: STATS_POLL_MS, retry: false });
}

/** Saves a change; the stored config the mock answers with becomes the cached one. */
export function useSaveMockLlmConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putMockLlmConfig,
    onSuccess: (stored) => queryClient.setQueryData(keys.config, stored),
  });
}
