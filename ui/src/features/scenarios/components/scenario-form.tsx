import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, unclaimedMessages } from '@/shared/api-client/problem-details';
import type { Scenario } from '@/shared/api-client/types';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { formatDuration } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { amountKey, applyForm, DEFAULT_PLAN_YAML, formFromPlan, parsePlan, planToYaml, type PlanForm } from '../api/plan-document';
import { scenarioFieldErrors } from '../api/scenario-errors';
import { useSaveScenario, useStartRun } from '../api/scenarios';
import { useTargetOptions } from '../api/get-target-options';
import { usePlanValidation } from '../api/validate-plan';
import { StepsEditor, ThresholdsEditor } from './plan-list-editors';

type PlanState = { yaml: string; doc: Record<string, unknown>; form: PlanForm; yamlError: string | null };

function initialPlan(yaml: string): PlanState {
  try {
    const doc = parsePlan(yaml);
    return { yaml, doc, form: formFromPlan(doc), yamlError: null };
  } catch (e) {
    return { yaml, doc: {}, form: formFromPlan({}), yamlError: errorMessage(e) };
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/**
 * The form edits the common fields and rewrites the YAML from them; typing in the YAML re-reads the
 * fields from it, so the YAML always wins and holds the whole plan.
 */
export function ScenarioForm({ scenario }: { scenario?: Scenario }) {
  const navigate = useNavigate();
  const targets = useTargetOptions();
  const save = useSaveScenario();
  const start = useStartRun();
  const [name, setName] = useState(scenario?.name ?? '');
  const [description, setDescription] = useState(scenario?.description ?? '');
  const [targetId, setTargetId] = useState<number | null>(scenario?.target_id ?? null);
  const [plan, setPlan] = useState<PlanState>(() => initialPlan(scenario?.plan_yaml ?? DEFAULT_PLAN_YAML));
  const [dirty, setDirty] = useState(false);

  const chosenTarget = targetId ?? (targets.data?.length === 1 ? targets.data[0].id : null);
  const validation = usePlanValidation(chosenTarget, plan.yaml, plan.yamlError === null && chosenTarget !== null);
  const saveProblem = save.error instanceof ApiError ? save.error.problem : null;
  const errors = useMemo(
    () => scenarioFieldErrors(plan.yamlError ? [] : validation.data?.problems, saveProblem?.errors),
    [plan.yamlError, validation.data, saveProblem],
  );
  const key = amountKey(plan.form.model);

  const changeForm = (change: Partial<PlanForm>) => {
    setDirty(true);
    setPlan((current) => {
      const form = { ...current.form, ...change };
      const doc = applyForm(current.doc, form);
      return { yaml: planToYaml(doc), doc, form, yamlError: null };
    });
  };

  const changeYaml = (yaml: string) => {
    setDirty(true);
    setPlan((current) => {
      try {
        const doc = parsePlan(yaml);
        return { yaml, doc, form: formFromPlan(doc), yamlError: null };
      } catch (e) {
        return { ...current, yaml, yamlError: errorMessage(e) };
      }
    });
  };

  const persist = (then: (saved: Scenario) => void) => {
    if (chosenTarget === null) return;
    save.mutate(
      { id: scenario?.id, input: { name: name.trim(), description: description.trim(), target_id: chosenTarget, plan_yaml: plan.yaml } },
      { onSuccess: (saved) => { setDirty(false); then(saved); } },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    persist((saved) => navigate(paths.scenario(saved.id), { replace: !scenario }));
  };

  const run = () => {
    const launch = (id: number) => start.mutate(id, { onSuccess: (r) => navigate(paths.run(r.id)) });
    if (scenario && !dirty) launch(scenario.id);
    else persist((saved) => launch(saved.id));
  };

  const fieldPaths = [
    'name', 'description', 'target_id', 'workload.method', 'workload.path', 'load.model', `load.${key}`, 'load.warmup', 'load.duration',
    'load.steps', ...plan.form.steps.flatMap((_, i) => [`load.steps[${i}]`, `load.steps[${i}].${key}`, `load.steps[${i}].duration`]),
    'thresholds', ...plan.form.thresholds.map((_, i) => `thresholds[${i}]`),
  ];
  const otherProblems = unclaimedMessages(errors, fieldPaths);
  const estimate = validation.data?.estimated_seconds;

  return (
    <form onSubmit={submit} data-testid="scenario-form" aria-label={scenario ? `Edit ${scenario.name}` : 'New scenario'} noValidate className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <Field label="Name" errors={messagesFor(errors, 'name')}>
          {(p) => <input {...p} className={inputClasses} value={name} onChange={(e) => { setDirty(true); setName(e.target.value); }} required />}
        </Field>
        <Field label="Description" errors={messagesFor(errors, 'description')}>
          {(p) => <textarea {...p} rows={2} className={inputClasses} value={description} onChange={(e) => { setDirty(true); setDescription(e.target.value); }} />}
        </Field>
        <Field label="Target" errors={messagesFor(errors, 'target_id')} hint={targets.isError ? `Could not load targets: ${errorMessage(targets.error)}` : undefined}>
          {(p) => (
            <select {...p} className={inputClasses} value={chosenTarget ?? ''} onChange={(e) => { setDirty(true); setTargetId(e.target.value ? Number(e.target.value) : null); }}>
              <option value="">{targets.isPending ? 'Loading targets…' : 'Choose a target'}</option>
              {targets.data?.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.url})</option>)}
            </select>
          )}
        </Field>
        <div className="grid grid-cols-[8rem_1fr] gap-3">
          <Field label="Method" errors={messagesFor(errors, 'workload.method')}>
            {(p) => (
              <select {...p} className={inputClasses} value={plan.form.method} onChange={(e) => changeForm({ method: e.target.value })}>
                {[...new Set([...METHODS, plan.form.method])].map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            )}
          </Field>
          <Field label="Path" errors={messagesFor(errors, 'workload.path')}>
            {(p) => <input {...p} className={`${inputClasses} font-mono`} value={plan.form.path} onChange={(e) => changeForm({ path: e.target.value })} placeholder="/hello" />}
          </Field>
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">Load model</legend>
          <div className="flex gap-4 text-sm">
            {(['closed', 'open'] as const).map((model) => (
              <label key={model} className="flex items-center gap-2">
                <input type="radio" name="model" value={model} checked={plan.form.model === model} onChange={() => changeForm({ model })} />
                {model === 'closed' ? 'Closed (fixed users)' : 'Open (arrival rate)'}
              </label>
            ))}
          </div>
          <FieldMessages messages={messagesFor(errors, 'load.model')} />
        </fieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {plan.form.steps.length === 0 && (
            <Field label={plan.form.model === 'open' ? 'Rate (req/s)' : 'Users'} errors={messagesFor(errors, `load.${key}`)}>
              {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={plan.form.amount} onChange={(e) => changeForm({ amount: e.target.value })} />}
            </Field>
          )}
          <Field label="Warm-up" errors={messagesFor(errors, 'load.warmup')} hint="e.g. 2s">
            {(p) => <input {...p} className={inputClasses} value={plan.form.warmup} onChange={(e) => changeForm({ warmup: e.target.value })} />}
          </Field>
          <Field label="Duration" errors={messagesFor(errors, 'load.duration')} hint="e.g. 30s, 5m">
            {(p) => <input {...p} className={inputClasses} value={plan.form.duration} onChange={(e) => changeForm({ duration: e.target.value })} />}
          </Field>
        </div>
        <StepsEditor model={plan.form.model} steps={plan.form.steps} errors={errors} onChange={(steps) => changeForm({ steps })} />
        <ThresholdsEditor thresholds={plan.form.thresholds} errors={errors} onChange={(thresholds) => changeForm({ thresholds })} />
      </div>

      <div className="space-y-3">
        <Field label="Plan (YAML)" errors={plan.yamlError ? [plan.yamlError] : []} hint="The whole plan without name and target. Edit it directly for anything the form does not cover.">
          {(p) => (
            <textarea {...p} spellCheck={false} rows={24} className={`${inputClasses} font-mono text-xs`} value={plan.yaml} onChange={(e) => changeYaml(e.target.value)} />
          )}
        </Field>
        <ValidationSummary
          checking={validation.isFetching}
          failed={validation.isError ? errorMessage(validation.error) : null}
          valid={validation.data?.valid}
          estimate={estimate}
          problems={Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))}
          unplaced={otherProblems.length}
        />
        {(save.isError || start.isError) && (
          <p role="alert" className="text-sm text-red-700">{errorMessage(save.error ?? start.error)}</p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending || chosenTarget === null}>{save.isPending ? 'Saving…' : scenario ? 'Save' : 'Create scenario'}</Button>
          <Button variant="secondary" data-testid="scenario-run-button" disabled={save.isPending || start.isPending || chosenTarget === null} onClick={run}>
            {start.isPending ? 'Starting…' : dirty || !scenario ? 'Save and run' : 'Run'}
          </Button>
        </div>
      </div>
    </form>
  );
}

