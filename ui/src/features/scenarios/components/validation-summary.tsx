import type { FieldProblem } from '@/shared/api-client/types';
import { formatDuration } from '@/shared/format/format';

export type ValidationView =
  | { state: 'no-target' }
  | { state: 'checking' }
  | { state: 'failed'; reason: string }
  | { state: 'checked'; count: number; unplaced: readonly FieldProblem[] };

/**
 * The plan's verdict under the YAML: valid, or how many problems the form shows, with those that
 * belong to no field listed here in plain words (`workload is required`). The count is what the
 * page shows, next to the fields and here together, so it never disagrees with what one can see.
 */
export function ValidationSummary({ view, estimate }: { view: ValidationView; estimate: number | null | undefined }) {
  return (
    <div aria-live="polite" data-testid="validation-summary" className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
      <p className="flex flex-wrap items-center gap-3">
        <Verdict view={view} />
        {estimate != null && view.state === 'checked' && view.count === 0 && (
          <span data-testid="estimated-duration" className="text-slate-700">Estimated duration: <strong>{formatDuration(estimate)}</strong></span>
        )}
      </p>
      {view.state === 'checked' && view.unplaced.length > 0 && (
        <ul className="mt-2 space-y-0.5 text-xs text-red-700" data-testid="unplaced-problems">
          {view.unplaced.map((p, i) => (
            <li key={i}>{p.path ? <><code className="font-mono">{p.path}</code> {p.message}</> : p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Verdict({ view }: { view: ValidationView }) {
  switch (view.state) {
    case 'no-target':
      return <span className="text-slate-500">Choose a target to check the plan.</span>;
    case 'checking':
      return <span className="text-slate-500">Checking…</span>;
    case 'failed':
      return <span className="text-amber-700">Could not check the plan: {view.reason}</span>;
    case 'checked':
      return view.count === 0
        ? <span className="text-green-700">Plan is valid.</span>
        : <span className="text-red-700" data-testid="problem-count">{problemCountText(view.count, view.unplaced.length)}</span>;
  }
}

/** "2 problems, shown next to their fields." / "3 problems: 2 next to their fields, and 1 here:" / "1 problem:". */
export function problemCountText(count: number, unplaced: number): string {
  const total = `${count} problem${count === 1 ? '' : 's'}`;
  const placed = count - unplaced;
  if (unplaced === 0) return `${total}, shown next to ${count === 1 ? 'its field' : 'their fields'}.`;
  if (placed === 0) return `${total}:`;
  return `${total}: ${placed} next to ${placed === 1 ? 'its field' : 'their fields'}, and ${unplaced} here:`;
}
