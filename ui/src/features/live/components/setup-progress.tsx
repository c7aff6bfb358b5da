import type { SetupProgress } from '@/shared/api-client/types';
import { Card } from '@/shared/components/layout-parts';
import { formatCount, formatDuration } from '@/shared/format/format';

/** The driver's setup phases (create, load, index…): a bar per phase with rows/s, live or as stored. */
export function SetupProgressPanel({ setup }: { setup: readonly SetupProgress[] }) {
  if (setup.length === 0) return null;
  const done = setup.every((p) => p.finished);
  return (
    <Card title={done ? 'Setup' : 'Setup in progress'} testId="setup-progress">
      <ul className="space-y-3">
        {setup.map((p) => <PhaseRow key={p.phase} progress={p} />)}
      </ul>
    </Card>
  );
}

function PhaseRow({ progress: p }: { progress: SetupProgress }) {
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : p.finished ? 1 : null;
  const unit = p.unit ?? '';
  return (
    <li data-testid="setup-phase" data-phase={p.phase} data-finished={p.finished}>
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{p.phase}{p.message ? <span className="font-normal text-slate-600"> — {p.message}</span> : null}</span>
        <span className="tabular-nums text-slate-600">
          {formatCount(p.done)}{p.total > 0 ? ` / ${formatCount(p.total)}` : ''} {unit}
          {p.rate_per_second > 0 && unit ? ` · ${formatCount(p.rate_per_second)} ${unit}/s` : ''}
          {` · ${formatDuration(p.elapsed_seconds)}`}
          {p.finished ? ' · done' : ''}
        </span>
      </div>
      {fraction !== null ? (
        <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-label={`${p.phase} progress`}
          aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
          <div className={`h-full ${p.finished ? 'bg-green-600' : 'bg-indigo-600'}`} style={{ width: `${fraction * 100}%` }} />
        </div>
      ) : (
        <div className="h-2 w-full animate-pulse rounded bg-indigo-100" aria-label={`${p.phase} in progress`} />
      )}
    </li>
  );
}
