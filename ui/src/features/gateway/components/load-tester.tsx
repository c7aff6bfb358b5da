import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors, type FieldErrors } from '@/shared/api-client/problem-details';
import { Button } from '@/shared/components/button';
import { Field, inputClasses } from '@/shared/components/field';
import { Card } from '@/shared/components/layout-parts';
import { paths } from '@/shared/paths';
import { DEFAULT_LOAD_TEST, loadTestPlan, MAX_CONCURRENCY, PLAN_PATH_FIELDS, useStartLoadTest, type LoadTestForm } from '../api/load-test';

/** The server's plan problems under the form's own fields. */
function formErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const byPath = toFieldErrors(error.problem?.errors);
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(byPath)) {
    const field = PLAN_PATH_FIELDS[path.replace(/^plan_yaml\./, '')];
    if (field) out[field] = [...(out[field] ?? []), ...messages];
  }
  return out;
}

/**
 * Prompt, provider, model, concurrency and total requests → an ordinary Benchdeck run of the llm driver
 * against the gateway's /api/v1/stream, with its own run page (TTFT, ITL, E2E percentiles, tokens) and
 * the gateway's telemetry.
 */
export function LoadTester({ target }: { target: { id: number; name: string } | undefined }) {
  const [form, setForm] = useState<LoadTestForm>(DEFAULT_LOAD_TEST);
  const [touched, setTouched] = useState(false);
  const start = useStartLoadTest(target);
  const { planYaml, problems } = loadTestPlan(form);
  const errors: FieldErrors = { ...(touched ? problems : {}), ...formErrors(start.error) };

  const edit = (key: keyof LoadTestForm) => (value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (start.isError) start.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (planYaml) start.mutate(planYaml);
  };

  const text = (key: keyof LoadTestForm, label: string, props: { numeric?: boolean; hint?: string } = {}) => (
    <Field label={label} errors={messagesFor(errors, key)} hint={props.hint}>
      {(p) => <input {...p} className={inputClasses} inputMode={props.numeric ? 'numeric' : undefined} value={form[key]}
        onChange={(e) => edit(key)(e.target.value)} />}
    </Field>
  );

  return (
    <Card title="Load tester" testId="gateway-load-tester">
      <form onSubmit={submit} noValidate aria-label="Load tester" className="space-y-3">
        <Field label="Prompt" errors={messagesFor(errors, 'prompt')}>
          {(p) => <textarea {...p} rows={3} className={inputClasses} value={form.prompt} onChange={(e) => edit('prompt')(e.target.value)} />}
        </Field>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          {text('provider', 'Provider', { hint: 'blank: the gateway’s first' })}
          {text('model', 'Model')}
          {text('concurrency', 'Concurrency', { numeric: true, hint: `1–${MAX_CONCURRENCY} users` })}
          {text('totalRequests', 'Total requests', { numeric: true })}
          {text('maxTokens', 'Max tokens', { numeric: true })}
        </div>
        {start.isError && Object.keys(formErrors(start.error)).length === 0 && (
          <p role="alert" className="text-sm text-red-700">{errorMessage(start.error)}</p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={start.isPending || !target || (touched && !planYaml)}>
            {start.isPending ? 'Starting…' : 'Run load test'}
          </Button>
          {start.isSuccess && (
            <Link to={paths.run(start.data.id)} data-testid="load-test-run-link" className="text-sm font-medium text-indigo-700 underline">
              Run #{start.data.id} started: open its page
            </Link>
          )}
        </div>
      </form>
    </Card>
  );
}
