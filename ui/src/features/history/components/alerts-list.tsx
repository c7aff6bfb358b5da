import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '@/shared/auth/current-user';
import { Button, focusRing } from '@/shared/components/button';
import { FieldMessages, inputClasses } from '@/shared/components/field';
import { GeneralProblems, serverProblems } from '@/shared/forms/form-parts';
import { formatDateTime, formatWithUnit } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { useTriageAlert, type Alert, type AlertStatus, type TriageAction } from '../api/history';
import { metricLabel } from '../api/history-series';

const TEST_NAMES: Record<Alert['test'], string> = {
  static: 'static limit', percentage: 'percentage change', z_score: 'z-score', t_test: "Welch's t-test", iqr: 'inter-quartile range',
  change_point: 'change point',
};

const STATUS_TEXT: Record<AlertStatus, string> = { open: 'open', acknowledged: 'acknowledged', false_positive: 'false positive' };

const STATUS_COLOURS: Record<AlertStatus, string> = {
  open: 'bg-red-50 text-red-700 ring-red-300',
  acknowledged: 'bg-amber-50 text-amber-800 ring-amber-300',
  false_positive: 'bg-slate-100 text-slate-700 ring-slate-300',
};

type AlertsListProps = {
  alerts: readonly Alert[];
  /** Name each alert's scenario (and link to its history): lists that span scenarios, like the overview's. */
  showScenario?: boolean;
};

/** Regression alerts, each with what was found and, while open, the buttons to acknowledge it or call it a false positive. */
export function AlertsList({ alerts, showScenario = false }: AlertsListProps) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Regression alerts">
      {alerts.map((alert) => <AlertItem key={alert.id} alert={alert} showScenario={showScenario} />)}
    </ul>
  );
}

function AlertItem({ alert, showScenario }: { alert: Alert; showScenario: boolean }) {
  const { can } = useCurrentUser();
  const [action, setAction] = useState<TriageAction | null>(null);
  return (
    <li className="py-3 text-sm" data-testid="alert" data-alert-id={alert.id} data-status={alert.status}>
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="alert-status"
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_COLOURS[alert.status]}`}>
          {STATUS_TEXT[alert.status]}
        </span>
        {showScenario && alert.scenario_id != null && (
          <Link to={paths.scenarioHistory(alert.scenario_id)} className={`font-medium text-indigo-700 hover:underline ${focusRing}`}>
            {alert.scenario_name}
          </Link>
        )}
        <Link to={paths.run(alert.run_id)} className={`text-indigo-700 hover:underline ${focusRing}`}>run #{alert.run_number}</Link>
        <span className="text-slate-600">
          {alert.step_label || `step ${alert.step_index + 1}`} · {metricLabel(alert.metric)} · {TEST_NAMES[alert.test] ?? alert.test}
        </span>
        <span className="text-xs text-slate-500">{formatDateTime(alert.created_at)}</span>
      </div>
      <p className="mt-1 text-slate-800">{alert.message}</p>
      <p className="mt-0.5 text-xs text-slate-500">
        {formatWithUnit(alert.value, alert.unit)}
        {alert.baseline != null && <> against a baseline of {formatWithUnit(alert.baseline, alert.unit)}</>}
      </p>
      {alert.status !== 'open' && (
        <p className="mt-1 text-xs text-slate-600" data-testid="alert-triage">
          {alert.status === 'acknowledged' ? 'Acknowledged' : 'Marked a false positive'}
          {alert.status_by && <> by <span className="font-medium">{alert.status_by}</span></>}
          {alert.status_at && <> on {formatDateTime(alert.status_at)}</>}
          {alert.status_reason && <>: “{alert.status_reason}”</>}
        </p>
      )}
      {alert.status === 'open' && can('run') && action === null && (
        <div className="mt-2 flex gap-2">
          <Button variant="secondary" onClick={() => setAction('acknowledge')}>Acknowledge</Button>
          <Button variant="ghost" onClick={() => setAction('false-positive')}>False positive…</Button>
        </div>
      )}
      {action !== null && <TriageForm alert={alert} action={action} onDone={() => setAction(null)} />}
    </li>
  );
}

/** Asks why (a false positive must say; an acknowledgement may), then sends it; the server's problems show beside the field. */
function TriageForm({ alert, action, onDone }: { alert: Alert; action: TriageAction; onDone: () => void }) {
  const triage = useTriageAlert();
  const [reason, setReason] = useState('');
  const id = useId();
  const falsePositive = action === 'false-positive';
  const title = falsePositive ? `Mark alert on run #${alert.run_number} a false positive` : `Acknowledge alert on run #${alert.run_number}`;
  const problems = serverProblems(triage.error, ['reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    triage.mutate({ id: alert.id, action, reason }, { onSuccess: onDone });
  };
  return (
    <form role="dialog" aria-label={title} onSubmit={submit} className="mt-2 max-w-xl space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="text-sm font-medium text-slate-800">{title}</p>
      <p className="text-xs text-slate-600">
        {falsePositive
          ? 'Its value then stays out of later baselines. Say why, for whoever looks next.'
          : 'A real regression, seen: its value stays in later baselines.'}
      </p>
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">Reason{falsePositive ? '' : ' (optional)'}</label>
        <textarea id={id} className={inputClasses} rows={2} maxLength={1000} value={reason} required={falsePositive} autoFocus
          aria-invalid={problems.of('reason').length > 0} onChange={(e) => setReason(e.target.value)} />
        <FieldMessages messages={problems.of('reason')} />
      </div>
      <GeneralProblems messages={problems.general} />
      <div className="flex gap-2">
        <Button type="submit" disabled={triage.isPending}>{falsePositive ? 'Mark false positive' : 'Acknowledge'}</Button>
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
