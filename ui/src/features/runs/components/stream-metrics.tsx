import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { StepResult } from '@/shared/api-client/types';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { Card, numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatCount, formatMs, formatRate } from '@/shared/format/format';
import { STREAM_METRICS, STREAM_PERCENTILES, toStreamRows, toStreamSweepColumns } from '../api/stream-metrics';

const METRIC_LABELS = { ttft: 'TTFT', itl: 'ITL', tpot: 'TPOT', e2e: 'E2E' } as const;

/** A streaming run's results: TTFT, ITL, TPOT and E2E percentiles per step, tokens/s, goodput and token source. */
export function StreamTable({ steps }: { steps: readonly StepResult[] }) {
  const rows = toStreamRows(steps);
  const columns = STREAM_METRICS.length * STREAM_PERCENTILES.length + 6;
  return (
    <TableScroll label="Stream metrics per step">
      <table className={tableClasses} data-testid="stream-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={thClasses}>Step</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Requests</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Errors</th>
            {STREAM_METRICS.map((m) => (
              <th key={m} scope="colgroup" colSpan={STREAM_PERCENTILES.length} className={`${thClasses} text-center`}>{METRIC_LABELS[m]} (ms)</th>
            ))}
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Tokens/s</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Goodput</th>
            <th scope="col" rowSpan={2} className={thClasses}>Token source</th>
          </tr>
          <tr>
            {STREAM_METRICS.flatMap((m) => STREAM_PERCENTILES.map((p) => (
              <th key={`${m}-${p}`} scope="col" className={`${thClasses} text-right`}>{p}</th>
            )))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr><td colSpan={columns} className={`${tdClasses} text-slate-500`}>No step has finished yet.</td></tr>
          )}
          {rows.map((row) => (
            <tr key={row.index} data-testid="stream-row">
              <th scope="row" className={`${tdClasses} text-left font-medium`}>{row.label || `step ${row.index + 1}`}</th>
              <td className={numClasses}>{formatCount(row.requests)}</td>
              <td className={numClasses}>{formatCount(row.errors)}</td>
              {STREAM_METRICS.flatMap((m) => STREAM_PERCENTILES.map((p) => (
                <td key={`${m}-${p}`} className={numClasses} data-testid={`${m}-${p}`}>{formatMs(row.percentiles[m][p])}</td>
              )))}
              <td className={numClasses}>{formatCount(Math.round(row.tokensPerSecond))}</td>
              <td className={numClasses} title={`${formatCount(row.goodRequests)} requests met every SLO`}>{formatRate(row.goodput)}</td>
              <td className={tdClasses}>{row.tokenSource}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const sweepOptions: Omit<uPlot.Options, 'width' | 'height'> = {
  scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, (max || 1) * 1.1] } },
  axes: [{ label: 'users' }, { label: 'ms', size: 60 }],
  series: [
    { label: 'users' },
    ...[{ label: 'TTFT p95', stroke: '#d97706' }, { label: 'TPOT p95', stroke: '#4f46e5' }].map((s) => ({
      label: s.label, stroke: s.stroke, width: 2, points: { show: true, size: 7 }, spanGaps: true,
      value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${Number(v.toPrecision(3))} ms`),
    })),
  ],
};

/** TTFT and TPOT p95 against the number of users, one point per step. */
export const StreamSweepChart = memo(function StreamSweepChart({ steps }: { steps: readonly StepResult[] }) {
  const data = useMemo(() => {
    const c = toStreamSweepColumns(toStreamRows(steps));
    return [c.users, c.ttftP95, c.tpotP95] as uPlot.AlignedData;
  }, [steps]);
  return (
    <Card title="TTFT and TPOT p95 vs users">
      <UPlotChart options={sweepOptions} data={data} label="TTFT and TPOT p95 against users" testId="stream-sweep-chart" />
    </Card>
  );
});
