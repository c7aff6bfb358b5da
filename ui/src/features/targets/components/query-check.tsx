import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors } from '@/shared/api-client/problem-details';
import type { QueryReport } from '@/shared/api-client/types';
import { Button } from '@/shared/components/button';
import { Field, inputClasses } from '@/shared/components/field';
import { formatCount, formatMs } from '@/shared/format/format';
import { locate, useQueryCheck } from '../api/query-check';

/**
 * Try a statement against a postgres target before benchmarking it: how long it took, what it
 * returned, its EXPLAIN plan, or where PostgreSQL stopped reading it. Nothing it does is kept.
 */
export function QueryCheck({ targetId, targetName }: { targetId: number; targetName: string }) {
  const [sql, setSql] = useState('select 1');
  const check = useQueryCheck();
  const checkedSql = check.variables?.sql ?? '';
  const problems = check.error instanceof ApiError ? toFieldErrors(check.error.problem?.errors) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate({ targetId, sql });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Query check on ${targetName}`} className="space-y-3" data-testid="query-check">
      <Field label="SQL" errors={messagesFor(problems, 'sql')}
        hint="One statement. It runs in a transaction that is rolled back, so nothing changes; the plan is plain EXPLAIN, never ANALYZE.">
        {(p) => <textarea {...p} rows={4} spellCheck={false} className={`${inputClasses} font-mono text-xs`} value={sql} onChange={(e) => setSql(e.target.value)} />}
      </Field>
      <Button type="submit" disabled={check.isPending || !sql.trim()}>{check.isPending ? 'Running…' : 'Run query check'}</Button>
      {check.isError && !messagesFor(problems, 'sql').length && (
        <p role="alert" className="text-sm text-red-700">The check itself failed: {errorMessage(check.error)}</p>
      )}
      {check.data && <QueryCheckResult report={check.data} sql={checkedSql} />}
    </form>
  );
}

function QueryCheckResult({ report, sql }: { report: QueryReport; sql: string }) {
  if (!report.ok) return <QueryFailure report={report} sql={sql} />;
  const returned = report.columns.length > 0;
  const rows = `${formatCount(report.rows)}${report.rows_capped ? '+' : ''} row${report.rows === 1 && !report.rows_capped ? '' : 's'}`;
  return (
    <div data-testid="query-check-result" data-outcome="ok" className="space-y-2 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
      <p>
        Took <strong>{formatMs(report.millis)}</strong> · {returned ? `${rows} returned` : `${rows} changed, then rolled back`}
        {report.rows_capped && ' (counting stopped at the first 1,000)'}
      </p>
      {returned && <p className="text-xs">Columns: <span className="font-mono">{report.columns.join(', ')}</span></p>}
      <PlanText plan={report.plan} />
    </div>
  );
}

function QueryFailure({ report, sql }: { report: QueryReport; sql: string }) {
  const at = report.position != null ? locate(sql, report.position) : null;
  // The server's message already ends "(line L, column C)" when it knows the place.
  const saysWhere = /\bline \d+, column \d+/.test(report.message ?? '');
  return (
    <div data-testid="query-check-result" data-outcome="failed" className="space-y-2 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
      <p>
        <strong>{report.error_class ?? 'error'}</strong>{report.sql_state ? ` (SQLSTATE ${report.sql_state})` : ''}: {report.message}
        {at && !saysWhere && ` (line ${at.line}, column ${at.column})`}
      </p>
      {at && (
        <pre aria-label={`line ${at.line}, column ${at.column}`} className="overflow-x-auto rounded bg-white p-2 font-mono text-xs text-slate-800 ring-1 ring-red-200">
          {at.text}{'\n'}{' '.repeat(at.column - 1)}^
        </pre>
      )}
      <PlanText plan={report.plan} />
    </div>
  );
}

function PlanText({ plan }: { plan: string | null }) {
  if (!plan) return null;
  return (
    <div>
      <p className="text-xs font-medium">EXPLAIN</p>
      <pre data-testid="query-plan" className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs text-slate-100">{plan}</pre>
    </div>
  );
}
