import type { RunStatus } from '@/shared/api-client/types';

const colours: Record<RunStatus, string> = {
  queued: 'bg-slate-100 text-slate-700 ring-slate-300',
  running: 'bg-blue-50 text-blue-700 ring-blue-300',
  completed: 'bg-green-50 text-green-700 ring-green-300',
  failed: 'bg-red-50 text-red-700 ring-red-300',
  cancelled: 'bg-amber-50 text-amber-800 ring-amber-300',
  interrupted: 'bg-orange-50 text-orange-800 ring-orange-300',
};

export function StatusBadge({ status, testId }: { status: RunStatus; testId?: string }) {
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colours[status] ?? colours.queued}`}
    >
      {status}
    </span>
  );
}

/** A run's thresholds: passed or failed when it checked some; a finished run that checked none says so, never "passed". */
export function VerdictBadge({ passed, status }: { passed: boolean | null | undefined; status?: RunStatus }) {
  if (passed === null || passed === undefined) {
    return status === 'completed' ? <span className="text-slate-500">no thresholds</span> : <span className="text-slate-400">—</span>;
  }
  return passed ? (
    <span className="text-green-700">passed</span>
  ) : (
    <span className="font-medium text-red-700">failed</span>
  );
}
