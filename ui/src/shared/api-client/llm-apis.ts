// The LLM and automation API names of plans (workload.api, see the plan schema) and of targets, in one place.

/** APIs whose request body Benchdeck builds from model, prompt and max tokens (gateway: Benchdeck's streaming gateway). */
export const MODEL_APIS = ['openai-chat', 'openai-completions', 'anthropic', 'gateway'] as const;
/** Automation services: wait for the answer, poll a run id, or follow progress events. */
export const AUTOMATION_APIS = ['automation-sync', 'automation-async', 'automation-sse'] as const;
/** Every `workload.api` an llm plan accepts: the model APIs, a generic server-sent-events stream, the automation styles. */
export const LLM_APIS = [...MODEL_APIS, 'sse', ...AUTOMATION_APIS] as const;

export type LlmApi = (typeof LLM_APIS)[number];

/** How an llm target sends its key and which API its scenarios use by default. */
export const LLM_PROVIDERS = ['openai-compatible', 'openai', 'anthropic', 'mock', 'custom'] as const;

/** True for the model APIs, and for none given (the provider's default is one). */
export function isModelApi(api: string): boolean {
  return api === '' || (MODEL_APIS as readonly string[]).includes(api);
}
