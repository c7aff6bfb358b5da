import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout';
import { NotFound, RouteError } from './routes/route-parts';

// Each screen is its own chunk: the overview does not load uPlot, the YAML parser or the run screen.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('@/features/overview/components/overview-page')).OverviewPage }) },
      { path: 'targets', lazy: async () => ({ Component: (await import('@/features/targets/components/targets-page')).TargetsPage }) },
      { path: 'scenarios', lazy: async () => ({ Component: (await import('./routes/scenario-routes')).ScenariosList }) },
      { path: 'scenarios/new', lazy: async () => ({ Component: (await import('./routes/scenario-routes')).NewScenarioRoute }) },
      { path: 'scenarios/:id', lazy: async () => ({ Component: (await import('./routes/scenario-routes')).ScenarioRoute }) },
      { path: 'runs', lazy: async () => ({ Component: (await import('@/features/runs/components/runs-list')).RunsList }) },
      { path: 'runs/:id', lazy: async () => ({ Component: (await import('./routes/run-detail-route')).RunDetailRoute }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
