import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, unclaimedMessages, type FieldErrors } from '@/shared/api-client/problem-details';
import type { Scenario, Target } from '@/shared/api-client/types';
import { Button } from '@/shared/components/button';
import { Field, inputClasses } from '@/shared/components/field';
import { formatDuration } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { applyForm, DEFAULT_PLAN_YAML, formFromPlan, parsePlan, planToYaml, type PlanForm } from '../api/plan-document';
import {
  applyDbForm, DB_OPERATIONS, DEFAULT_DB_PLAN_YAML, dbFormFromPlan, estimateDbRun, isDbPlan, validateDbForm, type DbPlanForm,
} from '../api/db-plan-document';
import {
  applyLlmForm, DEFAULT_AUTOMATION_PLAN_YAML, DEFAULT_LLM_PLAN_YAML, isLlmPlan, LLM_FIELD_PATHS, llmFormFromPlan, validateLlmForm, type LlmPlanForm,
} from '../api/llm-plan-document';
import { scenarioFieldErrors } from '../api/scenario-errors';
import { useSaveScenario, useStartRun } from '../api/scenarios';
import { useTargetOptions } from '../api/get-target-options';
import { usePlanValidation } from '../api/validate-plan';
import { DbScenarioFields } from './db-scenario-fields';
import { LlmScenarioFields } from './llm-scenario-fields';
import { httpFieldPaths, HttpScenarioFields, ThresholdsEditor } from './http-scenario-fields';

type PlanState = {
  yaml: string;
  doc: Record<string, unknown>;
  form: PlanForm;
  dbForm: DbPlanForm;
  llmForm: LlmPlanForm;
  yamlError: string | null;
  /** Edited by the user: a new scenario's default plan is swapped with the target's kind only until then. */
  touched: boolean;
};

function initialPlan(yaml: string, touched = false): PlanState {
  try {
    const doc = parsePlan(yaml);
    return { yaml, doc, ...forms(doc), yamlError: null, touched };
  } catch (e) {
    return { yaml, doc: {}, ...forms({}), yamlError: errorMessage(e), touched };
  }
}

/** Every form's view of a plan document. */
function forms(doc: Record<string, unknown>) {
  return { form: formFromPlan(doc), dbForm: dbFormFromPlan(doc), llmForm: llmFormFromPlan(doc) };
}

function withPlan(doc: Record<string, unknown>, own: Partial<ReturnType<typeof forms>>): PlanState {
  return { yaml: planToYaml(doc), doc, ...forms(doc), ...own, yamlError: null, touched: true };
}

function defaultPlanFor(kind: string): string {
  if (kind === 'postgres') return DEFAULT_DB_PLAN_YAML;
  if (kind === 'llm') return DEFAULT_LLM_PLAN_YAML;
  if (kind === 'automation') return DEFAULT_AUTOMATION_PLAN_YAML;
  return DEFAULT_PLAN_YAML;
}

const DB_FIELD_PATHS = [
  'load.steps', 'workload.rows', 'load.duration', 'workload.batch_size', 'workload.mix', 'workload.operation', 'load.warmup',
  'workload.table', 'workload.setup', 'workload.keys', ...DB_OPERATIONS.map((op) => `workload.mix.${op}`),
];

/** The form's own messages first, then the server's, each once. */
function mergeErrors(own: FieldErrors, server: FieldErrors): FieldErrors {
  const merged: FieldErrors = { ...own };
  for (const [path, messages] of Object.entries(server)) {
    merged[path] = [...new Set([...(merged[path] ?? []), ...messages])];
  }
  return merged;
}

/**
 * The form edits the common fields and rewrites the YAML from them; typing in the YAML re-reads the
 * fields from it, so the YAML always wins and holds the whole plan. A postgres target gets the
 * database fields (thread counts, rows, duration per step, batch size, operation mix).
 */
