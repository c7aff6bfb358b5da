import { ErrorState, LoadingState } from '@/shared/components/states';
import { formatDuration } from '@/shared/format/format';
import { useRunErrors } from '../api/get-run';

export function ErrorSamples({ runId }: { runId: number }) {
  const errors = useRunErrors(runId);
  if (errors.isPending) return <LoadingState label="Loading error samples…" />;
  if (errors.isError) return <ErrorState error={errors.error} onRetry={() => void errors.refetch()} />;
  if (errors.data.length === 0) return <p className="text-sm text-slate-500">No errors were recorded.</p>;
  return (
    <ul className="max-h-72 space-y-2 overflow-auto text-sm">
      {errors.data.map((e, i) => (
        <li key={i} className="rounded border border-slate-200 p-2">
          <span className="font-mono text-xs font-medium text-red-700">{e.error_class}</span>
          <span className="ml-2 text-xs text-slate-500">at {formatDuration(e.at_seconds)}</span>
          <p className="mt-1 break-words text-slate-700">{e.message}</p>
        </li>
      ))}
    </ul>
  );
}
