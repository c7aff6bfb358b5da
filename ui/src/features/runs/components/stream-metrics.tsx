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

/**
 * A streaming run's results per step: TTFT, ITL, TPOT and E2E percentiles, output tokens per request,
 * tokens/s, goodput and token source. Each metric's percentiles stack in one cell, so the table fits
 * the page instead of running off its right edge (it still scrolls sideways on a narrow screen).
 */
export function StreamTable({ steps }: { steps: readonly StepResult[] }) {
  const rows = toStreamRows(steps);
  const columns = STREAM_METRICS.length + 9;
  return (
    <TableScroll label="Stream metrics per step">
      <table className={tableClasses} data-testid="stream-table">
        <thead>
          <tr>
            <th scope="col" className={`${thClasses} sticky left-0 bg-white`}>Step</th>
            <th scope="col" className={`${thClasses} text-right`}>Requests</th>
            <th scope="col" className={`${thClasses} text-right`}>Errors</th>
            {STREAM_METRICS.map((m) => <th key={m} scope="col" className={thClasses}>{METRIC_LABELS[m]}</th>)}
            <th scope="col" className={thClasses}>Output tokens per request</th>
            <th scope="col" className={`${thClasses} text-right`}>Tokens/s</th>
            <th scope="col" className={`${thClasses} text-right`}>Goodput</th>
            <th scope="col" className={thClasses}>Token source</th>
            <th scope="col" className={`${thClasses} text-right`} title="Content events that came in one read with the one before them: each such gap is an ITL of 0">Coalesced</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr><td colSpan={columns} className={`${tdClasses} text-slate-500`}>No step has finished yet.</td></tr>
          )}
          {rows.map((row) => (
            <tr key={row.index} data-testid="stream-row" className="align-top">
              <th scope="row" className={`${tdClasses} sticky left-0 bg-white text-left font-medium`}>{row.label || `step ${row.index + 1}`}<PartialMark partial={row.partial} /></th>
              <td className={numClasses}>{formatCount(row.requests)}</td>
              <td className={numClasses}>{formatCount(row.errors)}</td>
              {STREAM_METRICS.map((m) => (
                <td key={m} className={tdClasses}>
                  <Figures entries={STREAM_PERCENTILES.map((p) => [p, formatMs(row.percentiles[m][p]), `${m}-${p}`])} />
                </td>
              ))}
              <td className={tdClasses}>
                <Figures entries={OUTPUT_TOKEN_FIGURES.map((f) => [f, formatNumber(row.outputTokensPerRequest[f]), `output-tokens-${f}`])} />
              </td>
              <td className={numClasses}>{formatCount(Math.round(row.tokensPerSecond))}</td>
              <td className={numClasses} title={`${formatCount(row.goodRequests)} requests met every SLO`}>{formatRate(row.goodput)}</td>
              <td className={tdClasses}>{row.tokenSource}</td>
              <td className={numClasses} data-testid="coalesced">{row.coalescedShare === null ? '—' : `${(row.coalescedShare * 100).toFixed(1)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A metric's figures in one cell: `p50 262 ms` over `p90 327 ms`… */
function Figures({ entries }: { entries: [label: string, value: string, testId: string][] }) {
  if (entries.every(([, value]) => value === '—')) return <span className="text-slate-400" title="not recorded for this step">—</span>;
  return (
    <dl className="inline-grid grid-cols-[auto_auto] gap-x-2 text-xs tabular-nums">
      {entries.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-right text-slate-900" data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
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
