import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { useCurrentUser } from '@/shared/auth/current-user';
import { PageHeader } from '@/shared/components/layout-parts';
import { NotFound } from '@/shared/components/not-found';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { useIngestorMessages, useIngestorSeries, useIngestorStats, useIngestorTarget } from '../api/ingestion-api';
import type { IngestorStats } from '../api/ingestion-types';
import { IngestionCharts } from './ingestion-charts';
import { MessageFeed } from './message-feed';
import { SimulationPanel } from './simulation-panel';
import { StatCards } from './stat-cards';

function ConnectionBadge({ stats }: { stats: IngestorStats | undefined }) {
  const state = stats?.status ?? 'checking';
  const dot = state === 'connected' ? 'bg-green-500' : state === 'disconnected' ? 'bg-red-500' : 'bg-amber-400';
  const label = state === 'connected' ? 'Connected' : state === 'disconnected' ? 'Disconnected' : 'Checking…';
  return (
    <span role="status" data-testid="ingest-connection" data-state={state} title={stats?.error ?? undefined}
      className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium ring-1 ring-slate-200">
      <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${dot}`} />
      {label}
    </span>
  );
}

/**
 * One ingestor target: its four cards, the server-kept throughput and latency series (so the page never starts
 * blank), the newest 50 messages and burst simulations; everything asked of the server once a second.
 */
export function IngestionPage({ targetId }: { targetId: number }) {
  const target = useIngestorTarget(targetId);
  const isIngestor = target.data?.kind === 'ingestor';
  const stats = useIngestorStats(targetId, isIngestor);
  const series = useIngestorSeries(targetId, isIngestor);
  const messages = useIngestorMessages(targetId, isIngestor);
  const { can } = useCurrentUser();
  if (target.isError && target.error instanceof ApiError && target.error.status === 404) return <NotFound what="target" />;
  if (target.isPending) return <LoadingState label="Loading the ingestor…" />;
  if (target.isError) return <ErrorState error={target.error} onRetry={() => void target.refetch()} />;
  if (!isIngestor) {
    return <ErrorState error={new Error(`${target.data.name} is an ${target.data.kind} target, not an ingestor.`)} title="Not an ingestor" />;
  }
  const error = stats.data?.error ?? (stats.isError ? errorMessage(stats.error) : null);
  return (
    <div className="space-y-6">
      <PageHeader title={`Ingestion: ${target.data.name}`} actions={<ConnectionBadge stats={stats.data} />}>
        <p className="font-mono text-xs text-slate-500">{target.data.url}</p>
        {error && <p className="text-sm text-amber-700" data-testid="ingest-error">{error}</p>}
      </PageHeader>
      <StatCards stats={stats.data} />
      <IngestionCharts points={series.data?.points ?? []} loaded={series.data !== undefined} />
      <SimulationPanel targetId={targetId} simulations={stats.data?.simulations ?? []} mayRun={can('run')} />
      <MessageFeed messages={messages.data?.messages} error={messages.isError ? errorMessage(messages.error) : undefined} />
    </div>
  );
}
