import { isModelApi } from '@/shared/api-client/llm-apis';
import { levelsText, readLoad, stepsFromLevels, writeLoad } from './load-steps';
import { asRecord, setOrDelete, text, type PlanDocument } from './plan-yaml';

/**
 * The LLM scenario form: the fields people think in (API, model, prompt or synthetic words, max
 * tokens, a sweep of user counts or request rates, duration, warm-up, total requests per step, SLOs)
 * over an `llm` plan. Like the other forms it only touches the keys it knows, so the rest of the YAML survives.
 */
export type LlmPlanForm = {
  api: string;
  /** Blank: the target's default model. */
  model: string;
  promptMode: 'text' | 'words';
  prompt: string;
  promptWords: string;
  promptSpread: string;
  maxTokens: string;
  loadMode: 'users' | 'rates';
  /** "1, 5, 10": one step per user count or per request rate (req/s). */
  levels: string;
  duration: string;
  warmup: string;
  /** Measured requests per step; blank: the duration alone ends a step. */
  requests: string;
  sloTtft: string;
  sloTpot: string;
  sloE2e: string;
};

export const DEFAULT_LLM_PLAN_YAML = `workload:
  driver: llm
  api: openai-chat
  prompt_words:
    mean: 100
    spread: 20
  max_tokens: 128
  slo:
    ttft: 500ms
    tpot: 50ms
load:
  model: closed
  warmup: 2s
  duration: 10s
  steps:
    - users: 1
    - users: 5
    - users: 10
timeout: 30s
`;

/** An automation target fills in api, path and inputs; the scenario says how hard to push. */
export const DEFAULT_AUTOMATION_PLAN_YAML = `workload:
  driver: llm
load:
  model: closed
  duration: 10s
  steps:
    - users: 1
    - users: 5
timeout: 60s
`;

export function isLlmPlan(doc: PlanDocument): boolean {
  return asRecord(doc.workload).driver === 'llm';
}

export function llmFormFromPlan(doc: PlanDocument): LlmPlanForm {
  const workload = asRecord(doc.workload);
  const slo = asRecord(workload.slo);
  const words = asRecord(workload.prompt_words);
  const load = readLoad(doc.load);
  return {
    api: text(workload.api),
    model: text(workload.model),
    promptMode: workload.prompt_words !== undefined ? 'words' : 'text',
    prompt: text(workload.prompt),
    promptWords: text(words.mean),
    promptSpread: text(words.spread),
    maxTokens: text(workload.max_tokens),
    loadMode: load.model === 'open' ? 'rates' : 'users',
    levels: levelsText(load),
    duration: load.duration,
    warmup: load.warmup,
    requests: load.requests,
    sloTtft: text(slo.ttft),
    sloTpot: text(slo.tpot),
    sloE2e: text(slo.e2e),
  };
}

export function applyLlmForm(doc: PlanDocument, form: LlmPlanForm): PlanDocument {
  const workload: PlanDocument = { ...asRecord(doc.workload), driver: 'llm' };
  setOrDelete(workload, 'api', form.api);
  if (isModelApi(form.api)) {
    setOrDelete(workload, 'model', form.model);
    if (form.promptMode === 'words') {
      delete workload.prompt;
      const words: PlanDocument = {};
      setOrDelete(words, 'mean', form.promptWords);
      setOrDelete(words, 'spread', form.promptSpread);
      workload.prompt_words = words;
    } else {
      delete workload.prompt_words;
      if (form.prompt.trim()) workload.prompt = form.prompt;
      else delete workload.prompt;
    }
    setOrDelete(workload, 'max_tokens', form.maxTokens);
  } else {
    for (const key of ['model', 'prompt', 'prompt_words', 'prompts_file', 'max_tokens']) delete workload[key];
  }
  const slo: PlanDocument = { ...asRecord(workload.slo) };
  setOrDelete(slo, 'ttft', form.sloTtft);
  setOrDelete(slo, 'tpot', form.sloTpot);
  setOrDelete(slo, 'e2e', form.sloE2e);
  if (Object.keys(slo).length) workload.slo = slo;
  else delete workload.slo;

  const rates = form.loadMode === 'rates';
  const load = writeLoad(doc.load, {
    ...readLoad(doc.load), model: rates ? 'open' : 'closed', amount: '', steps: stepsFromLevels(form.levels),
    duration: form.duration, warmup: form.warmup, requests: form.requests,
  });
  // LLM traffic arrives at random: rates are Poisson unless the YAML says otherwise.
  if (rates && !load.arrival) load.arrival = 'poisson';
  return { ...doc, workload, load };
}
