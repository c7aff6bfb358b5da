import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_LOAD_TEST, loadTestPlan } from './load-test';

describe('load test plan', () => {
  it('is an llm run against the gateway with the concurrency sharing the total requests', () => {
    const { planYaml, problems } = loadTestPlan({ ...DEFAULT_LOAD_TEST, prompt: 'say "hi": now', provider: 'fake', concurrency: '4', totalRequests: '40' });
    expect(problems).toEqual({});
    expect(parse(planYaml!)).toEqual({
      workload: { driver: 'llm', api: 'gateway', prompt: 'say "hi": now', max_tokens: 64, model: 'fake-1', gateway_provider: 'fake' },
      load: { model: 'closed', users: 4, requests: 40, warmup: '0s' },
      timeout: '120s',
    });
  });

  it('leaves the provider and model to the gateway when blank', () => {
    const workload = parse(loadTestPlan({ ...DEFAULT_LOAD_TEST, model: ' ' }).planYaml!).workload;
    expect(workload).not.toHaveProperty('model');
    expect(workload).not.toHaveProperty('gateway_provider');
  });

  it('names each bad field', () => {
    const { planYaml, problems } = loadTestPlan({ ...DEFAULT_LOAD_TEST, prompt: ' ', concurrency: '0', totalRequests: 'x', maxTokens: '-1' });
    expect(planYaml).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['concurrency', 'maxTokens', 'prompt', 'totalRequests']);
    expect(loadTestPlan({ ...DEFAULT_LOAD_TEST, concurrency: '10', totalRequests: '5' }).problems.totalRequests).toEqual(['must be at least the concurrency']);
  });
});
