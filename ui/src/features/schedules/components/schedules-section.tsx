import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { useCurrentUser } from '@/shared/auth/current-user';
import { Button } from '@/shared/components/button';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { Field, inputClasses } from '@/shared/components/field';
import { Card, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { GeneralProblems, serverProblems, TextField } from '@/shared/forms/form-parts';
import { formatDateTime } from '@/shared/format/format';
import { useCreateSchedule, useDeleteSchedule, usePauseSchedule, useScenarioSchedules, useSchedulePreview } from '../api/schedules';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A scenario's cron schedules: when each fires next, what it last started, pause, resume, delete. */
export function SchedulesSection({ scenarioId }: { scenarioId: number }) {
  const schedules = useScenarioSchedules(scenarioId);
  const pause = usePauseSchedule();
  const remove = useDeleteSchedule();
  const { can } = useCurrentUser();
  // the scenario page says it does not exist
  if (schedules.error instanceof ApiError && schedules.error.status === 404) return null;
  return (
    <Card title="Schedules" testId="schedules">
      <p className="mb-3 text-sm text-slate-600">
        Runs this scenario on a cron schedule. A fire time missed while the server was down gives one run when it is back
        (or none, with “skip”).
      </p>
      {can('run') && <NewScheduleForm scenarioId={scenarioId} />}
      {(pause.isError || remove.isError) && (
        <p role="alert" className="mt-2 text-sm text-red-700">{errorMessage(pause.error ?? remove.error)}</p>
      )}
      <div className="mt-4">
        {schedules.isPending ? (
          <LoadingState label="Loading schedules…" />
        ) : schedules.isError ? (
          <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} title="Could not load the schedules." />
        ) : schedules.data.length === 0 ? (
          <EmptyState title="Not scheduled" />
        ) : (
          <TableScroll label="Schedules">
            <table className={tableClasses}>
              <thead>
                <tr>
                  <th scope="col" className={thClasses}>Cron</th>
                  <th scope="col" className={thClasses}>Time zone</th>
                  <th scope="col" className={thClasses}>Next run</th>
                  <th scope="col" className={thClasses}>Last run</th>
                  <th scope="col" className={thClasses}>Missed</th>
                  <th scope="col" className={thClasses}>By</th>
                  <th scope="col" className={thClasses}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {schedules.data.map((s) => (
                  <tr key={s.id} data-testid="schedule-row">
                    <td className={`${tdClasses} font-mono`}>{s.cron}</td>
                    <td className={tdClasses}>{s.time_zone}</td>
                    <td className={tdClasses}>{s.paused ? <span className="text-amber-700">paused</span> : formatDateTime(s.next_fire_at)}</td>
                    <td className={tdClasses}>
                      {s.last_run_id ? <Link className="text-indigo-700 underline" to={`/runs/${s.last_run_id}`}>run {s.last_run_id}</Link> : '—'}
                      {s.last_problem && <span className="ml-2 text-xs text-red-700">{s.last_problem}</span>}
                    </td>
                    <td className={tdClasses}>{s.missed === 'skip' ? 'skip' : 'one run'}{s.missed_fires > 0 && ` (${s.missed_fires} missed)`}</td>
                    <td className={tdClasses}>{s.created_by ?? '—'}</td>
                    <td className={`${tdClasses} space-x-2 text-right`}>
                      {can('edit', s) && (
                        <>
                          <Button variant="secondary" disabled={pause.isPending} onClick={() => pause.mutate({ id: s.id, paused: !s.paused })}>
                            {s.paused ? 'Resume' : 'Pause'}
                          </Button>
                          <ConfirmButton label="Delete" question={`Delete the schedule ${s.cron}?`} pending={remove.isPending}
                            onConfirm={() => remove.mutate(s.id)} />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </Card>
  );
}

function NewScheduleForm({ scenarioId }: { scenarioId: number }) {
  const create = useCreateSchedule(scenarioId);
  const [cron, setCron] = useState('0 3 * * *');
  const [zone, setZone] = useState(browserZone);
  const [missed, setMissed] = useState<'run_once' | 'skip'>('run_once');
  const preview = useSchedulePreview(cron, zone);
  const problems = serverProblems(create.error, ['cron', 'time_zone', 'missed']);
  const previewOf = (field: string) => (preview.data?.problems ?? []).filter((p) => p.path === field).map((p) => p.message);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ cron: cron.trim(), time_zone: zone.trim(), missed });
  };
  return (
    <form className="grid gap-3 md:grid-cols-[2fr_2fr_1fr_auto] md:items-start" onSubmit={submit} aria-label="New schedule">
      <TextField label="Cron" value={cron} onChange={setCron} errors={[...problems.of('cron'), ...previewOf('cron')]}
        hint="minute hour day month weekday, e.g. 0 3 * * 1-5" />
      <TextField label="Time zone" value={zone} onChange={setZone} errors={[...problems.of('time_zone'), ...previewOf('time_zone')]} />
      <Field label="Missed fire times" errors={problems.of('missed')}>
        {(props) => (
          <select {...props} className={inputClasses} value={missed} onChange={(e) => setMissed(e.target.value === 'skip' ? 'skip' : 'run_once')}>
            <option value="run_once">one run</option>
            <option value="skip">skip</option>
          </select>
        )}
      </Field>
      <div className="md:pt-6">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? 'Adding…' : 'Add schedule'}</Button>
      </div>
      <div className="text-xs text-slate-600 md:col-span-4" data-testid="schedule-preview">
        {preview.data && preview.data.next_fire_times.length > 0 && (
          <>Next: {preview.data.next_fire_times.slice(0, 3).map((t) => formatDateTime(t)).join(' · ')}</>
        )}
      </div>
      <div className="md:col-span-4"><GeneralProblems messages={problems.general} /></div>
    </form>
  );
}
