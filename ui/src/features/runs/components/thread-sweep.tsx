import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { StepResult } from '@/shared/api-client/types';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card, numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatCount, formatDuration, formatMs, formatPercent } from '@/shared/format/format';
import { toSweepColumns, toThreadRows, type ThreadRow } from '../api/thread-sweep';

const COLUMNS: [string, (r: ThreadRow) => string][] = [
  ['Duration', (r) => formatDuration(r.durationSeconds)],
  ['Total ops', (r) => formatCount(r.totalOps)],
  ['ops/s', (r) => formatCount(r.opsPerSecond)],
  ['avg', (r) => formatMs(r.avgMs)],
  ['p50', (r) => formatMs(r.p50Ms)],
  ['p95', (r) => formatMs(r.p95Ms)],
  ['p99', (r) => formatMs(r.p99Ms)],
  ['max', (r) => formatMs(r.maxMs)],
  ['Errors', (r) => formatCount(r.errors)],
  ['Error rate', (r) => formatPercent(r.errorRate)],
];

/** A database run's results: one row per thread count. */
export function ThreadSweepTable({ steps }: { steps: readonly StepResult[] }) {
  const rows = toThreadRows(steps);
  return (
    <TableScroll label="Results per thread count">
      <table className={tableClasses} data-testid="thread-table">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Threads</th>
            {COLUMNS.map(([label]) => <th key={label} scope="col" className={`${thClasses} text-right`}>{label}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr><td colSpan={COLUMNS.length + 1} className={`${tdClasses} text-slate-500`}>No thread count has finished yet.</td></tr>
          )}
          {rows.map((row) => (
            <tr key={row.index} data-testid="thread-row">
              <th scope="row" className={`${tdClasses} text-left font-medium`}>{row.threads ?? row.label}</th>
              {COLUMNS.map(([label, value]) => <td key={label} className={numClasses}>{value(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function sweepOptions(series: { label: string; stroke: string; unit: string }[], yLabel: string): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, (max || 1) * 1.1] } },
    axes: [{ label: 'threads' }, { label: yLabel, size: 60 }],
    series: [
      { label: 'threads' },
      ...series.map((s) => ({
        label: s.label, stroke: s.stroke, width: 2, points: { show: true, size: 7 }, spanGaps: true,
        value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${Number(v.toPrecision(3))} ${s.unit}`),
      })),
    ],
  };
}

const throughputOptions = sweepOptions([{ label: 'ops/s', stroke: '#4f46e5', unit: 'ops/s' }], 'ops/s');
const latencyOptions = sweepOptions([{ label: 'p95', stroke: '#d97706', unit: 'ms' }, { label: 'p99', stroke: '#dc2626', unit: 'ms' }], 'ms');

/** Throughput and p95/p99 latency against the thread count. */
export const ThreadSweepCharts = memo(function ThreadSweepCharts({ steps }: { steps: readonly StepResult[] }) {
  const data = useMemo(() => {
    const c = toSweepColumns(toThreadRows(steps));
    return { throughput: [c.threads, c.opsPerSecond] as uPlot.AlignedData, latency: [c.threads, c.p95, c.p99] as uPlot.AlignedData };
  }, [steps]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Throughput vs threads">
        <UPlotChart options={throughputOptions} data={data.throughput} label="Throughput against thread count" testId="throughput-vs-threads" />
      </Card>
      <Card title="p95 / p99 latency vs threads">
        <UPlotChart options={latencyOptions} data={data.latency} label="p95 and p99 latency against thread count" testId="latency-vs-threads" />
      </Card>
    </div>
  );
});
