import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { SetupPage } from '@/features/auth/components/setup-page';
import { SignedInOnly } from '@/features/auth/components/signed-in-only';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { NotFound } from '@/shared/components/not-found';
import { AppLayout } from './layout';
import { RouteError } from './routes/route-parts';

// Each screen is its own chunk: the overview does not load uPlot, the YAML parser or the run screen.
// They load with React.lazy inside the layout's Suspense (not the router's `lazy`), so the router has
// nothing to load before its first render and the header shows at once while a screen's chunk loads.
const OverviewPage = lazy(async () => ({ default: (await import('./routes/overview-route')).OverviewRoute }));
const TargetsRoute = lazy(async () => ({ default: (await import('./routes/targets-route')).TargetsRoute }));
const GatewayRoute = lazy(async () => ({ default: (await import('./routes/gateway-route')).GatewayRoute }));
const IngestionRoute = lazy(async () => ({ default: (await import('./routes/ingestion-route')).IngestionRoute }));
const ScenariosList = lazy(async () => ({ default: (await import('./routes/scenario-routes')).ScenariosList }));
const NewScenarioRoute = lazy(async () => ({ default: (await import('./routes/scenario-routes')).NewScenarioRoute }));
const ScenarioRoute = lazy(async () => ({ default: (await import('./routes/scenario-routes')).ScenarioRoute }));
const ScenarioHistoryRoute = lazy(async () => ({ default: (await import('./routes/history-route')).ScenarioHistoryRoute }));
const RunsList = lazy(async () => ({ default: (await import('@/features/runs/components/runs-list')).RunsList }));
const RunDetailRoute = lazy(async () => ({ default: (await import('./routes/run-detail-route')).RunDetailRoute }));
const AgentsPage = lazy(async () => ({ default: (await import('@/features/agents/components/agents-page')).AgentsPage }));
const ComparePage = lazy(async () => ({ default: (await import('@/features/compare/components/compare-page')).ComparePage }));
const AccountPage = lazy(async () => ({ default: (await import('@/features/auth/components/account-page')).AccountPage }));
const AdminUsersPage = lazy(async () => ({ default: (await import('./routes/admin-routes')).AdminUsersRoute }));
const AdminSettingsPage = lazy(async () => ({ default: (await import('./routes/admin-routes')).AdminSettingsRoute }));
const AdminWebhooksPage = lazy(async () => ({ default: (await import('./routes/admin-routes')).AdminWebhooksRoute }));
const AdminAuditPage = lazy(async () => ({ default: (await import('./routes/admin-routes')).AdminAuditRoute }));

export const routes: RouteObject[] = [
  // before anyone is signed in: no header, no live feed (the server would refuse it)
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/setup', element: <SetupPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <SignedInOnly><AppLayout /></SignedInOnly>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'targets', element: <TargetsRoute /> },
      { path: 'targets/:id/gateway', element: <GatewayRoute /> },
      { path: 'targets/:id/ingestion', element: <IngestionRoute /> },
      { path: 'scenarios', element: <ScenariosList /> },
      { path: 'scenarios/new', element: <NewScenarioRoute /> },
      { path: 'scenarios/:id', element: <ScenarioRoute /> },
      { path: 'scenarios/:id/history', element: <ScenarioHistoryRoute /> },
      { path: 'runs', element: <RunsList /> },
      { path: 'runs/:id', element: <RunDetailRoute /> },
      { path: 'agents', element: <AgentsPage /> },
      { path: 'compare', element: <ComparePage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      { path: 'admin/settings', element: <AdminSettingsPage /> },
      { path: 'admin/audit', element: <AdminAuditPage /> },
      { path: 'admin/webhooks', element: <AdminWebhooksPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
