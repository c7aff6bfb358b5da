import { useMemo } from 'react';
import { countPoints } from '@/shared/charts/chart-data';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { timeSeriesOptions } from '@/shared/charts/chart-options';
import { Card, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatCount, formatMs, formatPercent } from '@/shared/format/format';
import { stageData, type GatewayHistory } from '../api/gateway-history';
import { STAGE_LABELS, STAGES, type ConnectionState, type GatewayStatus, type StageKey } from '../api/gateway-types';

const CONNECTION_STYLES: Record<ConnectionState, { label: string; dot: string }> = {
  connected: { label: 'Connected', dot: 'bg-green-500' },
  disconnected: { label: 'Disconnected', dot: 'bg-red-500' },
  checking: { label: 'Checking…', dot: 'bg-amber-400' },
};

export function ConnectionBadge({ connection, error }: { connection: ConnectionState; error?: string | null }) {
  const style = CONNECTION_STYLES[connection];
  return (
    <span role="status" data-testid="gateway-connection" data-state={connection}
      className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium ring-1 ring-slate-200" title={error ?? undefined}>
      <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${style.dot}`} />
      {style.label}
    </span>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** Active streams, cache hit ratio, rate-limited and failover counts, requests, Redis and each provider's circuit. */
export function GatewayFigures({ status }: { status: GatewayStatus | null }) {
  const stats = status?.stats;
  const providers = stats?.providers ?? status?.health?.providers ?? {};
  const redis = status?.health?.redis;
  return (
    <Card title="Now">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Active streams" value={formatCount(stats?.active_streams ?? status?.health?.active_streams)} testId="gateway-active-streams" />
        <Figure label="Cache hit ratio" value={formatPercent(stats?.cache?.hit_ratio)} testId="gateway-cache-hit-ratio" />
        <Figure label="Rate limited" value={formatCount(stats?.rate_limited)} testId="gateway-rate-limited" />
        <Figure label="Failovers" value={formatCount(stats?.failovers)} testId="gateway-failovers" />
        <Figure label="Requests completed" value={formatCount(stats?.requests?.completed)} />
        <Figure label="Requests failed" value={formatCount(stats?.requests?.failed)} />
        <Figure label="Queue waits" value={formatCount(stats?.queue?.waits)} />
        <Figure label="Redis" value={!redis ? '—' : !redis.configured ? 'not configured' : redis.reachable ? 'reachable' : 'unreachable'} />
      </dl>
      <h3 className="mt-4 mb-2 text-sm font-medium text-slate-700">Circuits</h3>
      {Object.keys(providers).length === 0 ? (
        <p className="text-sm text-slate-500">No provider figures yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Circuit states">
          {Object.entries(providers).map(([name, p]) => (
            <li key={name} data-testid={`circuit-${name}`} className={`rounded-md px-2 py-1 text-sm ring-1 ${p.circuit === 'closed'
              ? 'bg-green-50 text-green-800 ring-green-200' : p.circuit === 'open' ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-amber-50 text-amber-800 ring-amber-200'}`}>
              {name} ({p.type}): {p.circuit.replace('_', '-')}
              {p.attempts !== undefined && <span className="text-xs"> · {formatCount(p.served)} served, {formatCount(p.failures)} failed</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Count, mean and percentiles of each stage since the gateway started. */
export function StageTable({ status }: { status: GatewayStatus | null }) {
  const stages = status?.stats?.stages ?? {};
  return (
    <Card title="Execution stats by stage (since the gateway started)">
      <TableScroll label="Execution stats by stage">
        <table className={tableClasses}>
          <thead>
            <tr>
              {['Stage', 'Count', 'Mean', 'p50', 'p90', 'p95', 'p99'].map((h) => <th key={h} className={thClasses}>{h}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {STAGES.map((stage) => {
              const s = stages[stage];
              return (
                <tr key={stage} data-testid={`stage-row-${stage}`}>
                  <td className={`${tdClasses} font-medium`}>{STAGE_LABELS[stage]}</td>
                  <td className={tdClasses}>{formatCount(s?.count)}</td>
                  {(['mean_ms', 'p50_ms', 'p90_ms', 'p95_ms', 'p99_ms'] as const).map((k) => (
                    <td key={k} className={`${tdClasses} tabular-nums`}>{s && s.count > 0 ? formatMs(s[k]) : '—'}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}

function StageChart({ stage, history }: { stage: StageKey; history: GatewayHistory }) {
  const options = useMemo(() => timeSeriesOptions([
    { label: 'p50', stroke: '#6366f1', unit: 'ms' },
    { label: 'p99', stroke: '#ef4444', unit: 'ms' },
  ], 'ms'), []);
  const data = useMemo(() => stageData(history, stage), [history, stage]);
  const drawn = useMemo(() => countPoints(data) > 0, [data]);
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{STAGE_LABELS[stage]}</figcaption>
      {drawn ? (
        <UPlotChart options={options} data={data} label={`gateway-stage-${stage}`} height={160} />
      ) : (
        // a stage no request reached while this page watched (e.g. the cache with caching off) has nothing to draw
        <p className="flex h-40 items-center justify-center rounded-md bg-slate-50 text-sm text-slate-500" data-testid={`stage-idle-${stage}`}>
          No request through this stage yet.
        </p>
      )}
    </figure>
  );
}

/** Each stage's p50 and p99 over the gateway's recent window, one point a second since this page opened. */
export function StageCharts({ history }: { history: GatewayHistory }) {
  return (
    <Card title="Stage times, live (p50 and p99 of the gateway's last seconds)">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {STAGES.map((stage) => <StageChart key={stage} stage={stage} history={history} />)}
      </div>
    </Card>
  );
}
