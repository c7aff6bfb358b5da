import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import type { FieldErrors } from '@/shared/api-client/problem-details';
import type { Scenario } from '@/shared/api-client/types';
import { useCurrentUser } from '@/shared/auth/current-user';

/** The load tester's inputs, as typed. */
export type LoadTestForm = { prompt: string; provider: string; model: string; concurrency: string; totalRequests: string; maxTokens: string };

export const DEFAULT_LOAD_TEST: LoadTestForm = {
  prompt: 'Write a short poem about performance testing.',
  provider: '',
  model: 'fake-1',
  concurrency: '5',
  totalRequests: '50',
  maxTokens: '64',
};

export const MAX_CONCURRENCY = 1000;

function whole(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * The plan of an ordinary Benchdeck run of the llm driver against the gateway's /api/v1/stream:
 * `concurrency` users share `total requests`. Written as JSON (which is YAML), so any prompt text is
 * quoted safely. Problems carry the form's own field names.
 */
export function loadTestPlan(form: LoadTestForm): { planYaml: string | null; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const users = whole(form.concurrency);
  const requests = whole(form.totalRequests);
  const maxTokens = whole(form.maxTokens);
  if (!form.prompt.trim()) problems.prompt = ['must not be empty'];
  if (form.prompt.length > 100_000) problems.prompt = ['must be at most 100,000 characters'];
  if (users === null || users < 1 || users > MAX_CONCURRENCY) problems.concurrency = [`must be a whole number from 1 to ${MAX_CONCURRENCY}`];
  if (requests === null || requests < 1) problems.totalRequests = ['must be a whole number ≥ 1'];
  else if (users !== null && requests < users) problems.totalRequests = ['must be at least the concurrency'];
  if (maxTokens === null || maxTokens < 1) problems.maxTokens = ['must be a whole number ≥ 1'];
  if (Object.keys(problems).length > 0) return { planYaml: null, problems };
  const workload: Record<string, unknown> = { driver: 'llm', api: 'gateway', prompt: form.prompt, max_tokens: maxTokens };
  if (form.model.trim()) workload.model = form.model.trim();
  if (form.provider.trim()) workload.gateway_provider = form.provider.trim();
  const plan = { workload, load: { model: 'closed', users, requests, warmup: '0s' }, timeout: '120s' };
  return { planYaml: JSON.stringify(plan, null, 2), problems };
}

/** Plan paths of the server's problems back to the form's fields. */
export const PLAN_PATH_FIELDS: Record<string, keyof LoadTestForm> = {
  'workload.prompt': 'prompt',
  'workload.model': 'model',
  'workload.gateway_provider': 'provider',
  'workload.max_tokens': 'maxTokens',
  'load.users': 'concurrency',
  'load.requests': 'totalRequests',
};

type RunSummary = { id: number };

export const loadTestScenarioName = (targetName: string) => `Load test: ${targetName}`;

/**
 * Writes the target's load-test scenario (one per gateway and person, made on first use, its plan replaced
 * each time) and starts a run of it: an ordinary run, with its own page, history and telemetry. Only a
 * scenario `mayEdit` allows is reused: an editor cannot change another's (the server answers 403).
 */
export async function startLoadTest(target: { id: number; name: string }, planYaml: string,
  mayEdit: (scenario: Scenario) => boolean): Promise<RunSummary> {
  const name = loadTestScenarioName(target.name);
  const input = { name, description: 'Made by the load tester of the gateway page.', target_id: target.id, plan_yaml: planYaml };
  const existing = (await apiRequest<Scenario[]>('/scenarios')).find((s) => s.name === name && s.target_id === target.id && mayEdit(s));
  const scenario = existing
    ? await apiRequest<Scenario>(`/scenarios/${existing.id}`, { method: 'PUT', body: input })
    : await apiRequest<Scenario>('/scenarios', { method: 'POST', body: input });
  return apiRequest<RunSummary>(`/scenarios/${scenario.id}/runs`, { method: 'POST' });
}

export function useStartLoadTest(target: { id: number; name: string } | undefined) {
  const { can } = useCurrentUser();
  return useMutation({
    mutationFn: (planYaml: string) => {
      if (!target) throw new Error('the target is not loaded yet');
      return startLoadTest(target, planYaml, (scenario) => can('edit', scenario));
    },
  });
}
