import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { timeSeriesOptions } from '@/shared/charts/chart-options';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card } from '@/shared/components/layout-parts';
import { EmptyState } from '@/shared/components/states';
import { toIntervalColumns } from '../api/interval-columns';

// Options are module constants: the charts are built once and only fed new data afterwards.
const throughputOptions = timeSeriesOptions([{ label: 'throughput', stroke: '#4f46e5', unit: 'req/s' }], 'req/s');
const latencyOptions = timeSeriesOptions(
  [
    { label: 'p50', stroke: '#16a34a', unit: 'ms' },
    { label: 'p90', stroke: '#d97706', unit: 'ms' },
    { label: 'p99', stroke: '#dc2626', unit: 'ms' },
  ],
  'ms',
);
const errorOptions = timeSeriesOptions(
  [
    { label: 'errors', stroke: '#dc2626', unit: '' },
    { label: 'dropped', stroke: '#9333ea', unit: '' },
  ],
  'per interval',
  { counts: true },
);
const concurrencyOptions = timeSeriesOptions(
  [
    { label: 'in flight', stroke: '#0891b2', unit: '' },
    { label: 'users', stroke: '#64748b', unit: '' },
  ],
  'count',
  { counts: true },
);

/** Throughput, latency, errors and concurrency over time; the columns are built once per update. */
export const LiveCharts = memo(function LiveCharts({ intervals }: { intervals: readonly IntervalSnapshot[] }) {
  const data = useMemo(() => {
    const c = toIntervalColumns(intervals);
    return {
      throughput: [c.elapsed, c.throughput] as uPlot.AlignedData,
      latency: [c.elapsed, c.p50, c.p90, c.p99] as uPlot.AlignedData,
      errors: [c.elapsed, c.errors, c.dropped] as uPlot.AlignedData,
      concurrency: [c.elapsed, c.inFlight, c.users] as uPlot.AlignedData,
    };
  }, [intervals]);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {intervals.length === 0 && (
        <div className="lg:col-span-2">
          <EmptyState title="No intervals yet">Charts fill in once the run reports its first second.</EmptyState>
        </div>
      )}
      <Card title="Throughput">
        <UPlotChart options={throughputOptions} data={data.throughput} label="Throughput over time" testId="live-throughput-chart" />
      </Card>
      <Card title="Latency p50 / p90 / p99">
        <UPlotChart options={latencyOptions} data={data.latency} label="Latency percentiles over time" testId="live-latency-chart" />
      </Card>
      <Card title="Errors and dropped">
        <UPlotChart options={errorOptions} data={data.errors} label="Errors over time" testId="live-errors-chart" />
      </Card>
      <Card title="In flight and users">
        <UPlotChart options={concurrencyOptions} data={data.concurrency} label="Requests in flight and users over time" testId="live-concurrency-chart" />
      </Card>
    </div>
  );
});
