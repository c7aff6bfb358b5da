import { Link, useNavigate } from 'react-router';
import { errorMessage } from '@/shared/api-client/api-client';
import { createdBy, useCurrentUser } from '@/shared/auth/current-user';
import { CreatedByText, MineToggle, useMineFilter } from '@/shared/auth/mine-filter';
import { Button, buttonClasses, focusRing } from '@/shared/components/button';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { Card, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatDateTime, formatDuration } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { useDeleteScenario, useScenarios, useStartRun } from '../api/scenarios';

export function ScenariosList() {
  const [mine, setMine] = useMineFilter();
  const scenarios = useScenarios(mine);
  const { can } = useCurrentUser();
  const start = useStartRun();
  const remove = useDeleteScenario();
  const navigate = useNavigate();

  return (
    <>
      <PageHeader title="Scenarios" actions={can('create') && <Link to={paths.newScenario} className={buttonClasses('primary')}>New scenario</Link>}>
        Named plans against a target. Run one to measure.
      </PageHeader>
      <Card>
        <div className="mb-3"><MineToggle mine={mine} onChange={setMine} /></div>
        {(start.isError || remove.isError) && (
          <p role="alert" className="mb-3 text-sm text-red-700">{errorMessage(start.error ?? remove.error)}</p>
        )}
        {scenarios.isPending ? (
          <LoadingState label="Loading scenarios…" />
        ) : scenarios.isError ? (
          <ErrorState error={scenarios.error} onRetry={() => void scenarios.refetch()} title="Could not load scenarios." />
        ) : scenarios.data.length === 0 ? (
          <EmptyState title={mine ? 'No scenarios of yours' : 'No scenarios yet'}>
            {can('create') && <Link to={paths.newScenario} className={`text-indigo-700 hover:underline ${focusRing}`}>Write the first one.</Link>}
          </EmptyState>
        ) : (
          <TableScroll label="Scenarios">
            <table className={tableClasses}>
              <thead>
                <tr>
                  <th scope="col" className={thClasses}>Name</th>
                  <th scope="col" className={thClasses}>Target</th>
                  <th scope="col" className={thClasses}>Estimated</th>
                  <th scope="col" className={thClasses}>Created by</th>
                  <th scope="col" className={thClasses}>Updated</th>
                  <th scope="col" className={thClasses}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {scenarios.data.map((s) => (
                  <tr key={s.id}>
                    <td className={tdClasses}>
                      <Link to={paths.scenario(s.id)} className={`font-medium text-indigo-700 hover:underline ${focusRing}`}>{s.name}</Link>
                      {s.description && <p className="max-w-md truncate text-xs text-slate-500">{s.description}</p>}
                    </td>
                    <td className={tdClasses}>{s.target_name}</td>
                    <td className={tdClasses}>{formatDuration(s.estimated_seconds)}</td>
                    <td className={tdClasses}><CreatedByText name={createdBy(s)} /></td>
                    <td className={tdClasses}>{formatDateTime(s.updated_at)}</td>
                    <td className={`${tdClasses} text-right`}>
                      {can('run') && (
                        <Button
                          data-testid="scenario-run-button"
                          aria-label={`Run ${s.name}`}
                          disabled={start.isPending}
                          onClick={() => start.mutate(s.id, { onSuccess: (run) => navigate(paths.run(run.id)) })}
                        >
                          Run
                        </Button>
                      )}
                      {can('delete', s) && (
                        <ConfirmButton label="Delete" question={`Delete ${s.name}?`} pending={remove.isPending} onConfirm={() => remove.mutate(s.id)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </>
  );
}
