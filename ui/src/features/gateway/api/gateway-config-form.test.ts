import { describe, expect, it } from 'vitest';
import { configChange, formFromConfig } from './gateway-config-form';
import type { GatewayConfig } from './gateway-types';

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

describe('gateway config form', () => {
  it('sends only what changed, nested where the config nests', () => {
    const form = { ...formFromConfig(storedConfig), enable_caching: 'false', 'rate_limit.tokens_per_minute': '5000', provider_order: 'fake, openai' };
    const { change, problems } = configChange(form, storedConfig);
    expect(problems).toEqual({});
    expect(change).toEqual({ enable_caching: false, rate_limit: { tokens_per_minute: 5000 }, provider_order: ['fake', 'openai'] });
  });

  it('leaves an unchanged form without a change', () => {
    expect(configChange(formFromConfig(storedConfig), storedConfig).change).toEqual({});
  });

  it('puts a number that is no number next to its field and leaves ranges to the gateway', () => {
    const form = { ...formFromConfig(storedConfig), queue_size: 'lots', max_concurrent_connections: '-1' };
    const { change, problems } = configChange(form, storedConfig);
    expect(problems).toEqual({ queue_size: ['must be a whole number'] });
    expect(change).toEqual({ max_concurrent_connections: -1 });
  });
});
