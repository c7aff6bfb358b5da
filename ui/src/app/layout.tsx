import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { UserMenu } from '@/features/auth/components/user-menu';
import { useCurrentUser } from '@/shared/auth/current-user';
import { ConnectionIndicator } from '@/features/live/components/connection-indicator';
import { focusRing } from '@/shared/components/button';
import { LoadingState } from '@/shared/components/states';
import { paths } from '@/shared/paths';

const navigation = [
  { to: paths.overview, label: 'Overview', end: true },
  { to: paths.targets, label: 'Targets', end: false },
  { to: paths.scenarios, label: 'Scenarios', end: false },
  { to: paths.runs, label: 'Runs', end: false },
  { to: paths.agents, label: 'Agents', end: false },
];

export function AppLayout() {
  // a user held at the account page gets no live feed: the server refuses it until they are through
  const { held } = useCurrentUser();
  return (
    <div className="min-h-screen">
      <a href="#main" className={`sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2 ${focusRing}`}>
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-semibold text-indigo-700">Benchdeck</span>
          <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
            <ul className="flex gap-1 overflow-x-auto">
              {navigation.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      `block rounded-md px-3 py-1.5 text-sm font-medium ${focusRing} ${isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-4">
            {!held && <ConnectionIndicator />}
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
