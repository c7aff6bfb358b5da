import { createBrowserRouter, Link, useParams, useRouteError } from 'react-router';
import { LiveCharts } from '@/features/live/components/live-charts';
import { useLiveRun } from '@/features/live/api/use-live-run';
import { OverviewPage } from '@/features/overview/components/overview-page';
import { RunDetail } from '@/features/runs/components/run-detail';
import { RunsList } from '@/features/runs/components/runs-list';
import { ScenarioFormPage } from '@/features/scenarios/components/scenario-form-page';
import { ScenariosList } from '@/features/scenarios/components/scenarios-list';
import { TargetsPage } from '@/features/targets/components/targets-page';
import { focusRing } from '@/shared/components/button';
import { EmptyState, ErrorState } from '@/shared/components/states';
import { paths } from '@/shared/paths';
import { AppLayout } from './layout';

/** The run screen joins two features: the stored run and its live feed. */
export function RunDetailRoute() {
  const runId = useIdParam();
  const live = useLiveRun(runId ?? 0);
  if (runId === undefined) return <NotFound />;
  return <RunDetail runId={runId} liveStatus={live.status} liveSteps={live.hasSnapshot ? live.steps : undefined} charts={<LiveCharts intervals={live.intervals} />} />;
}

function ScenarioRoute() {
  const id = useIdParam();
  return id === undefined ? <NotFound /> : <ScenarioFormPage key={id} scenarioId={id} />;
}

function useIdParam(): number | undefined {
  const { id } = useParams();
  return id && /^\d+$/.test(id) ? Number(id) : undefined;
}

function NotFound() {
  return (
    <EmptyState title="Nothing here">
      <Link to={paths.overview} className={`text-indigo-700 hover:underline ${focusRing}`}>Back to the overview</Link>
    </EmptyState>
  );
}

function RouteError() {
  return <ErrorState error={useRouteError()} title="This page failed." />;
}

export const routes = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'targets', element: <TargetsPage /> },
      { path: 'scenarios', element: <ScenariosList /> },
      { path: 'scenarios/new', element: <ScenarioFormPage /> },
      { path: 'scenarios/:id', element: <ScenarioRoute /> },
      { path: 'runs', element: <RunsList /> },
      { path: 'runs/:id', element: <RunDetailRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
