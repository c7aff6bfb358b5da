import { useState } from 'react';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { describeStep, problemsOf, type FieldClaim, type PlacedProblems } from '@/shared/forms/field-problems';
import { formatDuration } from '@/shared/format/format';
import { ASSUMED_LOAD_ROWS_PER_SECOND, DB_OPERATIONS, type DbEstimate, type DbPlanForm } from '../api/db-plan-document';

type Props = {
  form: DbPlanForm;
  problems: PlacedProblems;
  estimate: DbEstimate | null;
  onChange: (change: Partial<DbPlanForm>) => void;
};

const ADVANCED_FIELDS = ['load.warmup', 'workload.table', 'workload.setup', 'workload.keys'];

/**
 * Where the database fields show the server's problems. The thread counts are the steps (a step's
 * message says which); the duration and warm-up hold for every step, so a step's copy of the same
 * message shows once.
 */
export const DB_FIELD_CLAIMS: FieldClaim[] = [
  { field: 'load.steps', paths: ['load.steps', 'load.steps[*]', 'load.steps[*].users', 'load.users', 'load.model'], describe: describeStep },
  { field: 'workload.rows', paths: ['workload.rows'] },
  { field: 'load.duration', paths: ['load.duration', 'load.steps[*].duration'] },
  { field: 'load.warmup', paths: ['load.warmup', 'load.steps[*].warmup'] },
  { field: 'workload.batch_size', paths: ['workload.batch_size'] },
  ...DB_OPERATIONS.map((op) => ({ field: `workload.mix.${op}`, paths: [`workload.mix.${op}`] })),
  { field: 'workload.mix', paths: ['workload.mix', 'workload.operation'], nested: true },
  { field: 'workload.table', paths: ['workload.table'] },
  { field: 'workload.setup', paths: ['workload.setup'] },
  { field: 'workload.keys', paths: ['workload.keys'] },
];

const OPERATION_LABELS: Record<(typeof DB_OPERATIONS)[number], string> = {
  point_select: 'Point select',
  range_scan: 'Range scan',
  insert: 'Insert',
  batch_insert: 'Batch insert',
  update: 'Update',
  delete: 'Delete',
};

/** The fields of a database benchmark: a sweep over thread counts against a table of N rows. */
export function DbScenarioFields({ form, problems, estimate, onChange }: Props) {
  const [advancedChosen, setAdvanced] = useState(false);
  // A problem in a hidden field would be counted but not seen: the advanced settings open for it.
  const advanced = advancedChosen || ADVANCED_FIELDS.some((f) => problemsOf(problems, f).length > 0);
  return (
    <div className="space-y-4" data-testid="db-scenario-fields">
      <Field label="Thread counts" errors={problemsOf(problems, 'load.steps')} hint="One step per count, e.g. 20, 40, 80">
        {(p) => <input {...p} className={inputClasses} value={form.threads} onChange={(e) => onChange({ threads: e.target.value })} placeholder="20, 40, 80" />}
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Table rows" errors={problemsOf(problems, 'workload.rows')} hint="e.g. 1,000,000">
          {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={form.rows} onChange={(e) => onChange({ rows: e.target.value })} placeholder="1000000" />}
        </Field>
        <Field label="Duration per step" errors={problemsOf(problems, 'load.duration')} hint="Measured time per thread count, e.g. 30s">
          {(p) => <input {...p} className={inputClasses} value={form.duration} onChange={(e) => onChange({ duration: e.target.value })} placeholder="30s" />}
        </Field>
        <Field label="Batch size" errors={problemsOf(problems, 'workload.batch_size')} hint="Rows per COPY batch when loading">
          {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={form.batchSize} onChange={(e) => onChange({ batchSize: e.target.value })} placeholder="10000" />}
        </Field>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Operation mix (weights)</legend>
        <FieldMessages messages={problemsOf(problems, 'workload.mix')} />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {DB_OPERATIONS.map((op) => (
            <Field key={op} label={OPERATION_LABELS[op]} errors={problemsOf(problems, `workload.mix.${op}`)}>
              {(p) => (
                <input {...p} inputMode="numeric" className={inputClasses} value={form.mix[op]} placeholder="0"
                  onChange={(e) => onChange({ mix: { ...form.mix, [op]: e.target.value } })} />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div>
        <Button variant="ghost" aria-expanded={advanced} onClick={() => setAdvanced(!advanced)}>
          {advanced ? 'Hide advanced settings' : 'Advanced settings'}
        </Button>
        {advanced && (
          <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Warm-up per step" errors={problemsOf(problems, 'load.warmup')} hint="Not measured, e.g. 5s">
              {(p) => <input {...p} className={inputClasses} value={form.warmup} onChange={(e) => onChange({ warmup: e.target.value })} placeholder="5s" />}
            </Field>
            <Field label="Table" errors={problemsOf(problems, 'workload.table')}>
              {(p) => <input {...p} className={`${inputClasses} font-mono`} value={form.table} onChange={(e) => onChange({ table: e.target.value })} placeholder="benchdeck_accounts" />}
            </Field>
            <Field label="Setup" errors={problemsOf(problems, 'workload.setup')} hint="reuse keeps a table of the right size">
              {(p) => (
                <select {...p} className={inputClasses} value={form.setup} onChange={(e) => onChange({ setup: e.target.value })}>
                  <option value="">default (reuse)</option>
                  <option value="reuse">reuse</option>
                  <option value="recreate">recreate</option>
                  <option value="none">none (use the table as it is)</option>
                </select>
              )}
            </Field>
            <Field label="Key distribution" errors={problemsOf(problems, 'workload.keys')}>
              {(p) => (
                <select {...p} className={inputClasses} value={form.keys} onChange={(e) => onChange({ keys: e.target.value })}>
                  <option value="">default (uniform)</option>
                  <option value="uniform">uniform</option>
                  <option value="zipfian">zipfian</option>
                </select>
              )}
            </Field>
          </div>
        )}
      </div>
      <EstimateLine estimate={estimate} />
    </div>
  );
}

function EstimateLine({ estimate }: { estimate: DbEstimate | null }) {
  if (!estimate) return null;
  return (
    <p data-testid="db-estimate" className="rounded-md bg-indigo-50 p-2 text-sm text-indigo-900 ring-1 ring-indigo-200">
      Estimated total: <strong>{formatDuration(estimate.totalSeconds)}</strong>
      {' '}({estimate.steps} step{estimate.steps === 1 ? '' : 's'}: {formatDuration(estimate.loadSeconds)}
      {estimate.setupSeconds > 0 && <>, setup up to {formatDuration(estimate.setupSeconds)} at ~{ASSUMED_LOAD_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s</>})
    </p>
  );
}
