import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan-document';
import { applyLlmForm, DEFAULT_AUTOMATION_PLAN_YAML, DEFAULT_LLM_PLAN_YAML, isLlmPlan, llmFormFromPlan, validateLlmForm } from './llm-plan-document';

const form = llmFormFromPlan(parsePlan(DEFAULT_LLM_PLAN_YAML));

describe('the LLM scenario form', () => {
  it('reads the default plan as a sweep of users with synthetic prompts and SLOs', () => {
    expect(form).toEqual({
      api: 'openai-chat', model: '', promptMode: 'words', prompt: '', promptWords: '100', promptSpread: '20', maxTokens: '128',
      loadMode: 'users', levels: '1, 5, 10', duration: '10s', warmup: '2s', sloTtft: '500ms', sloTpot: '50ms', sloE2e: '',
    });
    expect(validateLlmForm(form)).toEqual({});
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

  it('drops model and prompt fields for automation and SSE APIs', () => {
    const doc = applyLlmForm(parsePlan(DEFAULT_LLM_PLAN_YAML), { ...form, api: 'automation-async' });
    expect(doc.workload).toEqual({ driver: 'llm', api: 'automation-async', slo: { ttft: '500ms', tpot: '50ms' } });
    const automation = llmFormFromPlan(parsePlan(DEFAULT_AUTOMATION_PLAN_YAML));
    expect(validateLlmForm(automation)).toEqual({});
    expect(applyLlmForm(parsePlan(DEFAULT_AUTOMATION_PLAN_YAML), automation).workload).toEqual({ driver: 'llm' });
  });

  it('puts its problems next to the fields, at the plan paths', () => {
    expect(validateLlmForm({ ...form, levels: '' })).toEqual({ 'load.steps': ['give at least one user count'] });
    expect(validateLlmForm({ ...form, levels: '1, 2.5' })['load.steps']).toHaveLength(1);
    expect(validateLlmForm({ ...form, loadMode: 'rates', levels: '0.5, 2' })).toEqual({});
    expect(validateLlmForm({ ...form, loadMode: 'rates', levels: '0' })['load.steps']).toHaveLength(1);
    expect(Object.keys(validateLlmForm({
      ...form, duration: 'soon', warmup: 'x', maxTokens: '0', promptWords: '10', promptSpread: '10', sloTtft: 'fast',
    })).sort()).toEqual(['load.duration', 'load.warmup', 'workload.max_tokens', 'workload.prompt_words.spread', 'workload.slo.ttft']);
    expect(validateLlmForm({ ...form, promptWords: '' })).toEqual({ 'workload.prompt_words.mean': ['must be a whole number of words ≥ 1'] });
    expect(validateLlmForm({ ...form, api: 'sse', maxTokens: 'many' })).toEqual({});
  });
});
