import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { focusRing } from '@/shared/components/button';
import { Card, numClasses, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { RunsTable } from '@/shared/components/runs-table';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatCount, formatMs, formatPercent } from '@/shared/format/format';
import type { Percentiles, StreamingOverview } from '@/shared/api-client/types';
import { paths } from '@/shared/paths';
import { useOverview } from '../api/get-overview';

/** `alerts`: the open regression alerts, supplied by the app (another feature's). */
export function OverviewPage({ alerts }: { alerts?: ReactNode }) {
  const overview = useOverview();
  return (
    <>
      <PageHeader title="Overview">What ran lately and how it went.</PageHeader>
      {overview.isPending ? (
        <LoadingState label="Loading overview…" />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} title="Could not load the overview." />
      ) : (
        <div className="space-y-6">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Kpi label="Runs in the last 7 days" value={formatCount(overview.data.runs_last_7_days)} />
            <Kpi label="Success rate" value={formatPercent(overview.data.success_rate)} />
            <Kpi label="Runs in progress" value={formatCount(overview.data.runs_in_progress)} />
          </div>
          {alerts}
          <Card title="p95 latency of the last run per scenario">
            {overview.data.p95_by_scenario.length === 0 ? (
              <EmptyState title="No finished runs yet" />
            ) : (
              <TableScroll label="p95 by scenario">
                <table className={tableClasses}>
                  <thead>
                    <tr>
                      <th scope="col" className={thClasses}>Scenario</th>
                      <th scope="col" className={`${thClasses} text-right`}>p95</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {overview.data.p95_by_scenario.map((row) => (
                      <tr key={row.scenario_id}>
                        <td className={tdClasses}>
                          <Link to={paths.scenario(row.scenario_id)} className={`text-indigo-700 hover:underline ${focusRing}`}>{row.scenario_name}</Link>
                        </td>
                        <td className={numClasses}>{formatMs(row.p95_ms)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </Card>
          {overview.data.streaming && overview.data.streaming.total_runs > 0 && <StreamingKpis streaming={overview.data.streaming} />}
          <Card title="Recent runs">
            {overview.data.recent_runs.length === 0 ? (
              <EmptyState title="No runs yet">
                <Link to={paths.scenarios} className={`text-indigo-700 hover:underline ${focusRing}`}>Pick a scenario and run it.</Link>
              </EmptyState>
            ) : (
              <RunsTable runs={overview.data.recent_runs} label="Recent runs" />
            )}
          </Card>
        </div>
      )}
    </>
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

function percentileText(p: Percentiles | null): string {
  return p ? `${formatMs(p.p50)} / ${formatMs(p.p95)} / ${formatMs(p.p99)}` : '—';
}

/** LLM and other streaming runs: totals, success rate, E2E and TTFT percentiles over the last 7 days, the 10 latest. */
function StreamingKpis({ streaming }: { streaming: StreamingOverview }) {
  return (
    <Card title="Streaming runs (LLM, SSE)">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-4" data-testid="streaming-kpis">
        <Kpi label="Total runs" value={formatCount(streaming.total_runs)} />
        <Kpi label="Success rate" value={formatPercent(streaming.success_rate)} hint="runs that ended in the last 7 days" />
        <Kpi label="Total duration p50 / p95 / p99" value={percentileText(streaming.e2e_ms)} hint="E2E per request, last 7 days" />
        <Kpi label="TTFT p50 / p95 / p99" value={percentileText(streaming.ttft_ms)} hint="per request, last 7 days" />
      </div>
      <div className="mt-4">
        <RunsTable runs={streaming.recent_runs} label="Recent streaming runs" />
      </div>
    </Card>
  );
}
