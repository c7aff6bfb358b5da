import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { problemsOf, type FieldClaim, type PlacedProblems } from '@/shared/forms/field-problems';
import type { HttpPlanForm } from '../api/http-plan-document';
import { newRequestRow } from '../api/journey-plan-document';
import { amountKey } from '../api/load-steps';
import { journeyClaims, JourneyEditor } from './journey-editor';
import { StepsEditor, stepsClaims } from './plan-list-editors';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/** Where the HTTP fields show the server's problems. */
export function httpFieldClaims(form: HttpPlanForm): FieldClaim[] {
  return [
    { field: 'workload.method', paths: ['workload.method'] },
    { field: 'workload.path', paths: ['workload.path'] },
    { field: 'load.model', paths: ['load.model'] },
    ...(form.steps.length === 0 ? [{ field: 'load.amount', paths: [`load.${amountKey(form.model)}`] }] : []),
    { field: 'load.warmup', paths: ['load.warmup'] },
    { field: 'load.duration', paths: ['load.duration'] },
    ...stepsClaims(form.model, form.steps),
    ...journeyClaims(form.journey),
  ];
}

/** Back from a journey to one request: the first request step's method and path. */
function singleRequest(form: HttpPlanForm): Partial<HttpPlanForm> {
  const first = form.journey?.find((r) => r.kind === 'request');
  return { journey: null, method: first?.method ?? form.method, path: first?.path ?? form.path };
}

/** The fields of an HTTP benchmark: one request or a journey, load model, steps. */
export function HttpScenarioFields({ form, problems, onChange }: { form: HttpPlanForm; problems: PlacedProblems; onChange: (change: Partial<HttpPlanForm>) => void }) {
  return (
    <>
      {form.journey !== null ? (
        <JourneyEditor rows={form.journey} problems={problems} onChange={(journey) => onChange(journey ? { journey } : singleRequest(form))} />
      ) : (
        <>
          <div className="grid grid-cols-[8rem_1fr] gap-3">
            <Field label="Method" errors={problemsOf(problems, 'workload.method')}>
              {(p) => (
                <select {...p} className={inputClasses} value={form.method} onChange={(e) => onChange({ method: e.target.value })}>
                  {[...new Set([...METHODS, form.method])].map((m) => <option key={m} value={m}>{m}</option>)}
                </select>
              )}
            </Field>
            <Field label="Path" errors={problemsOf(problems, 'workload.path')}>
              {(p) => <input {...p} className={`${inputClasses} font-mono`} value={form.path} onChange={(e) => onChange({ path: e.target.value })} placeholder="/hello" />}
            </Field>
          </div>
          <Button variant="secondary" onClick={() => onChange({ journey: [newRequestRow(0, form.method, form.path || '/')] })}>
            Make it a journey (several steps)
          </Button>
        </>
      )}
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
        <FieldMessages messages={problemsOf(problems, 'load.model')} />
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {form.steps.length === 0 && (
          <Field label={form.model === 'open' ? 'Rate (req/s)' : 'Users'} errors={problemsOf(problems, 'load.amount')}>
            {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={form.amount} onChange={(e) => onChange({ amount: e.target.value })} />}
          </Field>
        )}
        <Field label="Warm-up" errors={problemsOf(problems, 'load.warmup')} hint="e.g. 2s">
          {(p) => <input {...p} className={inputClasses} value={form.warmup} onChange={(e) => onChange({ warmup: e.target.value })} />}
        </Field>
        <Field label="Duration" errors={problemsOf(problems, 'load.duration')} hint="e.g. 30s, 5m">
          {(p) => <input {...p} className={inputClasses} value={form.duration} onChange={(e) => onChange({ duration: e.target.value })} />}
        </Field>
      </div>
      <StepsEditor model={form.model} steps={form.steps} problems={problems} onChange={(steps) => onChange({ steps })} />
    </>
  );
}
