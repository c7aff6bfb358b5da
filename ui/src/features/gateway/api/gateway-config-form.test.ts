import { describe, expect, it } from 'vitest';
import { configChange, formFromConfig } from './gateway-config-form';
import { storedConfig } from './gateway.fixture';

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
