import { useNavigate } from 'react-router';
import { errorMessage } from '@/shared/api-client/api-client';
import { isActiveStatus, type RunStatus } from '@/shared/api-client/types';
import { useCurrentUser } from '@/shared/auth/current-user';
import { Button, buttonClasses } from '@/shared/components/button';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { paths } from '@/shared/paths';
import { useCancelRun, useDeleteRun, useRerun } from '../api/run-actions';

/** Cancel (while it runs), re-run, download, and delete (once it has ended: the server refuses a live run). */
export function RunActions({ runId, status, run }: { runId: number; status: RunStatus; run: object }) {
  const navigate = useNavigate();
  const { can } = useCurrentUser();
  const cancel = useCancelRun(runId);
  const rerun = useRerun(runId);
  const remove = useDeleteRun(runId);
  const failure = cancel.error ?? rerun.error ?? remove.error;
  const active = isActiveStatus(status);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {active && can('run') && (
          <Button variant="danger" data-testid="cancel-run" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
        {can('run') && (
          <Button
            variant="secondary"
            data-testid="rerun"
            disabled={rerun.isPending}
            onClick={() => rerun.mutate(undefined, { onSuccess: (next) => navigate(paths.run(next.id)) })}
          >
            {rerun.isPending ? 'Starting…' : 'Re-run'}
          </Button>
        )}
        <a href={paths.runResult(runId)} download={`benchdeck-run-${runId}.json`} className={buttonClasses('secondary')}>
          Download result JSON
        </a>
        {!active && can('delete', run) && (
          <ConfirmButton
            label="Delete"
            testId="delete-run"
            question={`Delete run #${runId} and its results?`}
            confirmLabel="Delete run"
            pending={remove.isPending}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(paths.runs, { replace: true }) })}
          />
        )}
      </div>
      {failure && <p role="alert" className="text-sm text-red-700">{errorMessage(failure)}</p>}
    </div>
  );
}
