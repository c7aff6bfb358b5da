import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { StepResult } from '@/shared/api-client/types';
import { countPoints } from '@/shared/charts/chart-data';
import { sweepOptions } from '@/shared/charts/chart-options';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card, numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState } from '@/shared/components/states';
import { formatCount, formatDuration, formatMs, formatPercent } from '@/shared/format/format';
import { toSweepColumns, toThreadRows, type ThreadRow } from '../api/thread-sweep';
import { PartialMark } from './step-marks';

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
              <th scope="row" className={`${tdClasses} text-left font-medium`}>{row.threads ?? row.label}<PartialMark partial={row.partial} /></th>
              {COLUMNS.map(([label, value]) => <td key={label} className={numClasses}>{value(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const throughputOptions = sweepOptions('threads', [{ label: 'ops/s', stroke: '#4f46e5', unit: 'ops/s' }], 'ops/s');
const latencyOptions = sweepOptions('threads', [{ label: 'p95', stroke: '#d97706', unit: 'ms' }, { label: 'p99', stroke: '#dc2626', unit: 'ms' }], 'ms');

/** Throughput and p95/p99 latency against the thread count; drawn once a thread count has finished. */
export const ThreadSweepCharts = memo(function ThreadSweepCharts({ steps }: { steps: readonly StepResult[] }) {
  const data = useMemo(() => {
    const c = toSweepColumns(toThreadRows(steps));
    return { throughput: [c.threads, c.opsPerSecond] as uPlot.AlignedData, latency: [c.threads, c.p95, c.p99] as uPlot.AlignedData };
  }, [steps]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Throughput vs threads">
        <SweepChart options={throughputOptions} data={data.throughput} label="Throughput against thread count" testId="throughput-vs-threads" />
      </Card>
      <Card title="p95 / p99 latency vs threads">
        <SweepChart options={latencyOptions} data={data.latency} label="p95 and p99 latency against thread count" testId="latency-vs-threads" />
      </Card>
    </div>
  );
});

/** A chart against the sweep's levels, or a note until one level has a figure (an empty plot says nothing). */
export function SweepChart({ data, ...chart }: { options: ReturnType<typeof sweepOptions>; data: uPlot.AlignedData; label: string; testId: string }) {
  if (countPoints(data) === 0) {
    return <EmptyState title="Nothing to plot yet">A point appears when a step has finished.</EmptyState>;
  }
  return <UPlotChart data={data} {...chart} />;
}
