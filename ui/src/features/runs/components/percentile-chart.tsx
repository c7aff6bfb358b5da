import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { StepResult } from '@/shared/api-client/types';
import { percentileTicks, toPercentileDistribution, xToPercentLabel, type PercentileSeries } from '@/shared/charts/percentile-distribution';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { EmptyState } from '@/shared/components/states';
import { formatMs } from '@/shared/format/format';

const PALETTE = ['#4f46e5', '#16a34a', '#d97706', '#dc2626', '#0891b2', '#9333ea', '#db2777', '#65a30d'];

/** Latency by percentile on HdrHistogram's log axis, one line per step (and overall). */
export const PercentileChart = memo(function PercentileChart({ steps, overall }: { steps: readonly StepResult[]; overall: StepResult | null }) {
  const series: PercentileSeries[] = useMemo(() => {
    const withLatency = steps.filter((s) => s.latencies?.latency?.summary?.count);
    const list = withLatency.map((s) => ({ label: s.label || `step ${s.index + 1}`, summary: s.latencies.latency.summary }));
    if (list.length !== 1 && overall?.latencies?.latency?.summary?.count) {
      list.push({ label: 'all steps', summary: overall.latencies.latency.summary });
    }
    return list;
  }, [steps, overall]);

  const data = useMemo(() => toPercentileDistribution(series) as unknown as uPlot.AlignedData, [series]);
  const labels = series.map((s) => s.label).join('\n');
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    const xs = data[0] as Float64Array;
    const maxX = xs.length ? xs[xs.length - 1] : 10_000;
    return {
      scales: { x: { time: false, distr: 3, log: 10, range: () => [2, maxX * 1.2] }, y: { range: (_u, _min, max) => [0, max * 1.05 || 1] } },
      axes: [
        { label: 'percentile', splits: () => percentileTicks(maxX), values: (_u, ticks) => ticks.map(xToPercentLabel) },
        { label: 'latency (ms)', size: 60 },
      ],
      series: [
        { label: 'percentile', value: (_u, v) => (v == null ? '—' : xToPercentLabel(v)) },
        ...labels.split('\n').map((label, i) => ({
          label, stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true,
          points: { show: true, size: 5 },
          value: (_u: uPlot, v: number | null) => formatMs(v),
        })),
      ],
    };
    // Rebuilt only when the set of series or the axis extent changes.
  }, [labels, data]);

  if (series.length === 0) {
    return (
      <div data-testid="percentile-chart">
        <EmptyState title="No latency distribution yet">It appears when a step has finished.</EmptyState>
      </div>
    );
  }
  return <UPlotChart options={options} data={data} label="Latency by percentile" testId="percentile-chart" height={260} />;
});
