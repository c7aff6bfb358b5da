import { useEffect, useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { liveSocket } from '@/shared/api-client/live-socket';
import { CurrentUserContext, currentUserOf, useCurrentUser } from '@/shared/auth/current-user';
import { PageHeader } from '@/shared/components/layout-parts';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { useAuthState } from '../api/auth';
import { signInPath } from '../api/redirects';

/** Shows its children to a signed-in user (and tells them who that is); everyone else goes to sign in or setup. */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const state = useAuthState();
  const location = useLocation();
  const user = state.data?.signed_in ? state.data.user : null;
  const held = Boolean(user && (user.must_change_password || (state.data?.require_totp && !user.totp_enabled)));
  const current = useMemo(() => currentUserOf(user, held), [user, held]);
  const signedIn = user !== null;
  // the live feed opens again after a sign-in (sign-out closed it); children's effects ran first and waited
  useEffect(() => {
    if (signedIn) liveSocket.allow();
  }, [signedIn]);

  if (state.isPending) return <LoadingState />;
  if (state.isError) return <ErrorState error={state.error} onRetry={() => void state.refetch()} title="Could not reach the server." />;
  if (state.data.setup_required) return <Navigate to="/setup" replace />;
  if (!user) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (location.pathname !== '/account') {
    if (user.must_change_password) return <Navigate to="/account?change_password=1" replace />;
    if (state.data.require_totp && !user.totp_enabled) return <Navigate to="/account?enrol_totp=1" replace />;
  }
  return <CurrentUserContext.Provider value={current}>{children}</CurrentUserContext.Provider>;
}

/** An admin's screen; others see why it is not theirs (the server refuses them anyway). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { can } = useCurrentUser();
  if (can('admin')) return <>{children}</>;
  return (
    <>
      <PageHeader title="Admins only" />
      <p role="alert" className="text-sm text-slate-700">This page is for admins. Ask one if you need something changed.</p>
    </>
  );
}
