import { useState } from 'react';
import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { formatDuration } from '@/shared/format/format';
import { ASSUMED_LOAD_ROWS_PER_SECOND, DB_OPERATIONS, type DbEstimate, type DbPlanForm } from '../api/db-plan-document';

type Props = {
  form: DbPlanForm;
  errors: FieldErrors;
  estimate: DbEstimate | null;
  onChange: (change: Partial<DbPlanForm>) => void;
};

const OPERATION_LABELS: Record<(typeof DB_OPERATIONS)[number], string> = {
  point_select: 'Point select',
  range_scan: 'Range scan',
  insert: 'Insert',
  batch_insert: 'Batch insert',
  update: 'Update',
  delete: 'Delete',
};

/** The fields of a database benchmark: a sweep over thread counts against a table of N rows. */
export function DbScenarioFields({ form, errors, estimate, onChange }: Props) {
  const [advanced, setAdvanced] = useState(false);
  return (
    <div className="space-y-4" data-testid="db-scenario-fields">
      <Field label="Thread counts" errors={messagesFor(errors, 'load.steps', { nested: true })} hint="One step per count, e.g. 20, 40, 80">
        {(p) => <input {...p} className={inputClasses} value={form.threads} onChange={(e) => onChange({ threads: e.target.value })} placeholder="20, 40, 80" />}
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Table rows" errors={messagesFor(errors, 'workload.rows')} hint="At least 1,000">
          {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={form.rows} onChange={(e) => onChange({ rows: e.target.value })} placeholder="1000000" />}
        </Field>
        <Field label="Duration per step" errors={messagesFor(errors, 'load.duration')} hint="At least 10 s, e.g. 30s">
          {(p) => <input {...p} className={inputClasses} value={form.duration} onChange={(e) => onChange({ duration: e.target.value })} placeholder="30s" />}
        </Field>
        <Field label="Batch size" errors={messagesFor(errors, 'workload.batch_size')} hint="Rows per COPY batch when loading">
          {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={form.batchSize} onChange={(e) => onChange({ batchSize: e.target.value })} placeholder="10000" />}
        </Field>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Operation mix (weights)</legend>
        <FieldMessages messages={messagesFor(errors, 'workload.mix').concat(messagesFor(errors, 'workload.operation'))} />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {DB_OPERATIONS.map((op) => (
            <Field key={op} label={OPERATION_LABELS[op]} errors={messagesFor(errors, `workload.mix.${op}`)}>
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
            <Field label="Warm-up per step" errors={messagesFor(errors, 'load.warmup')} hint="Not measured, e.g. 5s">
              {(p) => <input {...p} className={inputClasses} value={form.warmup} onChange={(e) => onChange({ warmup: e.target.value })} placeholder="5s" />}
            </Field>
            <Field label="Table" errors={messagesFor(errors, 'workload.table')}>
              {(p) => <input {...p} className={`${inputClasses} font-mono`} value={form.table} onChange={(e) => onChange({ table: e.target.value })} placeholder="benchdeck_accounts" />}
            </Field>
            <Field label="Setup" errors={messagesFor(errors, 'workload.setup')} hint="reuse keeps a table of the right size">
              {(p) => (
                <select {...p} className={inputClasses} value={form.setup} onChange={(e) => onChange({ setup: e.target.value })}>
                  <option value="">default (reuse)</option>
                  <option value="reuse">reuse</option>
                  <option value="recreate">recreate</option>
                  <option value="none">none (use the table as it is)</option>
                </select>
              )}
            </Field>
            <Field label="Key distribution" errors={messagesFor(errors, 'workload.keys')}>
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
