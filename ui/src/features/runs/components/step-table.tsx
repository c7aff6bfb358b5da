import type { StepResult } from '@/shared/api-client/types';
import { numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatCount, formatMs, formatRate } from '@/shared/format/format';
import { lagP99, SaturatedMark } from './generator-saturation';
import { PartialMark } from './step-marks';

const latencyColumns = [
  ['p50', 'p50'], ['p90', 'p90'], ['p95', 'p95'], ['p99', 'p99'], ['p999', 'p99.9'], ['max', 'max'],
] as const;

/** One row per step (measured part only), plus all steps merged when there is more than one. */
export function StepTable({ steps, overall }: { steps: readonly StepResult[]; overall: StepResult | null }) {
  const rows = steps.length > 1 && overall ? [...steps, { ...overall, label: 'all steps' }] : steps;
  // the generator's own lag: how late requests began on Benchdeck's side
  const scheduled = rows.some((s) => lagP99(s) !== undefined);
  return (
    <TableScroll label="Results per step">
      <table className={tableClasses} data-testid="step-table">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Step</th>
            <th scope="col" className={`${thClasses} text-right`}>Requests</th>
            <th scope="col" className={`${thClasses} text-right`}>Throughput</th>
            <th scope="col" className={`${thClasses} text-right`}>Errors</th>
            <th scope="col" className={`${thClasses} text-right`}>Dropped</th>
            {latencyColumns.map(([, label]) => (
              <th key={label} scope="col" className={`${thClasses} text-right`}>{label}</th>
            ))}
            {scheduled && <th scope="col" className={`${thClasses} text-right`} title="Lag p99: open model, from each request's intended start until Benchdeck began it; closed model, how much longer than their think time users slept">lag p99</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={5 + latencyColumns.length + (scheduled ? 1 : 0)} className={`${tdClasses} text-slate-500`}>No step has finished yet.</td>
            </tr>
          )}
          {rows.map((step) => {
            const latency = step.latencies?.latency?.summary;
            const merged = step.index === -1 || step.label === 'all steps';
            return (
              <tr key={`${step.index}-${step.label}`} className={merged ? 'bg-slate-50 font-medium' : undefined}>
                <th scope="row" className={`${tdClasses} text-left font-medium`}>{step.label || `step ${step.index + 1}`}<PartialMark partial={step.partial} /><SaturatedMark step={step} /></th>
                <td className={numClasses}>{formatCount(step.requests)}</td>
                <td className={numClasses}>{formatRate(step.throughput)}</td>
                <td className={numClasses}>{formatCount(step.errors)}</td>
                <td className={numClasses}>{formatCount(step.dropped)}</td>
                {latencyColumns.map(([key]) => (
                  <td key={key} className={numClasses}>{formatMs(latency?.[key])}</td>
                ))}
                {scheduled && <td className={numClasses} data-testid="lag-p99">{formatMs(lagP99(step))}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
