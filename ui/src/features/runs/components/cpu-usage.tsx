import type { StepResult } from '@/shared/api-client/types';
import { numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';

/** The warnings of a run's CPU figures, overall first, each once. */
export function cpuWarnings(steps: readonly StepResult[], overall: StepResult | null): string[] {
  const warnings = [overall?.cpu?.warning, ...steps.map((s) => s.cpu?.warning)].filter((w): w is string => Boolean(w));
  return [...new Set(warnings)];
}

/** Says, above the results, that other processes used the CPU while the run measured. Not an alert: the run itself is fine. */
export function CpuWarning({ steps, overall }: { steps: readonly StepResult[]; overall: StepResult | null }) {
  const warnings = cpuWarnings(steps, overall);
  if (warnings.length === 0) return null;
  return (
    <div data-testid="cpu-warning" className="mb-6 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">The machine was busy with other work during this run</p>
      <ul className="mt-1 list-disc pl-5">
        {warnings.map((w) => <li key={w}>{w}</li>)}
      </ul>
    </div>
  );
}

/** CPU per step and overall: cores used by Benchdeck itself and by other processes, measured time only. */
export function CpuTable({ steps, overall }: { steps: readonly StepResult[]; overall: StepResult | null }) {
  const rows = [...steps.map((s) => ({ key: String(s.index), label: s.label || `step ${s.index + 1}`, cpu: s.cpu })),
    ...(overall && steps.length > 1 ? [{ key: 'overall', label: 'all steps', cpu: overall.cpu }] : [])];
  if (!rows.some((r) => r.cpu)) return <p className="text-sm text-slate-500">This platform does not report CPU use.</p>;
  return (
    <TableScroll label="CPU during the run">
      <table className={tableClasses} data-testid="cpu-table">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Step</th>
            <th scope="col" className={`${thClasses} text-right`}>Benchdeck</th>
            <th scope="col" className={`${thClasses} text-right`}>Other processes</th>
            <th scope="col" className={thClasses}>Cores, note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ key, label, cpu }) => (
            <tr key={key}>
              <th scope="row" className={`${tdClasses} text-left font-medium`}>{label}</th>
              <td className={numClasses}>{cpu ? cpu.process_cores.toFixed(2) : '—'}</td>
              <td className={`${numClasses} ${cpu?.warning ? 'font-medium text-amber-800' : ''}`}>{cpu ? cpu.other_cores.toFixed(2) : '—'}</td>
              <td className={`${tdClasses} whitespace-normal text-slate-600`}>
                {cpu ? `${cpu.cores} cores` : 'not measured'}{cpu?.warning ? ` — ${cpu.warning}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
