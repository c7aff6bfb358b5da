import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isModelApi, LLM_APIS, LLM_PROVIDERS } from './llm-apis';

// The engine's plan schema is the definition; these lists must say the same.
const schemaPath = resolve(process.cwd(), '../engine/src/main/resources/dev/benchdeck/engine/plan/benchdeck-plan.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

describe('LLM API names', () => {
  it('are the plan schema\u2019s workload.api and target.provider values', () => {
    expect([...LLM_APIS].sort()).toEqual([...schema.$defs.llmWorkload.properties.api.enum].sort());
    expect([...LLM_PROVIDERS].sort()).toEqual([...schema.$defs.llmTarget.properties.provider.enum].sort());
  });

  it('know which APIs take a model and a prompt', () => {
    expect(isModelApi('')).toBe(true);
    expect(isModelApi('anthropic')).toBe(true);
    expect(isModelApi('sse')).toBe(false);
    expect(isModelApi('automation-async')).toBe(false);
    expect(isModelApi('made-up')).toBe(false);
  });
});
