import type { FieldErrors } from '@/shared/api-client/problem-details';
import { asRecord, setOrDelete, text } from './plan-document';
import { parseDurationSeconds } from './db-plan-document';

/**
 * The LLM scenario form: the fields people think in (API, model, prompt or synthetic words, max
 * tokens, a sweep of user counts or request rates, duration, warm-up, SLOs) over an `llm` plan. Like
 * the other forms it only touches the keys it knows, so the rest of the YAML survives.
 */
export const LLM_APIS = ['openai-chat', 'openai-completions', 'anthropic', 'sse', 'automation-sync', 'automation-async', 'automation-sse'] as const;

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
  sloTtft: string;
  sloTpot: string;
  sloE2e: string;
};

type PlanDocument = Record<string, unknown>;

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

/** True for the LLM APIs, whose body is built from model, prompt and max tokens. */
export function isModelApi(api: string): boolean {
  return api === '' || api === 'openai-chat' || api === 'openai-completions' || api === 'anthropic';
}

export function isLlmPlan(doc: PlanDocument): boolean {
  return asRecord(doc.workload).driver === 'llm';
}

export function llmFormFromPlan(doc: PlanDocument): LlmPlanForm {
  const workload = asRecord(doc.workload);
  const load = asRecord(doc.load);
  const slo = asRecord(workload.slo);
  const words = asRecord(workload.prompt_words);
  const steps = Array.isArray(load.steps) ? load.steps.map(asRecord) : [];
  const rates = load.model === 'open';
  const key = rates ? 'rate' : 'users';
  const levels = steps.length ? steps.map((s) => text(s[key])) : load[key] !== undefined ? [text(load[key])] : [];
  return {
    api: text(workload.api),
    model: text(workload.model),
    promptMode: workload.prompt_words !== undefined ? 'words' : 'text',
    prompt: text(workload.prompt),
    promptWords: text(words.mean),
    promptSpread: text(words.spread),
    maxTokens: text(workload.max_tokens),
    loadMode: rates ? 'rates' : 'users',
    levels: levels.filter(Boolean).join(', '),
    duration: text(load.duration),
    warmup: text(load.warmup),
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

  const load: PlanDocument = { ...asRecord(doc.load) };
  const rates = form.loadMode === 'rates';
  load.model = rates ? 'open' : 'closed';
  if (rates && !load.arrival) load.arrival = 'poisson';
  if (!rates) delete load.arrival;
  delete load.rate;
  delete load.users;
  setOrDelete(load, 'duration', form.duration);
  setOrDelete(load, 'warmup', form.warmup);
  const oldSteps = Array.isArray(load.steps) ? load.steps.map(asRecord) : [];
  const levels = splitLevels(form.levels);
  if (levels.length) {
    load.steps = levels.map((level, i) => {
      const step: PlanDocument = { ...oldSteps[i] };
      delete step.rate;
      delete step.users;
      step[rates ? 'rate' : 'users'] = /^\d+(\.\d+)?$/.test(level) ? Number(level) : level;
      return step;
    });
  } else {
    delete load.steps;
  }
  return { ...doc, workload, load };
}

function splitLevels(levels: string): string[] {
  return levels.split(/[,;\s]+/).map((t) => t.trim()).filter(Boolean);
}

/** The form's own rules, shown next to the fields before the server is asked (plan paths, like the server's). */
export function validateLlmForm(form: LlmPlanForm): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const levels = splitLevels(form.levels);
  if (levels.length === 0) add('load.steps', form.loadMode === 'rates' ? 'give at least one request rate' : 'give at least one user count');
  else if (form.loadMode === 'users' && !levels.every((l) => /^\d+$/.test(l) && Number(l) >= 1)) add('load.steps', 'user counts must be whole numbers ≥ 1, separated by commas');
  else if (form.loadMode === 'rates' && !levels.every((l) => /^\d+(\.\d+)?$/.test(l) && Number(l) > 0)) add('load.steps', 'rates must be numbers > 0 (requests per second), separated by commas');
  const duration = parseDurationSeconds(form.duration);
  if (duration === null || duration <= 0) add('load.duration', 'must be a duration such as 10s or 1m');
  if (form.warmup.trim() && parseDurationSeconds(form.warmup) === null) add('load.warmup', 'must be a duration such as 2s');
  if (isModelApi(form.api)) {
    if (form.maxTokens.trim() && !(/^\d+$/.test(form.maxTokens.trim()) && Number(form.maxTokens) >= 1)) add('workload.max_tokens', 'must be a whole number ≥ 1');
    if (form.promptMode === 'words') {
      const mean = form.promptWords.trim();
      const spread = form.promptSpread.trim();
      if (!/^\d+$/.test(mean) || Number(mean) < 1) add('workload.prompt_words.mean', 'must be a whole number of words ≥ 1');
      else if (spread && (!/^\d+$/.test(spread) || Number(spread) >= Number(mean))) add('workload.prompt_words.spread', 'must be a whole number less than the mean');
    }
  }
  for (const [key, value] of [['ttft', form.sloTtft], ['tpot', form.sloTpot], ['e2e', form.sloE2e]] as const) {
    if (value.trim() && parseDurationSeconds(value) === null) add(`workload.slo.${key}`, 'must be a duration such as 500ms');
  }
  return errors;
}

/** Paths these fields show next to themselves. */
export const LLM_FIELD_PATHS = [
  'workload.api', 'workload.model', 'workload.prompt', 'workload.prompt_words', 'workload.prompt_words.mean', 'workload.prompt_words.spread',
  'workload.max_tokens', 'workload.slo', 'workload.slo.ttft', 'workload.slo.tpot', 'workload.slo.e2e', 'load.steps', 'load.duration', 'load.warmup', 'load.model',
];

