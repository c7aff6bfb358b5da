import type { LatencySummary, StepResult } from '@/shared/api-client/types';
import { seriesOf, toPoint, type Series } from '@/shared/charts/chart-data';
import { threadsOf } from './thread-sweep';

export const STREAM_METRICS = ['ttft', 'itl', 'tpot', 'e2e'] as const;
export type StreamMetric = (typeof STREAM_METRICS)[number];
export const STREAM_PERCENTILES = ['p50', 'p90', 'p95', 'p99'] as const;
export type StreamPercentile = (typeof STREAM_PERCENTILES)[number];

export type TokenSource = 'usage' | 'counted' | 'mixed';

/** One step of a streaming run as the stream table shows it; a percentile is null when nothing was measured. */
export type StreamRow = {
  index: number;
  label: string;
  users: number | null;
  requests: number;
  errors: number;
  percentiles: Record<StreamMetric, Record<StreamPercentile, number | null>>;
  outputTokens: number;
  tokensPerSecond: number;
  goodput: number;
  goodRequests: number;
  tokenSource: TokenSource;
  /** Share of content events that came in one read with the one before (their ITL is 0); null without events. */
  coalescedShare: number | null;
  /** Output tokens per request (latencies.output_tokens, whose summary reads in tokens); null when not recorded. */
  outputTokensPerRequest: Record<'min' | 'p50' | 'p99' | 'max', number | null>;
  partial: boolean;
};

/** True when any step streamed (it has stream figures). */
export function isStreamingRun(steps: readonly StepResult[]): boolean {
  return steps.some((s) => s.stream != null && s.stream.streams > 0);
}

/** The engine's rule (StreamFigures.tokenSource): all from usage, none from usage, or both. */
export function tokenSourceOf(streams: number, usageStreams: number): TokenSource {
  return usageStreams === streams ? 'usage' : usageStreams === 0 ? 'counted' : 'mixed';
}

/** The chosen figures of a distribution, each null when it recorded nothing (or the figure is missing). */
function figures<K extends keyof LatencySummary>(summary: LatencySummary | undefined, keys: readonly K[]): Record<K, number | null> {
  const has = summary != null && summary.count > 0;
  return Object.fromEntries(keys.map((k) => [k, has ? toPoint(summary[k]) : null])) as Record<K, number | null>;
}

function percentiles(summary: LatencySummary | undefined): Record<StreamPercentile, number | null> {
  return figures(summary, STREAM_PERCENTILES);
}

/** A row per step that streamed, in step order. */
export function toStreamRows(steps: readonly StepResult[]): StreamRow[] {
  return [...steps]
    .filter((s) => s.stream != null)
    .sort((a, b) => a.index - b.index)
    .map((step) => {
      const stream = step.stream!;
      return {
        index: step.index,
        label: step.label,
        users: threadsOf(step.label),
        requests: step.requests,
        errors: step.errors,
        percentiles: {
          ttft: percentiles(step.latencies?.ttft?.summary),
          itl: percentiles(step.latencies?.itl?.summary),
          tpot: percentiles(step.latencies?.tpot?.summary),
          e2e: percentiles(step.latencies?.e2e?.summary),
        },
        outputTokens: stream.output_tokens,
        tokensPerSecond: stream.output_tokens_per_second,
        goodput: stream.goodput,
        goodRequests: stream.good_requests,
        tokenSource: tokenSourceOf(stream.streams, stream.usage_streams),
        coalescedShare: stream.content_events > 0 ? stream.coalesced_events / stream.content_events : null,
        outputTokensPerRequest: figures(step.latencies?.output_tokens?.summary, ['min', 'p50', 'p99', 'max'] as const),
        partial: step.partial === true,
      };
    });
}

/** TTFT and TPOT p95 against users, x ascending; steps without a user count left out, gaps as null. */
export function toStreamSweepColumns(rows: readonly StreamRow[]): { users: number[]; ttftP95: Series; tpotP95: Series } {
  const usable = rows.filter((r) => r.users !== null).sort((a, b) => a.users! - b.users!);
  return {
    users: usable.map((r) => r.users!),
    ttftP95: seriesOf(usable, (r) => r.percentiles.ttft.p95),
    tpotP95: seriesOf(usable, (r) => r.percentiles.tpot.p95),
  };
}
