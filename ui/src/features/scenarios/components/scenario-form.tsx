import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import type { Scenario } from '@/shared/api-client/types';
import { Button } from '@/shared/components/button';
import { createdBy, useCurrentUser } from '@/shared/auth/current-user';
import { Field, inputClasses } from '@/shared/components/field';
import { placeProblems, problemsOf, type FieldClaim } from '@/shared/forms/field-problems';
import { paths } from '@/shared/paths';
import { DEFAULT_DB_PLAN_YAML, estimateDbRun, isDbPlan } from '../api/db-plan-document';
import { DEFAULT_HTTP_PLAN_YAML } from '../api/http-plan-document';
import { DEFAULT_AUTOMATION_PLAN_YAML, DEFAULT_LLM_PLAN_YAML, isLlmPlan } from '../api/llm-plan-document';
import {
  backToReadable, planState, withFormChange, withThresholdRows, withYaml, type PlanForms, type PlanKind, type PlanState,
} from '../api/plan-editor';
import { planFieldErrors } from '../api/plan-problems';
import { useSaveScenario, useStartRun } from '../api/scenarios';
import { useTargetOptions } from '../api/get-target-options';
import { usePlanValidation } from '../api/validate-plan';
import { DB_FIELD_CLAIMS, DbScenarioFields } from './db-scenario-fields';
import { httpFieldClaims, HttpScenarioFields } from './http-scenario-fields';
import { llmFieldClaims, LlmScenarioFields } from './llm-scenario-fields';
import { thresholdClaims, ThresholdsEditor } from './plan-list-editors';
import { ValidationSummary, type ValidationView } from './validation-summary';

function defaultPlanFor(kind: string): string {
  if (kind === 'postgres') return DEFAULT_DB_PLAN_YAML;
  if (kind === 'llm') return DEFAULT_LLM_PLAN_YAML;
  if (kind === 'automation') return DEFAULT_AUTOMATION_PLAN_YAML;
  return DEFAULT_HTTP_PLAN_YAML;
}

/** Which fields a plan gets: the target's kind decides; without a target, the plan's own driver. */
function planKindOf(targetKind: string | undefined, plan: PlanState): PlanKind {
  if (targetKind) return targetKind === 'postgres' ? 'db' : targetKind === 'llm' || targetKind === 'automation' ? 'llm' : 'http';
  return isDbPlan(plan.doc) ? 'db' : isLlmPlan(plan.doc) ? 'llm' : 'http';
}

const SCENARIO_CLAIMS: FieldClaim[] = [
  { field: 'name', paths: ['name'] },
  { field: 'description', paths: ['description'] },
  { field: 'target_id', paths: ['target_id'] },
  { field: 'plan_yaml', paths: [''] },
];

/** What a save was refused for, while name, target and plan are still as they were then. */
type SaveAttempt = { name: string; targetId: number; yaml: string };

/**
 * One way to validate: the server's POST /plans/validate is the only judge of the plan. Its messages
 * go next to the fields they name as one types, each once; Create, Save and Save-and-run wait for a
 * verdict on exactly what is on screen and stay off while anything is wrong. The form edits the
 * common fields and rewrites the YAML; typing in the YAML re-reads the fields, and unreadable YAML
 * takes the fields away instead of leaving them showing something else.
 */
