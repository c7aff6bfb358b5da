import { formatCount, formatNumber } from '@/shared/format/format';
import type { IngestorStats } from '../api/ingestion-types';

function StatCard({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid={testId}>{value}</dd>
      {detail && <dd className="mt-1 text-xs text-slate-500" data-testid={`${testId}-detail`}>{detail}</dd>}
    </div>
  );
}

/** The seed's four cards: total messages, queue depth, throughput and total batches with their mean size. */
export function StatCards({ stats }: { stats: IngestorStats | undefined }) {
  const connected = stats?.status === 'connected';
  const queueDetail = connected && stats.queue_waiting != null
    ? `${formatCount(stats.queue_waiting)} waiting, ${formatCount(stats.queue_unacknowledged)} unacknowledged (${stats.queue_kind ?? '?'} queue)` : undefined;
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label="Ingestor figures">
      <StatCard label="Total messages" value={connected ? formatCount(stats.total_messages) : '—'} testId="ingest-total" />
      <StatCard label="Queue depth" value={connected ? formatCount(stats.queue_depth) : '—'} detail={queueDetail} testId="ingest-queue-depth" />
      <StatCard label="Throughput" value={connected ? `${formatNumber(stats.throughput_msgs_per_s)} msg/s` : '—'}
        detail="rows committed in the ingestor's last second" testId="ingest-throughput" />
      <StatCard label="Total batches" value={connected ? formatCount(stats.total_batches) : '—'}
        detail={connected ? `mean batch size ${formatNumber(stats.mean_batch_size)}` : undefined} testId="ingest-batches" />
    </dl>
  );
}
