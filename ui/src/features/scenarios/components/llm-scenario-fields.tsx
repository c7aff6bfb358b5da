import { isModelApi, LLM_APIS } from '@/shared/api-client/llm-apis';
import { Field, inputClasses } from '@/shared/components/field';
import { describeStep, problemsOf, type FieldClaim, type PlacedProblems } from '@/shared/forms/field-problems';
import type { LlmPlanForm } from '../api/llm-plan-document';

/**
 * Where the LLM fields show the server's problems; the model and prompt fields only while they are
 * shown (an automation or SSE api has none), so a problem there is listed with the others instead.
 */
export function llmFieldClaims(form: LlmPlanForm, automation: boolean): FieldClaim[] {
  const promptFields = isModelApi(form.api) && !automation;
  return [
    { field: 'workload.api', paths: ['workload.api'] },
    ...(promptFields
      ? [
          { field: 'workload.model', paths: ['workload.model'] },
          ...(form.promptMode === 'words'
            ? [
                { field: 'workload.prompt_words.spread', paths: ['workload.prompt_words.spread'] },
                { field: 'workload.prompt_words.mean', paths: ['workload.prompt_words'], nested: true },
              ]
            : [{ field: 'workload.prompt', paths: ['workload.prompt', 'workload.prompts_file'] }]),
          { field: 'workload.max_tokens', paths: ['workload.max_tokens'] },
        ]
      : []),
    { field: 'load.model', paths: ['load.model', 'load.arrival'] },
    { field: 'load.steps', paths: ['load.steps', 'load.steps[*]', 'load.steps[*].users', 'load.steps[*].rate', 'load.users', 'load.rate'], describe: describeStep },
    { field: 'load.duration', paths: ['load.duration', 'load.steps[*].duration'] },
    { field: 'load.warmup', paths: ['load.warmup', 'load.steps[*].warmup'] },
    { field: 'load.requests', paths: ['load.requests', 'load.steps[*].requests'] },
    { field: 'workload.slo.ttft', paths: ['workload.slo.ttft'] },
    { field: 'workload.slo.tpot', paths: ['workload.slo.tpot'] },
    { field: 'workload.slo.e2e', paths: ['workload.slo.e2e'] },
    { field: 'workload.slo', paths: ['workload.slo'], nested: true },
  ];
}

type Props = {
  form: LlmPlanForm;
  problems: PlacedProblems;
  /** Automation targets fill in api, path and inputs themselves. */
  automation: boolean;
  onChange: (change: Partial<LlmPlanForm>) => void;
};

/** An LLM or automation benchmark: what to ask, how hard (a sweep of users or rates) and the SLOs goodput counts against. */
export function LlmScenarioFields({ form, problems, automation, onChange }: Props) {
  const input = (label: string, key: keyof LlmPlanForm, field: string, extra: { hint?: string; placeholder?: string } = {}) => (
    <Field label={label} errors={problemsOf(problems, field)} hint={extra.hint}>
      {(p) => <input {...p} className={inputClasses} value={String(form[key])} placeholder={extra.placeholder} onChange={(e) => onChange({ [key]: e.target.value })} />}
    </Field>
  );
  const modelApi = isModelApi(form.api);
  return (
    <div className="space-y-4" data-testid="llm-scenario-fields">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="API" errors={problemsOf(problems, 'workload.api')} hint={automation ? 'Blank: the automation target’s style' : undefined}>
          {(p) => (
            <select {...p} className={inputClasses} value={form.api} onChange={(e) => onChange({ api: e.target.value })}>
              <option value="">{automation ? 'the target’s' : 'provider default'}</option>
              {LLM_APIS.map((api) => <option key={api} value={api}>{api}</option>)}
            </select>
          )}
        </Field>
        {modelApi && !automation && input('Model', 'model', 'workload.model', { hint: 'Blank: the target’s default model', placeholder: 'gpt-4o-mini' })}
      </div>
      {modelApi && !automation && (
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">Prompt</legend>
          <div className="mb-3 flex gap-4 text-sm">
            {(['words', 'text'] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2">
                <input type="radio" name="prompt-mode" checked={form.promptMode === mode} onChange={() => onChange({ promptMode: mode })} />
                {mode === 'words' ? 'Synthetic words' : 'Fixed text or template'}
              </label>
            ))}
          </div>
          {form.promptMode === 'words' ? (
            <div className="grid grid-cols-2 gap-3">
              {input('Words (mean)', 'promptWords', 'workload.prompt_words.mean', { placeholder: '100' })}
              {input('± spread', 'promptSpread', 'workload.prompt_words.spread', { placeholder: '20' })}
            </div>
          ) : (
            <Field label="Prompt text" errors={problemsOf(problems, 'workload.prompt')} hint="${seq}, ${user}, ${uuid} and ${random_int(a,b)} are filled in per request.">
              {(p) => <textarea {...p} rows={3} className={inputClasses} value={form.prompt} onChange={(e) => onChange({ prompt: e.target.value })} />}
            </Field>
          )}
          <div className="mt-3 grid grid-cols-2 gap-3">{input('Max output tokens', 'maxTokens', 'workload.max_tokens', { placeholder: '128' })}</div>
        </fieldset>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Load" errors={problemsOf(problems, 'load.model')}>
          {(p) => (
            <select {...p} className={inputClasses} value={form.loadMode} onChange={(e) => onChange({ loadMode: e.target.value as LlmPlanForm['loadMode'] })}>
              <option value="users">Concurrent users</option>
              <option value="rates">Request rates (Poisson)</option>
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field label={form.loadMode === 'rates' ? 'Rates (req/s)' : 'User counts'} errors={problemsOf(problems, 'load.steps')} hint="One step per value, e.g. 1, 5, 10">
            {(p) => <input {...p} className={inputClasses} value={form.levels} placeholder="1, 5, 10" onChange={(e) => onChange({ levels: e.target.value })} />}
          </Field>
        </div>
        {input('Duration per step', 'duration', 'load.duration', { placeholder: '10s' })}
        {input('Warm-up per step', 'warmup', 'load.warmup', { placeholder: '2s' })}
        {input('Total requests per step', 'requests', 'load.requests', { placeholder: '500', hint: 'A step ends after this many requests, or at its duration if that comes first. Blank: duration only.' })}
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">SLOs (goodput counts requests that meet all)</legend>
        <div className="grid grid-cols-3 gap-3">
          {input('TTFT', 'sloTtft', 'workload.slo.ttft', { placeholder: '500ms' })}
          {input('TPOT', 'sloTpot', 'workload.slo.tpot', { placeholder: '50ms' })}
          {input('E2E', 'sloE2e', 'workload.slo.e2e', { placeholder: '10s' })}
        </div>
      </fieldset>
    </div>
  );
}
