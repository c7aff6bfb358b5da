import type { FieldErrors } from '@/shared/api-client/problem-details';
import { asRecord, setOrDelete, text } from './plan-document';

/**
 * The database scenario form: the fields people think in (thread counts to sweep, table rows,
 * duration per step, batch size for loading, the operation mix) over a jdbc plan. Like the HTTP
 * form it only touches the keys it knows, so advanced settings typed in the YAML survive.
 */
export const DB_OPERATIONS = ['point_select', 'range_scan', 'insert', 'batch_insert', 'update', 'delete'] as const;
export type DbOperation = (typeof DB_OPERATIONS)[number];

export type DbPlanForm = {
  /** "20, 40, 80": one closed-model step per thread count. */
  threads: string;
  rows: string;
  duration: string;
  warmup: string;
  batchSize: string;
  /** Weight per operation kind; blank or 0 leaves it out of the mix. */
  mix: Record<DbOperation, string>;
  table: string;
  setup: string;
  keys: string;
};

type PlanDocument = Record<string, unknown>;

export const MIN_ROWS = 1000;
export const MIN_STEP_SECONDS = 10;
/** What the setup estimate assumes for loading with COPY; a guess, shown as one. */
export const ASSUMED_LOAD_ROWS_PER_SECOND = 250_000;

export const DEFAULT_DB_PLAN_YAML = `workload:
  driver: jdbc
  table: benchdeck_accounts
  rows: 1000000
  batch_size: 10000
  setup: reuse
  mix:
    point_select: 80
    update: 20
load:
  model: closed
  warmup: 5s
  duration: 30s
  steps:
    - users: 20
    - users: 40
    - users: 80
`;

export function dbFormFromPlan(doc: PlanDocument): DbPlanForm {
  const workload = asRecord(doc.workload);
  const load = asRecord(doc.load);
  const steps = Array.isArray(load.steps) ? load.steps.map(asRecord) : [];
  const threads = steps.length ? steps.map((s) => text(s.users)) : load.users !== undefined ? [text(load.users)] : [];
  const mixDoc = asRecord(workload.mix);
  const mix = Object.fromEntries(DB_OPERATIONS.map((op) => [op, text(mixDoc[op])])) as Record<DbOperation, string>;
  // A single operation without a mix reads as that operation at full weight.
  if (Object.keys(mixDoc).length === 0 && typeof workload.operation === 'string' && workload.operation in mix) {
    mix[workload.operation as DbOperation] = '100';
  }
  return {
    threads: threads.filter(Boolean).join(', '),
    rows: text(workload.rows),
    duration: text(load.duration),
    warmup: text(load.warmup),
    batchSize: text(workload.batch_size),
    mix,
    table: text(workload.table),
    setup: text(workload.setup),
    keys: text(workload.keys),
  };
}

export function applyDbForm(doc: PlanDocument, form: DbPlanForm): PlanDocument {
  const workload: PlanDocument = { ...asRecord(doc.workload), driver: 'jdbc' };
  setOrDelete(workload, 'table', form.table);
  setOrDelete(workload, 'rows', form.rows.replace(/[,_\s]/g, ''));
  setOrDelete(workload, 'batch_size', form.batchSize.replace(/[,_\s]/g, ''));
  setOrDelete(workload, 'setup', form.setup);
  setOrDelete(workload, 'keys', form.keys);
  const mix: PlanDocument = {};
  for (const op of DB_OPERATIONS) {
    const weight = form.mix[op].trim();
    if (weight && Number(weight) !== 0) mix[op] = /^\d+(\.\d+)?$/.test(weight) ? Number(weight) : weight;
  }
  if (Object.keys(mix).length) {
    workload.mix = mix;
    // custom SQL is not part of the mix; anything else the mix replaces
    if (workload.operation !== 'custom') delete workload.operation;
  } else {
    delete workload.mix;
  }

  const load: PlanDocument = { ...asRecord(doc.load), model: 'closed' };
  delete load.rate;
  delete load.users;
  setOrDelete(load, 'duration', form.duration);
  setOrDelete(load, 'warmup', form.warmup);
  const oldSteps = Array.isArray(load.steps) ? load.steps.map(asRecord) : [];
  const counts = splitThreadCounts(form.threads);
  if (counts.length) {
    load.steps = counts.map((count, i) => {
      const step: PlanDocument = { ...oldSteps[i] };
      delete step.rate;
      step.users = /^\d+$/.test(count) ? Number(count) : count;
      return step;
    });
  } else {
    delete load.steps;
  }
  return { ...doc, workload, load };
}

