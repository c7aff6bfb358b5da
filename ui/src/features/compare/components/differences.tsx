import type { RunDifferences } from '@/shared/api-client/types';
import { Card, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { diffLines, type DiffLine } from '../api/comparison-columns';

const LINE_CLASSES: Record<DiffLine['kind'], string> = {
  added: 'bg-green-900/60 text-green-100',
  removed: 'bg-red-900/60 text-red-100',
  hunk: 'text-sky-300',
  file: 'text-slate-400',
  context: 'text-slate-200',
};

/** What differed between the runs: each plan against the baseline's as a diff, the environment and the labels. */
export function Differences({ differences, runLabels }: { differences: RunDifferences; runLabels: readonly string[] }) {
  return (
    <Card title="What differed" testId="differences">
      <div className="space-y-4">
        {differences.plans.map((plan) => (
          <div key={plan.other}>
            <h3 className="mb-1 text-sm font-medium text-slate-700">Plan: {plan.other} against {plan.baseline}</h3>
            {plan.diff ? (
              <pre data-testid="plan-diff" className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs">
                {diffLines(plan.diff).map((line, i) => (
                  <div key={i} data-diff={line.kind} className={LINE_CLASSES[line.kind]}>{line.text || ' '}</div>
                ))}
              </pre>
            ) : (
              <p className="text-sm text-slate-500" data-testid="plan-diff-none">{plan.unavailable ?? 'The plans are the same.'}</p>
            )}
          </div>
        ))}
        <SideBySide title="Environment" rows={differences.environment} runLabels={runLabels} testId="environment-differences" />
        <SideBySide title="Labels" rows={differences.labels} runLabels={runLabels} testId="label-differences" />
      </div>
    </Card>
  );
}

type Row = RunDifferences['environment'][number];

function SideBySide({ title, rows, runLabels, testId }: { title: string; rows: readonly Row[]; runLabels: readonly string[]; testId: string }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-medium text-slate-700">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None of the runs has any.</p>
      ) : (
        <TableScroll label={title}>
          <table className={tableClasses} data-testid={testId}>
            <thead>
              <tr>
                <th scope="col" className={thClasses} />
                {runLabels.map((label) => <th key={label} scope="col" className={thClasses}>{label}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.name} className={row.differs ? 'bg-amber-50' : undefined} data-differs={row.differs}>
                  <th scope="row" className={`${tdClasses} text-left font-medium`}>
                    {row.name}{row.differs && <span className="ml-2 text-xs font-medium text-amber-700">differs</span>}
                  </th>
                  {row.values.map((value, i) => <td key={i} className={tdClasses}>{value ?? '—'}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