export function ScenarioForm({ scenario }: { scenario?: Scenario }) {
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const targets = useTargetOptions();
  const save = useSaveScenario();
  const start = useStartRun();
  const [name, setName] = useState(scenario?.name ?? '');
  const [nameTouched, setNameTouched] = useState(false);
  const [description, setDescription] = useState(scenario?.description ?? '');
  const [targetId, setTargetId] = useState<number | null>(scenario?.target_id ?? null);
  const [plan, setPlan] = useState<PlanState>(() => planState(scenario?.plan_yaml ?? DEFAULT_HTTP_PLAN_YAML, scenario !== undefined));
  const [dirty, setDirty] = useState(false);
  const [refused, setRefused] = useState<SaveAttempt | null>(null);

  const chosenTarget = targetId ?? (targets.data?.length === 1 ? targets.data[0].id : null);
  const chosenKind = targets.data?.find((t) => t.id === chosenTarget)?.kind;
  const kind = planKindOf(chosenKind, plan);
  const readable = plan.yamlError === null;
  const validation = usePlanValidation(chosenTarget, plan.yaml, readable && chosenTarget !== null);

  const stillRefused = refused && refused.name === name && refused.targetId === chosenTarget && refused.yaml === plan.yaml;
  const saveProblems = stillRefused && save.error instanceof ApiError ? save.error.problem?.errors : undefined;
  const errors = planFieldErrors(readable ? validation.data?.problems : [], saveProblems);
  if (!name.trim() && (nameTouched || refused)) errors.name = ['must not be blank'];
  const claims = [
    ...SCENARIO_CLAIMS,
    ...(kind === 'db' ? DB_FIELD_CLAIMS : kind === 'llm' ? llmFieldClaims(plan.forms.llm, chosenKind === 'automation') : httpFieldClaims(plan.forms.http)),
    ...thresholdClaims(plan.thresholds),
  ];
  const problems = placeProblems(errors, claims);
  const blocked = chosenTarget === null || !readable || !validation.current || problems.count > 0 || !name.trim();

  const edit = (next: (current: PlanState) => PlanState) => {
    setDirty(true);
    setPlan(next);
  };
  const changeForm = <K extends PlanKind>(form: K) => (change: Partial<PlanForms[K]>) => edit((current) => withFormChange(current, form, change));

  const changeTarget = (id: number | null) => {
    setDirty(true);
    setTargetId(id);
    const targetKind = targets.data?.find((t) => t.id === id)?.kind;
    if (!plan.touched && targetKind) setPlan(planState(defaultPlanFor(targetKind)));
  };

  const persist = (then: (saved: Scenario) => void) => {
    if (chosenTarget === null || blocked) return;
    const attempt = { name, targetId: chosenTarget, yaml: plan.yaml };
    save.mutate(
      { id: scenario?.id, input: { name: name.trim(), description: description.trim(), target_id: chosenTarget, plan_yaml: plan.yaml } },
      { onSuccess: (saved) => { setDirty(false); setRefused(null); then(saved); }, onError: () => setRefused(attempt) },
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

  const mayRun = can('run');
  const maySave = scenario ? can('edit', scenario) : can('create');
  const estimate = validation.current && validation.data?.valid ? validation.data.estimated_seconds : null;
  const dbEstimate = kind === 'db' && readable ? estimateDbRun(plan.forms.db, estimate) : null;
  const view: ValidationView = chosenTarget === null
    ? { state: 'no-target' }
    : validation.isError ? { state: 'failed', reason: errorMessage(validation.error) }
      : !validation.current ? { state: 'checking' }
        : { state: 'checked', count: problems.count, unplaced: problems.unplaced };
  const nameMessages = problemsOf(problems, 'name');
  // A refusal with field problems shows them at their fields; any other failure says so here.
  const failure = (stillRefused && !saveProblems?.length ? save.error : null) ?? start.error;

  return (
    <form onSubmit={submit} data-testid="scenario-form" aria-label={scenario ? `Edit ${scenario.name}` : 'New scenario'} noValidate className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <Field label="Name" errors={nameMessages} hint={!name.trim() && nameMessages.length === 0 ? 'Required' : undefined}>
          {(p) => <input {...p} className={inputClasses} value={name} onChange={(e) => { setDirty(true); setNameTouched(true); setName(e.target.value); }} required />}
        </Field>
        <Field label="Description" errors={problemsOf(problems, 'description')}>
          {(p) => <textarea {...p} rows={2} className={inputClasses} value={description} onChange={(e) => { setDirty(true); setDescription(e.target.value); }} />}
        </Field>
        <Field label="Target" errors={problemsOf(problems, 'target_id')} hint={targets.isError ? `Could not load targets: ${errorMessage(targets.error)}` : undefined}>
          {(p) => (
            <select {...p} className={inputClasses} value={chosenTarget ?? ''} onChange={(e) => changeTarget(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{targets.isPending ? 'Loading targets…' : 'Choose a target'}</option>
              {targets.data?.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.url})</option>)}
            </select>
          )}
        </Field>
        {!readable ? (
          <UnreadableYamlNote onBack={() => edit(backToReadable)} />
        ) : (
          <>
            {kind === 'db'
              ? <DbScenarioFields form={plan.forms.db} problems={problems} estimate={dbEstimate} onChange={changeForm('db')} />
              : kind === 'llm'
                ? <LlmScenarioFields form={plan.forms.llm} problems={problems} automation={chosenKind === 'automation'} onChange={changeForm('llm')} />
                : <HttpScenarioFields form={plan.forms.http} problems={problems} onChange={changeForm('http')} />}
            <ThresholdsEditor thresholds={plan.thresholds} problems={problems} onChange={(rows) => edit((current) => withThresholdRows(current, rows))} />
          </>
        )}
      </div>

      <div className="space-y-3">
        <Field label="Plan (YAML)" errors={plan.yamlError ? [plan.yamlError] : problemsOf(problems, 'plan_yaml')}
          hint="The whole plan without name and target. Edit it directly for anything the form does not cover.">
          {(p) => (
            <textarea {...p} spellCheck={false} rows={24} className={`${inputClasses} font-mono text-xs`} value={plan.yaml}
              onChange={(e) => edit((current) => withYaml(current, e.target.value))} />
          )}
        </Field>
        {readable && <ValidationSummary view={view} estimate={dbEstimate ? dbEstimate.totalSeconds : estimate} />}
        {failure !== null && <p role="alert" className="text-sm text-red-700">{errorMessage(failure)}</p>}
        <div className="flex flex-wrap gap-2">
          {mayRun && !maySave && dirty && <p className="w-full text-sm text-slate-600">This scenario is {scenario ? `${createdBy(scenario) ?? 'nobody'}’s` : 'not yours'}: you may run it as saved, not change it.</p>}
          {maySave && (
            <Button type="submit" disabled={save.isPending || blocked}>{save.isPending ? 'Saving…' : scenario ? 'Save' : 'Create scenario'}</Button>
          )}
          {mayRun && (maySave || scenario) && (
            <Button variant="secondary" data-testid="scenario-run-button" disabled={save.isPending || start.isPending || blocked || (!maySave && dirty)} onClick={run}>
              {start.isPending ? 'Starting…' : (dirty || !scenario) && maySave ? 'Save and run' : 'Run'}
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}

function UnreadableYamlNote({ onBack }: { onBack: () => void }) {
  return (
    <div data-testid="fields-unavailable" className="rounded-md border border-dashed border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">The fields cannot show this plan</p>
      <p className="mt-1">The YAML cannot be read (the error is under it), so there is nothing here to edit until it can. Fix the YAML, or go back to the last plan that could be read.</p>
      <Button variant="secondary" className="mt-3" onClick={onBack}>Back to the last readable plan</Button>
    </div>
  );
}
