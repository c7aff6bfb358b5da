import type { MetricChange, MetricRow, StepComparison } from '@/shared/api-client/types';
import { numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatChange, formatValue, significanceText, VERDICT_TEXT } from '../api/change-text';

const VERDICT_CLASSES: Record<MetricChange['verdict'], string> = {
  regression: 'bg-red-100 text-red-800 ring-red-300',
  improvement: 'bg-green-100 text-green-800 ring-green-300',
  no_significant_change: 'bg-slate-100 text-slate-700 ring-slate-300',
  not_tested: 'text-slate-500 ring-slate-200',
  not_measured: 'text-slate-400 ring-slate-200',
};

/** One step across the runs: a row per metric, each run's figure, and each later run's change with its test. */
export function MetricTable({ step, runLabels }: { step: StepComparison; runLabels: readonly string[] }) {
  const later = runLabels.slice(1);
  return (
    <TableScroll label={`Figures of ${step.label}`}>
      <table className={tableClasses} data-testid="metric-table">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Metric</th>
            {runLabels.map((label, i) => (
              <th key={label} scope="col" className={`${thClasses} text-right`}>{label}{i === 0 && ' (baseline)'}</th>
            ))}
            {later.map((label) => <th key={label} scope="col" className={thClasses}>{label} vs baseline</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {step.metrics.map((row) => <Row key={row.metric} row={row} />)}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Row({ row }: { row: MetricRow }) {
  const regression = row.changes.some((c) => c.verdict === 'regression');
  return (
    <tr data-testid="metric-row" data-metric={row.metric} className={regression ? 'bg-red-50' : undefined}>
      <th scope="row" className={`${tdClasses} text-left font-medium`}>{row.label}</th>
      {row.values.map((value, i) => <td key={i} className={numClasses}>{formatValue(value, row.unit)}</td>)}
      {row.changes.map((change, i) => (
        <td key={i} className={`${tdClasses} align-top`} data-testid="metric-change" data-verdict={change.verdict}>
          <span className="tabular-nums">{formatChange(change, row.unit)}</span>{' '}
          <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${VERDICT_CLASSES[change.verdict]}`}>
            {VERDICT_TEXT[change.verdict]}
          </span>
          <div className="mt-0.5 max-w-md whitespace-normal text-xs text-slate-500">
            {change.significance ? significanceText(change.significance, row.unit) : change.not_tested}
          </div>
        </td>
      ))}
    </tr>
  );
}
