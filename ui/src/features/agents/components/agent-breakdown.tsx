import { Fragment, useMemo } from 'react';
import type uPlot from 'uplot';
import { countPoints, seriesOf } from '@/shared/charts/chart-data';
import { barOptions } from '@/shared/charts/bar-options';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card, numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState } from '@/shared/components/states';
import { formatCount, formatDateTime, formatMs, formatPercent, formatRate } from '@/shared/format/format';
import { shardFigures, useRunShards, type RunShard, type ShardStatus } from '../api/run-shards';

/**
 * The per-agent breakdown of a run split over agents: each shard's status and its own figures, and a bar
 * per agent. Draws nothing for a run on the server (no shards), a run on one agent that went well, or while the
 * breakdown loads.
 */
export function AgentBreakdown({ runId, runActive }: { runId: number; runActive: boolean }) {
  const shards = useRunShards(runId, runActive);
  if (shards.isError) {
    return (
      <Card title="Per-agent breakdown" testId="agent-breakdown">
        <ErrorState error={shards.error} onRetry={() => void shards.refetch()} title="Could not load the per-agent breakdown." />
      </Card>
    );
  }
  if (!shards.data || !worthShowing(shards.data)) return null;
  return <AgentBreakdownView shards={shards.data} />;
}

/**
 * A run on one agent (the server's local agent runs every plan without `agents`) has nothing to break down: its
 * figures are the agent's own. Shown only for several shards, or for the one shard that was lost or failed.
 */
function worthShowing(shards: readonly RunShard[]): boolean {
  return shards.some((s) => s.shard_count > 1 || s.status === 'lost' || s.status === 'failed');
}

function AgentBreakdownView({ shards }: { shards: readonly RunShard[] }) {
  const lost = shards.filter((s) => s.status === 'lost').length;
  return (
    <Card title="Per-agent breakdown" testId="agent-breakdown">
      <p className="mb-3 text-sm text-slate-600">
        {shards.length} {shards.length === 1 ? 'agent' : 'agents'}, each measuring its own share; the run's figures merge their histograms exactly.
        {lost > 0 && <span className="text-orange-800"> {lost} lost: the run keeps what {lost === 1 ? 'it' : 'they'} sent before.</span>}
      </p>
      <ShardTable shards={shards} />
      <ShardCharts shards={shards} />
    </Card>
  );
}

const statusColours: Record<ShardStatus, string> = {
  assigned: 'bg-slate-100 text-slate-700 ring-slate-300',
  running: 'bg-blue-50 text-blue-700 ring-blue-300',
  finished: 'bg-green-50 text-green-700 ring-green-300',
  failed: 'bg-red-50 text-red-700 ring-red-300',
  lost: 'bg-orange-50 text-orange-800 ring-orange-300',
};

const FIGURE_COLUMNS = ['Requests', 'Throughput', 'p50', 'p99', 'Error rate'];

function ShardTable({ shards }: { shards: readonly RunShard[] }) {
  return (
    <TableScroll label="Per-agent breakdown">
      <table className={tableClasses} data-testid="shard-table">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Agent</th>
            <th scope="col" className={thClasses}>Shard</th>
            <th scope="col" className={thClasses}>Status</th>
            <th scope="col" className={thClasses}>Ended</th>
            {FIGURE_COLUMNS.map((label) => <th key={label} scope="col" className={`${thClasses} text-right`}>{label}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shards.map((shard) => {
            const figures = shardFigures(shard);
            return (
              <Fragment key={shard.shard_index}>
                <tr data-testid="shard-row" data-agent={shard.agent_name} data-status={shard.status}>
                  <th scope="row" className={`${tdClasses} text-left font-medium`}>{shard.agent_name}</th>
                  <td className={tdClasses}>{shard.shard_index + 1} of {shard.shard_count}</td>
                  <td className={tdClasses}>
                    <span data-testid="shard-status" className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusColours[shard.status] ?? statusColours.assigned}`}>
                      {shard.status}
                    </span>
                  </td>
                  <td className={tdClasses} data-testid="shard-ended">
                    {shard.status === 'lost' ? `lost at ${formatDateTime(shard.ended_at)}` : formatDateTime(shard.ended_at)}
                  </td>
                  <td className={numClasses}>{formatCount(figures.requests)}</td>
                  <td className={numClasses}>{formatRate(figures.throughput)}</td>
                  <td className={numClasses}>{formatMs(figures.p50Ms)}</td>
                  <td className={numClasses}>{formatMs(figures.p99Ms)}</td>
                  <td className={numClasses}>{formatPercent(figures.errorRate)}</td>
                </tr>
                {shard.failure && (
                  <tr>
                    <td colSpan={4 + FIGURE_COLUMNS.length} className="px-3 pb-2 text-xs text-red-700" data-testid="shard-failure">{shard.failure}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Throughput and p99 per agent, a bar each; an agent without figures yet (or lost) has no bar. */
function ShardCharts({ shards }: { shards: readonly RunShard[] }) {
  // the options are rebuilt only when the agents change, not on every refresh of their figures
  const names = shards.map((s) => s.agent_name).join('\u0000');
  const options = useMemo(() => {
    const categories = names.split('\u0000');
    return {
      throughput: barOptions('agent', categories, { label: 'throughput', stroke: '#4f46e5', unit: 'req/s' }, 'req/s'),
      p99: barOptions('agent', categories, { label: 'p99', stroke: '#dc2626', unit: 'ms' }, 'ms'),
    };
  }, [names]);
  const data = useMemo(() => {
    const x = shards.map((_, i) => i);
    const figures = shards.map(shardFigures);
    return {
      throughput: [x, seriesOf(figures, (f) => f.throughput)] as uPlot.AlignedData,
      p99: [x, seriesOf(figures, (f) => f.p99Ms)] as uPlot.AlignedData,
    };
  }, [shards]);
  if (countPoints(data.throughput) + countPoints(data.p99) === 0) {
    return <div className="mt-4"><EmptyState title="No agent has finished yet">A bar appears for each agent when it ends with its result.</EmptyState></div>;
  }
  return (
    <div className="mt-4 grid gap-6 lg:grid-cols-2">
      <div>
        <h3 className="mb-2 text-sm font-medium text-slate-700">Throughput per agent</h3>
        <UPlotChart options={options.throughput} data={data.throughput} height={180} label="Throughput per agent" testId="agent-throughput-chart" />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-medium text-slate-700">p99 latency per agent</h3>
        <UPlotChart options={options.p99} data={data.p99} height={180} label="p99 latency per agent" testId="agent-p99-chart" />
      </div>
    </div>
  );
}