export function ScenarioForm({ scenario }: { scenario?: Scenario }) {
  const navigate = useNavigate();
  const targets = useTargetOptions();
  const save = useSaveScenario();
  const start = useStartRun();
  const [name, setName] = useState(scenario?.name ?? '');
  const [description, setDescription] = useState(scenario?.description ?? '');
  const [targetId, setTargetId] = useState<number | null>(scenario?.target_id ?? null);
  const [plan, setPlan] = useState<PlanState>(() => initialPlan(scenario?.plan_yaml ?? DEFAULT_PLAN_YAML, scenario !== undefined));
  const [dirty, setDirty] = useState(false);

  const chosenTarget = targetId ?? (targets.data?.length === 1 ? targets.data[0].id : null);
  const chosenKind = targets.data?.find((t) => t.id === chosenTarget)?.kind;
  const database = chosenKind ? chosenKind === 'postgres' : isDbPlan(plan.doc);
  const llm = chosenKind ? chosenKind === 'llm' || chosenKind === 'automation' : isLlmPlan(plan.doc);
  const validation = usePlanValidation(chosenTarget, plan.yaml, plan.yamlError === null && chosenTarget !== null);
  const saveProblem = save.error instanceof ApiError ? save.error.problem : null;
  const ownErrors = useMemo(
    () => (plan.yamlError ? {} : database ? validateDbForm(plan.dbForm) : llm ? validateLlmForm(plan.llmForm) : {}),
    [database, llm, plan.yamlError, plan.dbForm, plan.llmForm],
  );
  const errors = useMemo(
    () => mergeErrors(ownErrors, scenarioFieldErrors(plan.yamlError ? [] : validation.data?.problems, saveProblem?.errors)),
    [ownErrors, plan.yamlError, validation.data, saveProblem],
  );
  const blocked = Object.keys(ownErrors).length > 0;

  const changeForm = (change: Partial<PlanForm>) => {
    setDirty(true);
    setPlan((current) => {
      const form = { ...current.form, ...change };
      const doc = applyForm(current.doc, form);
      return withPlan(doc, { form });
    });
  };

  const changeDbForm = (change: Partial<DbPlanForm>) => {
    setDirty(true);
    setPlan((current) => {
      const dbForm = { ...current.dbForm, ...change };
      const doc = applyDbForm(current.doc, dbForm);
      return withPlan(doc, { dbForm });
    });
  };

  const changeLlmForm = (change: Partial<LlmPlanForm>) => {
    setDirty(true);
    setPlan((current) => {
      const llmForm = { ...current.llmForm, ...change };
      const doc = applyLlmForm(current.doc, llmForm);
      return withPlan(doc, { llmForm });
    });
  };

  const changeYaml = (yaml: string) => {
    setDirty(true);
    setPlan((current) => {
      try {
        const doc = parsePlan(yaml);
        return { yaml, doc, ...forms(doc), yamlError: null, touched: true };
      } catch (e) {
        return { ...current, yaml, yamlError: errorMessage(e), touched: true };
      }
    });
  };

  const changeTarget = (id: number | null) => {
    setDirty(true);
    setTargetId(id);
    const kind = targets.data?.find((t: Target) => t.id === id)?.kind;
    if (!plan.touched && kind) setPlan(initialPlan(defaultPlanFor(kind)));
  };

  const persist = (then: (saved: Scenario) => void) => {
    if (chosenTarget === null || blocked) return;
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
    'name', 'description', 'target_id',
    ...(database
      ? [...DB_FIELD_PATHS, ...plan.dbForm.threads.split(',').flatMap((_, i) => [`load.steps[${i}]`, `load.steps[${i}].users`])]
      : llm ? LLM_FIELD_PATHS : httpFieldPaths(plan.form)),
    'thresholds', ...plan.form.thresholds.map((_, i) => `thresholds[${i}]`),
  ];
  const otherProblems = unclaimedMessages(errors, fieldPaths);
  const estimate = validation.data?.estimated_seconds;
  const dbEstimate = database ? estimateDbRun(plan.dbForm, estimate) : null;

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
            <select {...p} className={inputClasses} value={chosenTarget ?? ''} onChange={(e) => changeTarget(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{targets.isPending ? 'Loading targets…' : 'Choose a target'}</option>
              {targets.data?.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.url})</option>)}
            </select>
          )}
        </Field>
        {database
          ? <DbScenarioFields form={plan.dbForm} errors={errors} estimate={dbEstimate} onChange={changeDbForm} />
          : llm
            ? <LlmScenarioFields form={plan.llmForm} errors={errors} automation={chosenKind === 'automation'} onChange={changeLlmForm} />
            : <HttpScenarioFields form={plan.form} errors={errors} onChange={changeForm} />}
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
          valid={validation.data?.valid && !blocked}
          estimate={dbEstimate ? dbEstimate.totalSeconds : estimate}
          problems={Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))}
          unplaced={otherProblems.length}
        />
        {(save.isError || start.isError) && (
          <p role="alert" className="text-sm text-red-700">{errorMessage(save.error ?? start.error)}</p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending || chosenTarget === null || blocked}>{save.isPending ? 'Saving…' : scenario ? 'Save' : 'Create scenario'}</Button>
          <Button variant="secondary" data-testid="scenario-run-button" disabled={save.isPending || start.isPending || chosenTarget === null || blocked} onClick={run}>
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
