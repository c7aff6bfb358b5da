import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { amountKey, type PlanForm } from '../api/plan-document';
import { StepsEditor, ThresholdsEditor } from './plan-list-editors';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/** The fields of an HTTP benchmark: request, load model, steps and thresholds. */
export function HttpScenarioFields({ form, errors, onChange }: { form: PlanForm; errors: FieldErrors; onChange: (change: Partial<PlanForm>) => void }) {
  const key = amountKey(form.model);
  return (
    <>
      <div className="grid grid-cols-[8rem_1fr] gap-3">
        <Field label="Method" errors={messagesFor(errors, 'workload.method')}>
          {(p) => (
            <select {...p} className={inputClasses} value={form.method} onChange={(e) => onChange({ method: e.target.value })}>
              {[...new Set([...METHODS, form.method])].map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          )}
        </Field>
        <Field label="Path" errors={messagesFor(errors, 'workload.path')}>
          {(p) => <input {...p} className={`${inputClasses} font-mono`} value={form.path} onChange={(e) => onChange({ path: e.target.value })} placeholder="/hello" />}
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Load model</legend>
        <div className="flex gap-4 text-sm">
          {(['closed', 'open'] as const).map((model) => (
            <label key={model} className="flex items-center gap-2">
              <input type="radio" name="model" value={model} checked={form.model === model} onChange={() => onChange({ model })} />
              {model === 'closed' ? 'Closed (fixed users)' : 'Open (arrival rate)'}
            </label>
          ))}
        </div>
        <FieldMessages messages={messagesFor(errors, 'load.model')} />
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {form.steps.length === 0 && (
          <Field label={form.model === 'open' ? 'Rate (req/s)' : 'Users'} errors={messagesFor(errors, `load.${key}`)}>
            {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={form.amount} onChange={(e) => onChange({ amount: e.target.value })} />}
          </Field>
        )}
        <Field label="Warm-up" errors={messagesFor(errors, 'load.warmup')} hint="e.g. 2s">
          {(p) => <input {...p} className={inputClasses} value={form.warmup} onChange={(e) => onChange({ warmup: e.target.value })} />}
        </Field>
        <Field label="Duration" errors={messagesFor(errors, 'load.duration')} hint="e.g. 30s, 5m">
          {(p) => <input {...p} className={inputClasses} value={form.duration} onChange={(e) => onChange({ duration: e.target.value })} />}
        </Field>
      </div>
      <StepsEditor model={form.model} steps={form.steps} errors={errors} onChange={(steps) => onChange({ steps })} />
    </>
  );
}

/** Paths the HTTP fields show next to themselves. */
export function httpFieldPaths(form: PlanForm): string[] {
  const key = amountKey(form.model);
  return [
    'workload.method', 'workload.path', 'load.model', `load.${key}`, 'load.warmup', 'load.duration',
    'load.steps', ...form.steps.flatMap((_, i) => [`load.steps[${i}]`, `load.steps[${i}].${key}`, `load.steps[${i}].duration`]),
  ];
}

export { ThresholdsEditor };
