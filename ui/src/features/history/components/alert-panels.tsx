import { Link } from 'react-router';
import { buttonClasses, focusRing } from '@/shared/components/button';
import { Card } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { paths } from '@/shared/paths';
import { useOpenAlerts, useRunAlerts, useScenarioAlerts } from '../api/history';
import { AlertsList } from './alerts-list';

/** The run page's alerts: nothing while the run raised none. */
export function RunAlertsPanel({ runId, runStatus }: { runId: number; runStatus?: string }) {
  const alerts = useRunAlerts(runId, runStatus);
  if (alerts.isPending || (alerts.isSuccess && alerts.data.length === 0)) return null;
  if (alerts.isError) return <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} title="Could not load the run's alerts." />;
  const scenarioId = alerts.data[0].scenario_id;
  return (
    <Card testId="run-alerts" title={
      <span className="flex flex-wrap items-center justify-between gap-2">
        <span>Regression alerts ({alerts.data.length})</span>
        {scenarioId != null && (
          <Link to={paths.scenarioHistory(scenarioId)} className={`text-sm font-normal text-indigo-700 hover:underline ${focusRing}`}>See the history</Link>
        )}
      </span>
    }>
      <AlertsList alerts={alerts.data} />
    </Card>
  );
}

/** The overview's open alerts of every scenario, newest first. */
export function OpenAlertsCard() {
  const alerts = useOpenAlerts();
  const count = alerts.isSuccess ? alerts.data.length : null;
  return (
    <Card testId="open-alerts" title={count ? `Open regression alerts (${count})` : 'Open regression alerts'}>
      {alerts.isPending ? (
        <LoadingState label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} title="Could not load the alerts." />
      ) : alerts.data.length === 0 ? (
        <EmptyState title="No open alerts">A completed run that is worse than its scenario's recent runs raises one.</EmptyState>
      ) : (
        <AlertsList alerts={alerts.data} showScenario />
      )}
    </Card>
  );
}

/** The scenario page's way to its History view, saying how many alerts are open. */
export function ScenarioHistoryLink({ scenarioId }: { scenarioId: number }) {
  const open = useScenarioAlerts(scenarioId, 'open');
  const count = open.isSuccess ? open.data.length : 0;
  return (
    <Link to={paths.scenarioHistory(scenarioId)} className={buttonClasses('secondary')} data-testid="history-link">
      History
      {count > 0 && (
        <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white" aria-label={`${count} open alerts`}>{count}</span>
      )}
    </Link>
  );
}