/** True when a plan document is a database plan (driver jdbc). */
export function isDbPlan(doc: PlanDocument): boolean {
  return asRecord(doc.workload).driver === 'jdbc';
}

function splitThreadCounts(threads: string): string[] {
  return threads.split(/[,;\s]+/).map((t) => t.trim()).filter(Boolean);
}

/** The thread counts when every one is a whole number ≥ 1, else null. */
export function parseThreadCounts(threads: string): number[] | null {
  const parts = splitThreadCounts(threads);
  if (!parts.every((p) => /^\d+$/.test(p) && Number(p) >= 1)) return null;
  return parts.map(Number);
}

/** Seconds in a plan duration (`250ms`, `10s`, `1m30s`, `1.5m`, a plain number of seconds), or null. */
export function parseDurationSeconds(value: string): number | null {
  const s = value.trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const units: Record<string, number> = { us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const part = /(\d+(?:\.\d+)?)(us|µs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < s.length) {
    part.lastIndex = at;
    const match = part.exec(s);
    if (!match) return null;
    total += Number(match[1]) * units[match[2]];
    at = part.lastIndex;
  }
  return total;
}

function wholeNumber(value: string): number | null {
  const cleaned = value.replace(/[,_\s]/g, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** The form's own rules, shown next to the fields before the server is asked (plan paths, like the server's). */
export function validateDbForm(form: DbPlanForm): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const counts = parseThreadCounts(form.threads);
  if (splitThreadCounts(form.threads).length === 0) add('load.steps', 'give at least one thread count');
  else if (counts === null) add('load.steps', 'thread counts must be whole numbers ≥ 1, separated by commas');
  const rows = wholeNumber(form.rows);
  if (rows === null) add('workload.rows', 'must be a whole number of rows');
  else if (rows < MIN_ROWS) add('workload.rows', `must be at least ${MIN_ROWS.toLocaleString('en-US')} rows`);
  const duration = parseDurationSeconds(form.duration);
  if (duration === null) add('load.duration', 'must be a duration such as 30s or 2m');
  else if (duration < MIN_STEP_SECONDS) add('load.duration', `must be at least ${MIN_STEP_SECONDS} s per step`);
  if (form.warmup.trim() && parseDurationSeconds(form.warmup) === null) add('load.warmup', 'must be a duration such as 5s');
  if (form.batchSize.trim()) {
    const batch = wholeNumber(form.batchSize);
    if (batch === null || batch < 1) add('workload.batch_size', 'must be a whole number ≥ 1');
  }
  for (const op of DB_OPERATIONS) {
    const weight = form.mix[op].trim();
    if (weight && !(/^\d+(\.\d+)?$/.test(weight))) add(`workload.mix.${op}`, 'must be a weight ≥ 0');
  }
  return errors;
}

export type DbEstimate = { steps: number; loadSeconds: number; setupSeconds: number; totalSeconds: number };

/**
 * Steps × (warm-up + duration) — or the server's estimate of the steps when it has one — plus the
 * setup: loading the rows at an assumed COPY rate, none when the setup is `none` (the table is used
 * as it is). Null while the form has errors.
 */
export function estimateDbRun(form: DbPlanForm, serverStepSeconds?: number | null): DbEstimate | null {
  const counts = parseThreadCounts(form.threads);
  const duration = parseDurationSeconds(form.duration);
  const warmup = form.warmup.trim() ? parseDurationSeconds(form.warmup) : 0;
  const rows = wholeNumber(form.rows);
  if (!counts?.length || duration === null || warmup === null || rows === null) return null;
  const loadSeconds = serverStepSeconds ?? counts.length * (warmup + duration);
  const setupSeconds = form.setup.trim() === 'none' ? 0 : rows / ASSUMED_LOAD_ROWS_PER_SECOND;
  return { steps: counts.length, loadSeconds, setupSeconds, totalSeconds: loadSeconds + setupSeconds };
}

