import type { IngestedMessage, IngestorPoint, IngestorStats } from './ingestion-types';

export const ingestorTarget = {
  id: 9, name: 'Demo ingestor', kind: 'ingestor', url: 'http://127.0.0.1:8003', has_credentials: true,
  options: { sink: { url: 'jdbc:postgresql://127.0.0.1:5433/benchdeck_ingest', user: 'benchdeck_ingest', table: 'messages' } },
};

export function connectedStats(total: number, over: Partial<IngestorStats> = {}): IngestorStats {
  return {
    target_id: 9, status: 'connected', error: null, sampled_at: '2026-12-03T05:00:00Z', total_messages: total, queue_depth: 12,
    queue_waiting: 10, queue_unacknowledged: 2, queue_kind: 'postgres', throughput_msgs_per_s: 250, total_batches: 40,
    mean_batch_size: 12.5, e2e_p50_ms: 3, e2e_p95_ms: 8, e2e_p99_ms: 20, workers_alive: 2, simulations: [], ...over,
  };
}

export function points(n: number, { stored = true } = {}): IngestorPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    t: 1_764_738_000_000 + i * 1000, msgs_per_s: 100 + i, queue_depth: 5, total_messages: 1000 + i * 100, total_batches: 10 + i,
    mean_batch_size: 10, e2e_p95_ms: stored ? 5 : null, e2e_p99_ms: stored ? 9 : null,
  }));
}

export function message(n: number): IngestedMessage {
  return {
    id: `01a23a77-0000-7000-8000-${String(n).padStart(12, '0')}`, user_id: n, channel_id: 3, content: `hello ${n}`,
    created_at: '2026-12-03T05:00:00.000Z', inserted_at: '2026-12-03T05:00:00.010Z',
  };
}
