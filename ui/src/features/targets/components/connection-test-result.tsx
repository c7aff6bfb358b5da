import { errorMessage } from '@/shared/api-client/api-client';
import type { ConnectionReport, TargetTestReport } from '@/shared/api-client/types';
import { formatMs } from '@/shared/format/format';

function isDatabaseReport(report: TargetTestReport): report is ConnectionReport {
  return 'steps' in report;
}

/** What a connection check found: the server's version, round trip and privileges, or what went wrong. */
export function ConnectionTestResult({ report, error, pending }: { report?: TargetTestReport; error: unknown; pending: boolean }) {
  if (pending) return <p className="text-sm text-slate-500" data-testid="connection-test-result" data-outcome="pending">Testing the connection…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700" data-testid="connection-test-result" data-outcome="error">The check itself failed: {errorMessage(error)}</p>;
  if (!report) return null;
  const tone = report.ok ? 'text-green-800 bg-green-50 ring-green-200' : 'text-red-800 bg-red-50 ring-red-200';
  return (
    <div className={`rounded-md p-3 text-sm ring-1 ${tone}`} data-testid="connection-test-result" data-outcome={report.ok ? 'ok' : 'failed'} role="status">
      {isDatabaseReport(report) ? <DatabaseReport report={report} /> : (
        report.ok
          ? <p>Reached: {'status' in report ? `HTTP ${report.status}` : report.message} in {formatMs(report.millis)}</p>
          : <p>Failed ({report.error_class}): {report.message}</p>
      )}
    </div>
  );
}

function DatabaseReport({ report }: { report: ConnectionReport }) {
  if (!report.ok) {
    return <p><strong>Cannot connect</strong> ({report.error_class}): {report.message}</p>;
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
      <dt className="font-medium">Connected</dt>
      <dd>{report.user}@{report.database}{report.schema ? ` (schema ${report.schema})` : ''}</dd>
      <dt className="font-medium">Server</dt>
      <dd data-testid="server-version">PostgreSQL {report.server_version}</dd>
      <dt className="font-medium">Round trip</dt>
      <dd>{formatMs(report.round_trip_millis)}</dd>
      <dt className="font-medium">Can create the table</dt>
      <dd>{report.can_create_table === null ? '—' : report.can_create_table ? 'yes' : 'no: the benchmark needs an existing table (setup: none) or CREATE privilege'}</dd>
      {report.message && (<><dt className="font-medium">Note</dt><dd>{report.message}</dd></>)}
    </dl>
  );
}
