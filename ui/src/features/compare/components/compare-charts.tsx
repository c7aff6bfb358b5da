import { useMemo, useState } from 'react';
import type uPlot from 'uplot';
import type { IntervalSnapshot, StepComparison } from '@/shared/api-client/types';
import { countPoints } from '@/shared/charts/chart-data';
import { sweepOptions, timeSeriesOptions, type ChartOptions } from '@/shared/charts/chart-options';
import { percentileTicks, toPercentileDistribution, xToPercentLabel } from '@/shared/charts/percentile-distribution';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { inputClasses } from '@/shared/components/field';
import { Card } from '@/shared/components/layout-parts';
import { EmptyState } from '@/shared/components/states';
import { formatMs } from '@/shared/format/format';
import { alignOnElapsed, distributionSeries, sweepColumns } from '../api/comparison-columns';

/** A colour per run, the baseline first. */
export const RUN_COLOURS = ['#4f46e5', '#dc2626', '#16a34a', '#d97706', '#0891b2'];

const perRun = (labels: readonly string[], unit: string) => labels.map((label, i) => ({ label, stroke: RUN_COLOURS[i % RUN_COLOURS.length], unit }));

/** Throughput and latency p99 of every run over elapsed time, overlaid (each run's clock from its own start). */
export function OverTimeCharts({ runLabels, intervals }: { runLabels: readonly string[]; intervals: readonly (readonly IntervalSnapshot[])[] }) {
  const key = runLabels.join('\n');
  const options = useMemo(() => {
    const labels = key.split('\n');
    return { throughput: timeSeriesOptions(perRun(labels, 'req/s'), 'req/s'), p99: timeSeriesOptions(perRun(labels, 'ms'), 'ms') };
  }, [key]);
  const data = useMemo(() => ({
    throughput: alignOnElapsed(intervals, (s) => s.throughput),
    p99: alignOnElapsed(intervals, (s) => s.p99),
  }), [intervals]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Throughput over time">
        <DrawnChart options={options.throughput} data={data.throughput} label="Throughput over time, per run" testId="compare-throughput" />
      </Card>
      <Card title="Latency p99 over time">
        <DrawnChart options={options.p99} data={data.p99} label="Latency p99 over time, per run" testId="compare-p99" />
      </Card>
    </div>
  );
}

/** Every run's latency by percentile on the log axis, for a step the reader picks. */
export function DistributionChart({ steps, runLabels }: { steps: readonly StepComparison[]; runLabels: readonly string[] }) {
  const [chosen, setChosen] = useState(() => steps.findIndex((s) => s.index < 0));
  const step = steps[chosen >= 0 ? chosen : 0];
  const data = useMemo(() => toPercentileDistribution(distributionSeries(step, runLabels)) as unknown as uPlot.AlignedData, [step, runLabels]);
  const maxX = (data[0] as Float64Array).length ? (data[0] as Float64Array)[(data[0] as Float64Array).length - 1] : 10_000;
  const labelKey = runLabels.join('\n');
  const options = useMemo<ChartOptions>(() => ({
    scales: { x: { time: false, distr: 3, log: 10, range: () => [2, maxX * 1.2] }, y: { range: (_u, _min, max) => [0, max * 1.05 || 1] } },
    axes: [
      { label: 'percentile', splits: () => percentileTicks(maxX), values: (_u, ticks) => ticks.map(xToPercentLabel) },
      { label: 'latency (ms)', size: 60 },
    ],
    series: [
      { label: 'percentile', value: (_u, v) => (v == null ? '—' : xToPercentLabel(v)) },
      ...labelKey.split('\n').map((label, i) => ({
        label, stroke: RUN_COLOURS[i % RUN_COLOURS.length], width: 1.5, spanGaps: true, points: { show: true, size: 5 },
        value: (_u: uPlot, v: number | null) => formatMs(v),
      })),
    ],
  }), [labelKey, maxX]);
  return (
    <Card title="Latency by percentile">
      {steps.length > 1 && (
        <label className="mb-2 flex items-center gap-2 text-sm text-slate-700">
          Step
          <select className={`${inputClasses} w-auto`} value={chosen >= 0 ? chosen : 0} onChange={(e) => setChosen(Number(e.target.value))}>
            {steps.map((s, i) => <option key={s.index} value={i}>{s.index < 0 ? s.label : `${s.index + 1} ${s.label}`}</option>)}
          </select>
        </label>
      )}
      <DrawnChart options={options} data={data} label="Latency by percentile, per run" testId="compare-distribution" />
    </Card>
  );
}

/** For a sweep (steps of different loads): throughput and p95/p99 against the load, a line per run. */
export function SweepCharts({ steps, runLabels }: { steps: readonly StepComparison[]; runLabels: readonly string[] }) {
  const key = runLabels.join('\n');
  const charts = useMemo(() => {
    const labels = key.split('\n');
    const throughput = sweepColumns(steps, 'throughput', labels.length);
    if (!throughput) return null;
    return {
      throughput,
      p95: sweepColumns(steps, 'latency.p95', labels.length)!,
      p99: sweepColumns(steps, 'latency.p99', labels.length)!,
      options: {
        throughput: sweepOptions('load', perRun(labels, '/s'), 'per second'),
        p95: sweepOptions('load', perRun(labels, 'ms'), 'ms'),
        p99: sweepOptions('load', perRun(labels, 'ms'), 'ms'),
      },
    };
  }, [steps, key]);
  if (!charts) return null;
  return (
    <div className="grid gap-6 lg:grid-cols-3" data-testid="sweep-charts">
      <Card title="Throughput against load">
        <DrawnChart options={charts.options.throughput} data={charts.throughput} label="Throughput against the step's load, per run" testId="compare-sweep-throughput" />
      </Card>
      <Card title="p95 against load">
        <DrawnChart options={charts.options.p95} data={charts.p95} label="Latency p95 against the step's load, per run" testId="compare-sweep-p95" />
      </Card>
      <Card title="p99 against load">
        <DrawnChart options={charts.options.p99} data={charts.p99} label="Latency p99 against the step's load, per run" testId="compare-sweep-p99" />
      </Card>
    </div>
  );
}

/** A chart only when it has a point to draw: an empty frame says nothing. */
function DrawnChart({ data, ...chart }: { options: ChartOptions; data: uPlot.AlignedData; label: string; testId: string }) {
  if (countPoints(data) === 0) return <EmptyState title="Nothing to plot">None of the runs measured this.</EmptyState>;
  return <UPlotChart data={data} {...chart} />;
}
