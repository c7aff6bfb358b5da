import { parse, stringify } from 'yaml';

/**
 * The scenario form edits a few common parts of a plan; the YAML is the whole plan. The form works
 * on the parsed document and only touches the keys it knows, so anything else typed in the YAML
 * (headers, body, timeout, ramps…) survives form edits.
 */
export type LoadModel = 'closed' | 'open';
export type StepRow = { value: string; duration: string };

export type PlanForm = {
  method: string;
  path: string;
  model: LoadModel;
  /** users (closed) or rate (open) when there are no steps. */
  amount: string;
  warmup: string;
  duration: string;
  steps: StepRow[];
  thresholds: string[];
};

export type PlanDocument = Record<string, unknown>;

export const DEFAULT_PLAN_YAML = `workload:
  driver: http
  method: GET
  path: /
load:
  model: closed
  users: 10
  warmup: 2s
  duration: 30s
thresholds:
  - p99 < 100ms
`;

export function amountKey(model: LoadModel): 'users' | 'rate' {
  return model === 'open' ? 'rate' : 'users';
}

/** Parses plan YAML; a blank text is an empty plan; anything but a mapping is an error. */
export function parsePlan(yaml: string): PlanDocument {
  const parsed: unknown = parse(yaml);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('A plan must be a YAML mapping (key: value lines).');
  return parsed as PlanDocument;
}

export function formFromPlan(doc: PlanDocument): PlanForm {
  const workload = asRecord(doc.workload);
  const load = asRecord(doc.load);
  const model: LoadModel = load.model === 'open' || (load.model === undefined && load.rate !== undefined) ? 'open' : 'closed';
  const key = amountKey(model);
  const steps = Array.isArray(load.steps) ? load.steps.map(asRecord) : [];
  return {
    method: text(workload.method) || 'GET',
    path: text(workload.path),
    model,
    amount: text(load[key]),
    warmup: text(load.warmup),
    duration: text(load.duration),
    steps: steps.map((step) => ({ value: text(step[key]), duration: text(step.duration) })),
    thresholds: Array.isArray(doc.thresholds) ? doc.thresholds.map(text) : [],
  };
}

export function applyForm(doc: PlanDocument, form: PlanForm): PlanDocument {
  const key = amountKey(form.model);
  const other = amountKey(form.model === 'open' ? 'closed' : 'open');
  const workload = { driver: 'http', ...asRecord(doc.workload) };
  setOrDelete(workload, 'method', form.method);
  setOrDelete(workload, 'path', form.path);

  const load: PlanDocument = { ...asRecord(doc.load), model: form.model };
  delete load[other];
  // Drop the settings the engine rejects for the other model (arrival and max_in_flight are open-only).
  if (form.model === 'closed') {
    delete load.arrival;
    delete load.max_in_flight;
  } else {
    delete load.think_time;
  }
  setOrDelete(load, key, form.steps.length ? '' : form.amount);
  setOrDelete(load, 'warmup', form.warmup);
  setOrDelete(load, 'duration', form.duration);
  const oldSteps = Array.isArray(load.steps) ? load.steps.map(asRecord) : [];
  if (form.steps.length) {
    load.steps = form.steps.map((row, i) => {
      const step: PlanDocument = { ...oldSteps[i] };
      delete step[other];
      if (form.model === 'open') delete step.think_time;
      setOrDelete(step, key, row.value);
      setOrDelete(step, 'duration', row.duration);
      return step;
    });
  } else {
    delete load.steps;
  }

  const next: PlanDocument = { ...doc, workload, load };
  const thresholds = form.thresholds.map((t) => t.trim()).filter(Boolean);
  if (thresholds.length) next.thresholds = thresholds;
  else delete next.thresholds;
  return next;
}

export function planToYaml(doc: PlanDocument): string {
  return stringify(doc, { lineWidth: 0 });
}

export function asRecord(value: unknown): PlanDocument {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as PlanDocument) } : {};
}

export function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Numbers go in as numbers; anything else as typed, so the server's validation can name it. */
export function setOrDelete(target: PlanDocument, key: string, value: string) {
  const trimmed = value.trim();
  if (!trimmed) delete target[key];
  else target[key] = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}
