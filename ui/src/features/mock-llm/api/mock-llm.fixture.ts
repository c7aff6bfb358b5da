import type { MockLlmConfig } from './mock-llm';

/** The mock's defaults (MockLlmConfig.defaults()), for tests. */
export const defaults: MockLlmConfig = {
  ttft_ms: 200, ttft_spread_ms: 50, itl_ms: 20, itl_spread_ms: 5, output_tokens: 60, output_tokens_spread: 30, tokens_per_chunk: 1,
  heartbeat_ms: 0, stall_ms: 2000, retry_after_seconds: 1,
  faults: { rate_limit: 0, server_error: 0, error_event: 0, drop: 0, stall: 0 },
  automation_run_ms: 1250, automation_run_spread_ms: 750, automation_steps: 5, automation_failure_share: 0,
};
