import { describe, expect, it } from 'vitest';
import { applyLlmForm, DEFAULT_AUTOMATION_PLAN_YAML, DEFAULT_LLM_PLAN_YAML, isLlmPlan, llmFormFromPlan } from './llm-plan-document';
import { parsePlan } from './plan-yaml';

const form = llmFormFromPlan(parsePlan(DEFAULT_LLM_PLAN_YAML));

describe('the LLM scenario form', () => {
  it('reads the default plan as a sweep of users with synthetic prompts and SLOs', () => {
    expect(form).toEqual({
      api: 'openai-chat', model: '', promptMode: 'words', prompt: '', promptWords: '100', promptSpread: '20', maxTokens: '128',
      loadMode: 'users', levels: '1, 5, 10', duration: '10s', warmup: '2s', requests: '', sloTtft: '500ms', sloTpot: '50ms', sloE2e: '',
    });
    expect(isLlmPlan(parsePlan(DEFAULT_LLM_PLAN_YAML))).toBe(true);
  });

  it('writes rates as open-model steps and a fixed prompt, keeping keys it does not know', () => {
    const doc = applyLlmForm({ ...parsePlan(DEFAULT_LLM_PLAN_YAML), thresholds: ['ttft.p99 < 1s'] },
      { ...form, model: 'gpt-x', promptMode: 'text', prompt: 'hi ${user}', loadMode: 'rates', levels: '2, 4.5', sloE2e: '5s', sloTpot: '' });
    expect(doc.workload).toEqual({
      driver: 'llm', api: 'openai-chat', model: 'gpt-x', prompt: 'hi ${user}', max_tokens: 128, slo: { ttft: '500ms', e2e: '5s' },
    });
    expect(doc.load).toEqual({ model: 'open', arrival: 'poisson', warmup: '2s', duration: '10s', steps: [{ rate: 2 }, { rate: 4.5 }] });
    expect(doc.thresholds).toEqual(['ttft.p99 < 1s']);
    expect(llmFormFromPlan(doc)).toMatchObject({ loadMode: 'rates', levels: '2, 4.5', promptMode: 'text', prompt: 'hi ${user}' });
  });

  it('writes the total requests of each step as load.requests, and leaves it out when blank', () => {
    const doc = applyLlmForm(parsePlan(DEFAULT_LLM_PLAN_YAML), { ...form, requests: '200' });
    expect(doc.load).toMatchObject({ requests: 200, duration: '10s' });
    expect(llmFormFromPlan(doc).requests).toBe('200');
    expect(applyLlmForm(doc, { ...form, requests: ' ' }).load).not.toHaveProperty('requests');
    expect(applyLlmForm(doc, { ...form, requests: '0' }).load).toMatchObject({ requests: 0 });
  });

  it('drops model and prompt fields for automation and SSE APIs', () => {
    const doc = applyLlmForm(parsePlan(DEFAULT_LLM_PLAN_YAML), { ...form, api: 'automation-async' });
    expect(doc.workload).toEqual({ driver: 'llm', api: 'automation-async', slo: { ttft: '500ms', tpot: '50ms' } });
    const automation = llmFormFromPlan(parsePlan(DEFAULT_AUTOMATION_PLAN_YAML));
    expect(applyLlmForm(parsePlan(DEFAULT_AUTOMATION_PLAN_YAML), automation).workload).toEqual({ driver: 'llm' });
  });

  it('passes user counts it cannot read on as typed, for the server to name', () => {
    const doc = applyLlmForm(parsePlan(DEFAULT_LLM_PLAN_YAML), { ...form, levels: '0, two' });
    expect(doc.load).toMatchObject({ steps: [{ users: 0 }, { users: 'two' }] });
  });
});
