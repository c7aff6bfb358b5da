import { describe, expect, it } from 'vitest';
import type { Target } from '@/shared/api-client/types';
import { llmFieldsOf, llmInput, validateLlmFields } from './llm-target';

const automation = { ...llmFieldsOf(), automationId: 'web-agent', inputs: '{"url": "https://example.test"}' };

describe('llm and automation target fields', () => {
  it('sends an llm target as provider and model, and the key only when replacing secrets', () => {
    const fields = { ...llmFieldsOf(), provider: 'anthropic', model: ' claude-x ', apiKey: 'sk-1' };
    expect(llmInput('llm', fields, true)).toEqual({ options: { provider: 'anthropic', model: 'claude-x' }, credentials: { api_key: 'sk-1' } });
    expect(llmInput('llm', fields, false)).toEqual({ options: { provider: 'anthropic', model: 'claude-x' } });
    expect(llmInput('llm', { ...fields, apiKey: '' }, true).credentials).toEqual({});
  });

  it('sends an automation with its id, api, description and inputs as an object', () => {
    expect(llmInput('automation', { ...automation, description: ' agent ' }, false)).toEqual({
      options: { automation_id: 'web-agent', api: 'automation-sync', description: 'agent', inputs: { url: 'https://example.test' } },
    });
  });

  it('reports a missing or malformed automation id and inputs that are not a JSON object at the server paths', () => {
    expect(validateLlmFields('automation', automation)).toEqual({});
    expect(validateLlmFields('automation', { ...automation, automationId: ' ' })).toEqual({ 'options.automation_id': ['must not be blank'] });
    expect(validateLlmFields('automation', { ...automation, automationId: 'a/b' })['options.automation_id']).toHaveLength(1);
    expect(validateLlmFields('automation', { ...automation, inputs: '[1, 2]' })).toEqual({ 'options.inputs': ['must be a JSON object'] });
    expect(validateLlmFields('automation', { ...automation, inputs: '{url:' })).toEqual({ 'options.inputs': ['is not valid JSON'] });
    expect(validateLlmFields('llm', { ...automation, automationId: '' })).toEqual({});
  });

  it('reads a stored target without ever holding its key', () => {
    const target = { id: 1, name: 'm', kind: 'automation', url: 'http://x', has_credentials: true, created_at: '', updated_at: '', created_by: null,
      options: { automation_id: 'a', api: 'automation-sse', inputs: { q: 1 } } } as Target;
    expect(llmFieldsOf(target)).toMatchObject({ automationId: 'a', api: 'automation-sse', inputs: '{\n  "q": 1\n}', apiKey: '' });
  });
});
