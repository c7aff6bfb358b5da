import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card } from '@/shared/components/layout-parts';
import { formatDuration } from '@/shared/format/format';
import { hasPoolGauges, latestPoolGauges, toPoolColumns } from '../api/pool-columns';

const poolOptions: Omit<uPlot.Options, 'width' | 'height'> = {
  scales: { x: { time: false } },
  axes: [{ label: 'elapsed', values: (_u, ticks) => ticks.map((t) => formatDuration(t)) }, { label: 'connections', size: 50 }],
  series: [
    { label: 'elapsed', value: (_u, v) => (v == null ? '—' : formatDuration(v)) },
    { label: 'active', stroke: '#4f46e5', width: 1.5 },
    { label: 'idle', stroke: '#16a34a', width: 1.5 },
    { label: 'waiting', stroke: '#dc2626', width: 1.5 },
    { label: 'total', stroke: '#64748b', width: 1.5, dash: [4, 4] },
  ],
  legend: { live: true },
};

/** The connection pool over time (active, idle, threads waiting, total) and its current state. */
export const PoolGauges = memo(function PoolGauges({ intervals }: { intervals: readonly IntervalSnapshot[] }) {
  const data = useMemo(() => {
    const c = toPoolColumns(intervals);
    return [c.elapsed, c.active, c.idle, c.waiting, c.total] as uPlot.AlignedData;
  }, [intervals]);
  if (!hasPoolGauges(intervals)) return null;
  const latest = latestPoolGauges(intervals);
  return (
    <Card title="Connection pool" testId="pool-gauges">
      {latest && (
        <p className="mb-2 text-sm tabular-nums text-slate-700" data-testid="pool-latest">
          active {latest['pool.active']} · idle {latest['pool.idle']} · waiting {latest['pool.waiting']} · total {latest['pool.total']}
        </p>
      )}
      <UPlotChart options={poolOptions} data={data} label="Connection pool over time" testId="live-pool-chart" />
    </Card>
  );
});
