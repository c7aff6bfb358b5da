import type { ThresholdVerdict } from '@/shared/api-client/types';
import { numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatWithUnit } from '@/shared/format/format';

export function Verdicts({ verdicts }: { verdicts: readonly ThresholdVerdict[] }) {
  if (verdicts.length === 0) return <p className="text-sm text-slate-500">No thresholds were checked.</p>;
  return (
    <TableScroll label="Threshold verdicts">
      <table className={tableClasses} data-testid="verdicts">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Threshold</th>
            <th scope="col" className={thClasses}>Scope</th>
            <th scope="col" className={`${thClasses} text-right`}>Actual</th>
            <th scope="col" className={thClasses}>Verdict</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {verdicts.map((v, i) => (
            <tr key={i}>
              <td className={`${tdClasses} font-mono text-xs`}>{v.threshold}</td>
              <td className={tdClasses}>{v.scope}</td>
              <td className={numClasses} data-testid="verdict-actual">{formatWithUnit(v.actual, v.unit)}</td>
              <td className={tdClasses}>
                {v.passed ? <span className="text-green-700">passed</span> : <span className="font-medium text-red-700">failed</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The run's thresholds in one word: passed, failed, or none checked (never "passed" when nothing was checked). */
export function thresholdsSummary(verdicts: readonly ThresholdVerdict[]): 'passed' | 'failed' | 'no thresholds' {
  if (verdicts.length === 0) return 'no thresholds';
  return verdicts.every((v) => v.passed) ? 'passed' : 'failed';
}