type SummaryProps = {
  checking: boolean;
  failed: string | null;
  valid: boolean | undefined;
  estimate: number | null | undefined;
  problems: { path: string; message: string }[];
  unplaced: number;
};

function ValidationSummary({ checking, failed, valid, estimate, problems, unplaced }: SummaryProps) {
  return (
    <div aria-live="polite" className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
      <p className="flex flex-wrap items-center gap-3">
        {checking ? (
          <span className="text-slate-500">Checking…</span>
        ) : failed ? (
          <span className="text-amber-700">Could not validate: {failed}</span>
        ) : valid === true ? (
          <span className="text-green-700">Plan is valid.</span>
        ) : valid === false ? (
          <span className="text-red-700">{problems.length} problem{problems.length === 1 ? '' : 's'}{unplaced ? ` (${unplaced} only listed here)` : ''}</span>
        ) : (
          <span className="text-slate-500">Choose a target to validate the plan.</span>
        )}
        {estimate != null && (
          <span data-testid="estimated-duration" className="text-slate-700">Estimated duration: <strong>{formatDuration(estimate)}</strong></span>
        )}
      </p>
      {problems.length > 0 && (
        <ul className="mt-2 space-y-0.5 text-xs text-red-700">
          {problems.map((p, i) => (
            <li key={i}><code className="font-mono">{p.path || '(plan)'}</code>: {p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
