import type { ThresholdVerdict } from '@/shared/api-client/types';
import { tableClasses, TableScroll, tdClasses, thClasses, numClasses } from '@/shared/components/layout-parts';

export function Verdicts({ verdicts }: { verdicts: readonly ThresholdVerdict[] }) {
  if (verdicts.length === 0) return <p className="text-sm text-slate-500">No thresholds were checked.</p>;
  return (
    <TableScroll label="Threshold verdicts">
      <table className={tableClasses}>
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
              <td className={numClasses}>{v.actual == null ? '—' : Number(v.actual.toPrecision(4))}</td>
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
