import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { timeSeriesOptions } from '@/shared/charts/chart-options';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card } from '@/shared/components/layout-parts';
import { hasPoolGauges, latestPoolGauges, toPoolColumns } from '../api/pool-columns';

const poolOptions = timeSeriesOptions(
  [
    { label: 'active', stroke: '#4f46e5', unit: '' },
    { label: 'idle', stroke: '#16a34a', unit: '' },
    { label: 'waiting', stroke: '#dc2626', unit: '' },
    { label: 'total', stroke: '#64748b', unit: '', dash: [4, 4] },
  ],
  'connections',
  { counts: true },
);

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
