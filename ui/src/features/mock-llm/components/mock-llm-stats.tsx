import { ErrorState, LoadingState } from '@/shared/components/states';
import { formatCount } from '@/shared/format/format';
import { useMockLlmStats } from '../api/mock-llm';

/** The mock's count of its own settings and statistics requests: not traffic, so not listed. */
const CONTROL = 'control';

/** What the mock has answered since it started, polled every 2 s. */
export function MockLlmStatsView() {
  const stats = useMockLlmStats(true);
  return (
    <section aria-label="Mock LLM statistics" data-testid="mock-llm-stats">
      <h3 className="mb-2 text-sm font-semibold text-slate-800">Live statistics</h3>
      {stats.isPending ? (
        <LoadingState label="Loading statistics…" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} title="Could not load the statistics." />
      ) : (
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Streams open now</dt>
          <dd className="text-right tabular-nums font-medium" data-testid="mock-active-streams">{formatCount(stats.data.active_streams)}</dd>
          <dt className="text-slate-600">Most streams at once</dt>
          <dd className="text-right tabular-nums">{formatCount(stats.data.peak_active_streams)}</dd>
          <dt className="text-slate-600">Requests</dt>
          <dd className="text-right tabular-nums" data-testid="mock-total-requests">{formatCount(stats.data.total_requests)}</dd>
          {Object.entries(stats.data.outcomes ?? {}).filter(([outcome, count]) => count > 0 && outcome !== CONTROL).map(([outcome, count]) => (
            <div key={outcome} className="contents">
              <dt className="pl-3 text-slate-500">{outcome.replace(/_/g, ' ')}</dt>
              <dd className="text-right tabular-nums text-slate-700">{formatCount(count)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
