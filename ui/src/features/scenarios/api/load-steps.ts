import { asRecord, setOrDelete, splitList, text, type PlanDocument } from './plan-yaml';

/**
 * The plan's `load` section as every scenario form edits it: the load model, one amount or a sweep of
 * steps, warm-up, duration and request count per step. The HTTP, database and LLM forms all read and
 * write it through here, so the rules (which keys each model takes) live once.
 */
export type LoadModel = 'closed' | 'open';

/** One step: its users (closed) or rate (open); a duration only when the form edits per-step durations. */
export type StepRow = { value: string; duration?: string };

export type LoadFields = {
  model: LoadModel;
  /** users (closed) or rate (open) when there are no steps. */
  amount: string;
  steps: StepRow[];
  warmup: string;
  duration: string;
  /** Measured requests per step (`load.requests`): a step ends at its duration or after this many, whichever comes first. */
  requests: string;
};

export function amountKey(model: LoadModel): 'users' | 'rate' {
  return model === 'open' ? 'rate' : 'users';
}

export function readLoad(load: unknown): LoadFields {
  const l = asRecord(load);
  const model: LoadModel = l.model === 'open' || (l.model === undefined && l.rate !== undefined) ? 'open' : 'closed';
  const key = amountKey(model);
  const steps = Array.isArray(l.steps) ? l.steps.map(asRecord) : [];
  return {
    model,
    amount: text(l[key]),
    steps: steps.map((step) => ({ value: text(step[key]), duration: text(step.duration) })),
    warmup: text(l.warmup),
    duration: text(l.duration),
    requests: text(l.requests),
  };
}

/** The load section with `fields` written over it; keys the fields do not cover (ramps, think time…) stay where the model allows them. */
export function writeLoad(load: unknown, fields: LoadFields): PlanDocument {
  const key = amountKey(fields.model);
  const other = amountKey(fields.model === 'open' ? 'closed' : 'open');
  const next: PlanDocument = { ...asRecord(load), model: fields.model };
  delete next[other];
  // The engine rejects the other model's settings: arrival, burstiness and max_in_flight are open-only, think_time closed-only.
  if (fields.model === 'closed') for (const k of ['arrival', 'burstiness', 'max_in_flight']) delete next[k];
  else delete next.think_time;
  setOrDelete(next, key, fields.steps.length ? '' : fields.amount);
  setOrDelete(next, 'warmup', fields.warmup);
  setOrDelete(next, 'duration', fields.duration);
  setOrDelete(next, 'requests', fields.requests);
  const oldSteps = Array.isArray(next.steps) ? next.steps.map(asRecord) : [];
  if (fields.steps.length) {
    next.steps = fields.steps.map((row, i) => {
      const step: PlanDocument = { ...oldSteps[i] };
      delete step[other];
      if (fields.model === 'open') delete step.think_time;
      setOrDelete(step, key, row.value);
      if (row.duration !== undefined) setOrDelete(step, 'duration', row.duration);
      return step;
    });
  } else {
    delete next.steps;
  }
  return next;
}

/** A sweep as one line of text ("1, 5, 10"): the steps' values, or the single amount. */
export function levelsText(fields: LoadFields): string {
  const levels = fields.steps.length ? fields.steps.map((s) => s.value) : [fields.amount];
  return levels.filter(Boolean).join(', ');
}

/** Steps from such a line, one per value; per-step durations of the plan are kept. */
export function stepsFromLevels(levels: string): StepRow[] {
  return splitList(levels).map((value) => ({ value }));
}
