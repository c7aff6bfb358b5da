import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import type { StepResult } from '@/shared/api-client/types';
import { sweepOptions } from '@/shared/charts/chart-options';
import { Card, numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatCount, formatMs, formatNumber, formatRate } from '@/shared/format/format';
import { STREAM_METRICS, STREAM_PERCENTILES, toStreamRows, toStreamSweepColumns } from '../api/stream-metrics';
import { PartialMark } from './step-marks';
import { SweepChart } from './thread-sweep';

const METRIC_LABELS = { ttft: 'TTFT', itl: 'ITL', tpot: 'TPOT', e2e: 'E2E' } as const;
const OUTPUT_TOKEN_FIGURES = ['min', 'p50', 'p99', 'max'] as const;

/** A streaming run's results: TTFT, ITL, TPOT and E2E percentiles per step, tokens/s, goodput and token source. */
export function StreamTable({ steps }: { steps: readonly StepResult[] }) {
  const rows = toStreamRows(steps);
  const columns = STREAM_METRICS.length * STREAM_PERCENTILES.length + OUTPUT_TOKEN_FIGURES.length + 6;
  return (
    <TableScroll label="Stream metrics per step">
      <table className={tableClasses} data-testid="stream-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={`${thClasses} sticky left-0 bg-white`}>Step</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Requests</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Errors</th>
            {STREAM_METRICS.map((m) => (
              <th key={m} scope="colgroup" colSpan={STREAM_PERCENTILES.length} className={`${thClasses} text-center`}>{METRIC_LABELS[m]} (ms)</th>
            ))}
            <th scope="colgroup" colSpan={OUTPUT_TOKEN_FIGURES.length} className={`${thClasses} text-center`}>Output tokens per request</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Tokens/s</th>
            <th scope="col" rowSpan={2} className={`${thClasses} text-right`}>Goodput</th>
            <th scope="col" rowSpan={2} className={thClasses}>Token source</th>
          </tr>
          <tr>
            {STREAM_METRICS.flatMap((m) => STREAM_PERCENTILES.map((p) => (
              <th key={`${m}-${p}`} scope="col" className={`${thClasses} text-right`}>{p}</th>
            )))}
            {OUTPUT_TOKEN_FIGURES.map((f) => <th key={f} scope="col" className={`${thClasses} text-right`}>{f}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr><td colSpan={columns} className={`${tdClasses} text-slate-500`}>No step has finished yet.</td></tr>
          )}
          {rows.map((row) => (
            <tr key={row.index} data-testid="stream-row">
              <th scope="row" className={`${tdClasses} sticky left-0 bg-white text-left font-medium`}>{row.label || `step ${row.index + 1}`}<PartialMark partial={row.partial} /></th>
              <td className={numClasses}>{formatCount(row.requests)}</td>
              <td className={numClasses}>{formatCount(row.errors)}</td>
              {STREAM_METRICS.flatMap((m) => STREAM_PERCENTILES.map((p) => (
                <td key={`${m}-${p}`} className={numClasses} data-testid={`${m}-${p}`}>{formatMs(row.percentiles[m][p])}</td>
              )))}
              {OUTPUT_TOKEN_FIGURES.map((f) => (
                <td key={f} className={numClasses} data-testid={`output-tokens-${f}`}>{formatNumber(row.outputTokensPerRequest[f])}</td>
              ))}
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

const streamSweepOptions = sweepOptions('users', [
  { label: 'TTFT p95', stroke: '#d97706', unit: 'ms' },
  { label: 'TPOT p95', stroke: '#4f46e5', unit: 'ms' },
], 'ms');

/** TTFT and TPOT p95 against the number of users, one point per step. */
export const StreamSweepChart = memo(function StreamSweepChart({ steps }: { steps: readonly StepResult[] }) {
  const data = useMemo(() => {
    const c = toStreamSweepColumns(toStreamRows(steps));
    return [c.users, c.ttftP95, c.tpotP95] as uPlot.AlignedData;
  }, [steps]);
  return (
    <Card title="TTFT and TPOT p95 vs users">
      <SweepChart options={streamSweepOptions} data={data} label="TTFT and TPOT p95 against users" testId="stream-sweep-chart" />
    </Card>
  );
});
