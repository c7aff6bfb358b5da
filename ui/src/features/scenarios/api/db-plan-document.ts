import { levelsText, readLoad, stepsFromLevels, writeLoad } from './load-steps';
import { asRecord, parseDurationSeconds, setOrDelete, splitList, text, type PlanDocument } from './plan-yaml';

/**
 * The database scenario form: the fields people think in (thread counts to sweep, table rows,
 * duration per step, batch size for loading, the operation mix) over a jdbc plan. Like the other
 * forms it only touches the keys it knows, so advanced settings typed in the YAML survive. Its rules
 * (at least 1,000 rows, 10 s per step…) are the server's: the form shows what the server says.
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
  const load = readLoad(doc.load);
  const mixDoc = asRecord(workload.mix);
  const mix = Object.fromEntries(DB_OPERATIONS.map((op) => [op, text(mixDoc[op])])) as Record<DbOperation, string>;
  // A single operation without a mix reads as that operation at full weight.
  if (Object.keys(mixDoc).length === 0 && typeof workload.operation === 'string' && workload.operation in mix) {
    mix[workload.operation as DbOperation] = '100';
  }
  return {
    threads: levelsText(load),
    rows: text(workload.rows),
    duration: load.duration,
    warmup: load.warmup,
    batchSize: text(workload.batch_size),
    mix,
    table: text(workload.table),
    setup: text(workload.setup),
    keys: text(workload.keys),
  };
}

/** "1,000,000" and "1_000" are whole numbers of rows as people type them. */
function withoutGrouping(value: string): string {
  return value.replace(/[,_\s]/g, '');
}

export function applyDbForm(doc: PlanDocument, form: DbPlanForm): PlanDocument {
  const workload: PlanDocument = { ...asRecord(doc.workload), driver: 'jdbc' };
  setOrDelete(workload, 'table', form.table);
  setOrDelete(workload, 'rows', withoutGrouping(form.rows));
  setOrDelete(workload, 'batch_size', withoutGrouping(form.batchSize));
  setOrDelete(workload, 'setup', form.setup);
  setOrDelete(workload, 'keys', form.keys);
  const mix: PlanDocument = {};
  for (const op of DB_OPERATIONS) {
    const weight = form.mix[op].trim();
    if (weight && Number(weight) !== 0) setOrDelete(mix, op, weight);
  }
  if (Object.keys(mix).length) {
    workload.mix = mix;
    // custom SQL is not part of the mix; anything else the mix replaces
    if (workload.operation !== 'custom') delete workload.operation;
  } else {
    delete workload.mix;
  }
  const load = writeLoad(doc.load, {
    ...readLoad(doc.load), model: 'closed', amount: '', steps: stepsFromLevels(form.threads), duration: form.duration, warmup: form.warmup,
  });
  return { ...doc, workload, load };
}

/** True when a plan document is a database plan (driver jdbc). */
export function isDbPlan(doc: PlanDocument): boolean {
  return asRecord(doc.workload).driver === 'jdbc';
}

/** The thread counts when every one is a whole number ≥ 1, else null (for the estimate only; the server checks them). */
export function parseThreadCounts(threads: string): number[] | null {
  const parts = splitList(threads);
  if (!parts.every((p) => /^\d+$/.test(p) && Number(p) >= 1)) return null;
  return parts.map(Number);
}

export type DbEstimate = { steps: number; loadSeconds: number; setupSeconds: number; totalSeconds: number };

/**
 * Steps × (warm-up + duration) — or the server's estimate of the steps when it has one — plus the
 * setup: loading the rows at an assumed COPY rate, none when the setup is `none` (the table is used
 * as it is). Null while the fields cannot be read as numbers and durations.
 */
export function estimateDbRun(form: DbPlanForm, serverStepSeconds?: number | null): DbEstimate | null {
  const counts = parseThreadCounts(form.threads);
  const duration = parseDurationSeconds(form.duration);
  const warmup = form.warmup.trim() ? parseDurationSeconds(form.warmup) : 0;
  const rows = withoutGrouping(form.rows);
  if (!counts?.length || duration === null || warmup === null || !/^\d+$/.test(rows)) return null;
  const loadSeconds = serverStepSeconds ?? counts.length * (warmup + duration);
  const setupSeconds = form.setup.trim() === 'none' ? 0 : Number(rows) / ASSUMED_LOAD_ROWS_PER_SECOND;
  return { steps: counts.length, loadSeconds, setupSeconds, totalSeconds: loadSeconds + setupSeconds };
}
