import { describe, expect, it } from 'vitest';
import { llmFieldsOf } from './llm-target';
import { targetDraftProblems } from './target-problems';

const draft = { kind: 'http' as const, name: 'api', url: 'http://127.0.0.1:8080', llm: llmFieldsOf() };

describe('target problems the browser can see', () => {
  it('has none for a named http target with an http URL', () => {
    expect(targetDraftProblems(draft)).toEqual({});
    expect(targetDraftProblems({ ...draft, url: 'HTTPS://example.test/base' })).toEqual({});
  });

  it('words a blank name or URL and a URL of another scheme as the server does', () => {
    expect(targetDraftProblems({ ...draft, name: ' ', url: '' })).toEqual({ name: ['must not be blank'], url: ['must not be blank'] });
    expect(targetDraftProblems({ ...draft, url: 'ftp://a' })).toEqual({ url: ['must be an http:// or https:// URL'] });
    expect(targetDraftProblems({ ...draft, url: '127.0.0.1:8080' })).toEqual({ url: ['must be an http:// or https:// URL'] });
  });

  it('asks no URL of a postgres target, whose connection is in its options', () => {
    expect(targetDraftProblems({ ...draft, kind: 'postgres', url: '' })).toEqual({});
  });

  it('checks an automation\u2019s id and inputs', () => {
    const problems = targetDraftProblems({ ...draft, kind: 'automation', llm: { ...llmFieldsOf(), automationId: '', inputs: '[1]' } });
    expect(problems).toEqual({ 'options.automation_id': ['must not be blank'], 'options.inputs': ['must be a JSON object'] });
  });
});
