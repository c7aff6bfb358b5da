import { useMemo } from 'react';
import type uPlot from 'uplot';
import { countPoints } from '@/shared/charts/chart-data';
import { legendValue, type ChartOptions } from '@/shared/charts/chart-options';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card } from '@/shared/components/layout-parts';
import { CHART_POINTS, latencyData, throughputData } from '../api/ingestion-series';
import type { IngestorPoint } from '../api/ingestion-types';

/** Wall-clock x (the server's samples are seconds of real time, kept across reloads), two lines. */
function clockOptions(left: { label: string; stroke: string; unit: string }, right: { label: string; stroke: string; unit: string },
  yLabel: string): ChartOptions {
  return {
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Number.isFinite(max) ? max * 1.1 : 1)] } },
    axes: [{}, { label: yLabel, size: 60 }],
    series: [
      {},
      { label: left.label, stroke: left.stroke, width: 1.5, value: legendValue(left.unit) },
      { label: right.label, stroke: right.stroke, width: 1.5, value: legendValue(right.unit) },
    ],
    legend: { live: true },
  };
}

function Chart({ label, title, options, data, empty }: { label: string; title: string; options: ChartOptions; data: uPlot.AlignedData; empty: string }) {
  const drawn = countPoints(data) > 0;
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      {drawn ? (
        <UPlotChart options={options} data={data} label={label} height={200} />
      ) : (
        <p className="flex h-[200px] items-center justify-center rounded-md bg-slate-50 text-sm text-slate-500" data-testid={`${label}-empty`}>
          {empty}
        </p>
      )}
    </figure>
  );
}

/** Throughput with queue depth, and e2e p95/p99, over the server's last {@link CHART_POINTS} seconds. */
export function IngestionCharts({ points, loaded }: { points: readonly IngestorPoint[]; loaded: boolean }) {
  const throughputOptions = useMemo(() => clockOptions({ label: 'throughput', stroke: '#4f46e5', unit: 'msg/s' },
    { label: 'queue depth', stroke: '#f59e0b', unit: 'msgs' }, 'msg/s · msgs'), []);
  const latencyOptions = useMemo(() => clockOptions({ label: 'e2e p95', stroke: '#6366f1', unit: 'ms' },
    { label: 'e2e p99', stroke: '#ef4444', unit: 'ms' }, 'ms'), []);
  const throughput = useMemo(() => throughputData(points), [points]);
  const latency = useMemo(() => latencyData(points), [points]);
  return (
    <Card title={`Last ${CHART_POINTS} seconds (sampled by the server each second)`}>
      <div className="grid gap-4 lg:grid-cols-2">
        <Chart label="ingest-throughput" title="Throughput and queue depth" options={throughputOptions} data={throughput}
          empty={loaded ? 'Waiting for the server’s first sample of the ingestor…' : 'Loading the series…'} />
        <Chart label="ingest-latency" title="End-to-end latency (created → stored), p95 and p99" options={latencyOptions} data={latency}
          empty={loaded ? `No message stored in the last ${CHART_POINTS} seconds.` : 'Loading the series…'} />
      </div>
    </Card>
  );
}
