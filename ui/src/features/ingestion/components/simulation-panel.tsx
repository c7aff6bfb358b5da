import { useCallback, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors, type FieldErrors } from '@/shared/api-client/problem-details';
import { Button } from '@/shared/components/button';
import { Field, inputClasses } from '@/shared/components/field';
import { Card } from '@/shared/components/layout-parts';
import { Toast } from '@/shared/components/toast';
import { formatCount } from '@/shared/format/format';
import { useStartSimulation } from '../api/ingestion-api';
import type { IngestorSimulation } from '../api/ingestion-types';
import { BURST_SIZES, DEFAULT_SIMULATION, simulationRequest, type SimulationForm } from '../api/simulation-form';

function rateText(rate: number) {
  return rate > 0 ? `at ${formatCount(rate)} msg/s` : 'as fast as the queue takes them';
}

/** The progress of the recent simulations, as the ingestor reports them with its stats. */
function SimulationList({ simulations }: { simulations: readonly IngestorSimulation[] }) {
  if (simulations.length === 0) return null;
  return (
    <ul className="mt-3 space-y-1 text-sm" aria-label="Recent simulations">
      {[...simulations].reverse().slice(0, 5).map((s) => (
        <li key={s.id} data-testid="ingest-simulation" data-state={s.state} className="tabular-nums text-slate-700">
          <span className="font-mono text-xs">{s.id}</span>: {formatCount(s.published)} / {formatCount(s.count)} published, {s.state}
          {s.error && <span className="text-red-700"> ({s.error})</span>}
        </li>
      ))}
    </ul>
  );
}

/** "Run simulation": a burst of 100–5,000 (or a custom number of) messages at a rate, through the ingestor's own queue. */
export function SimulationPanel({ targetId, simulations, mayRun }: { targetId: number; simulations: readonly IngestorSimulation[]; mayRun: boolean }) {
  const [form, setForm] = useState<SimulationForm>(DEFAULT_SIMULATION);
  const [touched, setTouched] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const start = useStartSimulation(targetId);
  const { request, problems } = simulationRequest(form);
  const serverErrors: FieldErrors = start.error instanceof ApiError ? toFieldErrors(start.error.problem?.errors) : {};
  const errors: FieldErrors = { ...(touched ? problems : {}), ...serverErrors };
  const dismiss = useCallback(() => setToast(null), []);

  const edit = (key: keyof SimulationForm, value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (start.isError) start.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!request) return;
    start.mutate(request, {
      onSuccess: (started) => setToast(`Simulation ${started.id} started: ${formatCount(started.count)} messages ${rateText(started.rate)}.`),
    });
  };

  return (
    <Card title="Run simulation" testId="ingest-simulation-panel">
      {!mayRun ? (
        <p className="text-sm text-slate-500">Starting a simulation needs the editor role.</p>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Run simulation" className="space-y-3">
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Burst size</legend>
            <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="Burst size">
              {[...BURST_SIZES.map(String), 'custom'].map((size) => (
                <label key={size} className={`cursor-pointer rounded-md px-3 py-1.5 text-sm ring-1 ${form.size === size
                  ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-slate-700 ring-slate-300'}`}>
                  <input type="radio" name="burst-size" value={size} checked={form.size === size} className="sr-only"
                    onChange={() => edit('size', size)} />
                  {size === 'custom' ? 'Custom' : formatCount(Number(size))}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-3 md:grid-cols-3">
            {form.size === 'custom' && (
              <Field label="Messages" errors={messagesFor(errors, 'count')} hint="1–1,000,000">
                {(p) => <input {...p} className={inputClasses} inputMode="numeric" value={form.custom} onChange={(e) => edit('custom', e.target.value)} />}
              </Field>
            )}
            <Field label="Rate (msg/s)" errors={messagesFor(errors, 'rate')} hint="0: as fast as possible">
              {(p) => <input {...p} className={inputClasses} inputMode="decimal" value={form.rate} onChange={(e) => edit('rate', e.target.value)} />}
            </Field>
            <Field label="Content" errors={messagesFor(errors, 'content')} hint="{n} is the message's number">
              {(p) => <input {...p} className={inputClasses} value={form.content} onChange={(e) => edit('content', e.target.value)} />}
            </Field>
          </div>
          {form.size !== 'custom' && messagesFor(errors, 'count').length > 0 && (
            <p className="text-xs text-red-700">{messagesFor(errors, 'count').join('; ')}</p>
          )}
          {start.isError && Object.keys(serverErrors).length === 0 && (
            <p role="alert" className="text-sm text-red-700">{errorMessage(start.error)}</p>
          )}
          <Button type="submit" disabled={start.isPending || (touched && !request)}>
            {start.isPending ? 'Starting…' : 'Run simulation'}
          </Button>
        </form>
      )}
      <SimulationList simulations={simulations} />
      {toast && <Toast message={toast} onDismiss={dismiss} testId="ingest-toast" />}
    </Card>
  );
}
