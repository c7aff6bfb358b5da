import { Link } from 'react-router';
import type { Agent } from '@/shared/api-client/types';
import { focusRing } from '@/shared/components/button';
import { Card, numClasses, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatAgo, formatBytes, formatDateTime, formatMs } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { AGENTS_REFRESH_MS, useAgents } from '../api/agents';

/** The registered load agents (docs/agents.md), refreshed every 2 s: who is online, what each runs. */
export function AgentsPage() {
  const agents = useAgents();
  return (
    <>
      <PageHeader title="Agents">
        Load agents that runs with <code className="font-mono text-xs">agents:</code> in their plan are split over; online while
        their last heartbeat is under 5 s old. Refreshed every {AGENTS_REFRESH_MS / 1000} s.
      </PageHeader>
      <Card>
        {agents.isPending ? (
          <LoadingState label="Loading agents…" />
        ) : agents.isError ? (
          <ErrorState error={agents.error} onRetry={() => void agents.refetch()} title="Could not load the agents." />
        ) : agents.data.length === 0 ? (
          <NoAgents />
        ) : (
          <AgentsTable agents={agents.data} now={agents.dataUpdatedAt} />
        )}
      </Card>
    </>
  );
}

function NoAgents() {
  return (
    <div data-testid="agents-empty">
      <EmptyState title="No agent has registered yet">
        <p>Start one on each machine that should generate load, with an API token of scope <strong>run</strong> (Account → API tokens):</p>
        <pre className="mx-auto mt-3 w-fit max-w-full overflow-x-auto rounded bg-slate-900 p-3 text-left font-mono text-xs text-slate-100">
          benchdeck agent --server {window.location.origin} --token YOUR_TOKEN --name eu-1 --label region=eu
        </pre>
        <p className="mt-3">
          It shows here within a second. A plan then asks for agents with <code className="font-mono">agents: 2</code> (or{' '}
          <code className="font-mono">{'agents: {count: 2, labels: {region: eu}}'}</code>); see docs/agents.md.
        </p>
        <p className="mt-2"><Link to="/account" className={`text-indigo-700 hover:underline ${focusRing}`}>Make a token</Link></p>
      </EmptyState>
    </div>
  );
}

function AgentsTable({ agents, now }: { agents: readonly Agent[]; now: number }) {
  return (
    <TableScroll label="Agents">
      <table className={tableClasses} data-testid="agents-table">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Status</th>
            <th scope="col" className={thClasses}>Name</th>
            <th scope="col" className={thClasses}>Labels</th>
            <th scope="col" className={`${thClasses} text-right`}>Cores</th>
            <th scope="col" className={`${thClasses} text-right`}>Memory</th>
            <th scope="col" className={thClasses}>Version</th>
            <th scope="col" className={thClasses}>Running</th>
            <th scope="col" className={thClasses}>Last heartbeat</th>
            <th scope="col" className={`${thClasses} text-right`} title="The server's clock minus the agent's, measured over the shortest of eight round trips">Clock offset</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map((agent) => (
            <tr key={agent.id} data-testid="agent-row" data-agent={agent.name} data-online={agent.online}>
              <td className={tdClasses}><OnlineBadge online={agent.online} /></td>
              <th scope="row" className={`${tdClasses} text-left font-medium`}>{agent.name}</th>
              <td className="px-3 py-2"><Labels labels={agent.labels} /></td>
              <td className={numClasses}>{agent.cores}</td>
              <td className={numClasses}>{formatBytes(agent.memory_bytes)}</td>
              <td className={`${tdClasses} font-mono text-xs`}>{agent.version}</td>
              <td className={tdClasses} data-testid="agent-current-run">
                {agent.current_run == null ? (
                  <span className="text-slate-400">idle</span>
                ) : (
                  <>
                    <Link to={paths.run(agent.current_run)} className={`text-indigo-700 hover:underline ${focusRing}`}>Run #{agent.current_run}</Link>
                    {agent.current_shard != null && <span className="text-slate-500"> · shard {agent.current_shard + 1}</span>}
                  </>
                )}
              </td>
              <td className={tdClasses} title={formatDateTime(agent.last_heartbeat)} data-testid="agent-heartbeat">{formatAgo(agent.last_heartbeat, now)}</td>
              <td className={numClasses} title={agent.round_trip_ms == null ? undefined : `measured over a ${formatMs(agent.round_trip_ms)} round trip`}>
                {formatOffset(agent.clock_offset_ms)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** An offset with its sign, since either clock may be ahead: `+0.412 ms`, `-3.10 ms`. */
function formatOffset(ms: number | null): string {
  if (ms == null) return formatMs(ms);
  return `${ms > 0 ? '+' : ms < 0 ? '-' : ''}${formatMs(Math.abs(ms))}`;
}

function OnlineBadge({ online }: { online: boolean }) {
  return (
    <span data-testid="agent-online" className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
      online ? 'bg-green-50 text-green-700 ring-green-300' : 'bg-slate-100 text-slate-600 ring-slate-300'}`}>
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${online ? 'bg-green-600' : 'bg-slate-400'}`} />
      {online ? 'online' : 'offline'}
    </span>
  );
}

function Labels({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {entries.map(([key, value]) => (
        <li key={key} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{key}={value}</li>
      ))}
    </ul>
  );
}
