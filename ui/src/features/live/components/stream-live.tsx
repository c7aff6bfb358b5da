import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { timeSeriesOptions } from '@/shared/charts/chart-options';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card } from '@/shared/components/layout-parts';
import { formatCount } from '@/shared/format/format';
import { isStreamingIntervals, streamCounters, toStreamColumns } from '../api/stream-columns';

const ttftOptions = timeSeriesOptions([{ label: 'TTFT p50', stroke: '#16a34a', unit: 'ms' }, { label: 'TTFT p99', stroke: '#dc2626', unit: 'ms' }], 'ms');
const tokensOptions = timeSeriesOptions([{ label: 'tokens/s', stroke: '#4f46e5', unit: 'tokens/s' }], 'tokens/s');

/** Live counters (active, completed, failed, total tokens) and TTFT / tokens-per-second over time, for runs that stream. */
export const StreamLive = memo(function StreamLive({ intervals }: { intervals: readonly IntervalSnapshot[] }) {
  const data = useMemo(() => {
    const c = toStreamColumns(intervals);
    return { ttft: [c.elapsed, c.ttftP50, c.ttftP99] as uPlot.AlignedData, tokens: [c.elapsed, c.tokensPerSecond] as uPlot.AlignedData };
  }, [intervals]);
  if (!isStreamingIntervals(intervals)) return null;
  const counters = streamCounters(intervals);
  return (
    <div className="space-y-4" data-testid="stream-live">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Live stream counters">
        <Counter label="Active" value={counters.active} testId="counter-active" />
        <Counter label="Completed" value={counters.completed} testId="counter-completed" />
        <Counter label="Failed" value={counters.failed} testId="counter-failed" />
        <Counter label="Total tokens" value={counters.totalTokens} testId="counter-tokens" />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="TTFT p50 / p99">
          <UPlotChart options={ttftOptions} data={data.ttft} label="Time to first token over time" testId="live-ttft-chart" />
        </Card>
        <Card title="Output tokens per second">
          <UPlotChart options={tokensOptions} data={data.tokens} label="Output tokens per second over time" testId="live-tokens-chart" />
        </Card>
      </div>
    </div>
  );
});

function Counter({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>{formatCount(value)}</dd>
    </div>
  );
}
