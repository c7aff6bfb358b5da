import { useSearchParams } from 'react-router';
import { useCurrentUser } from '@/shared/auth/current-user';
import { Button } from '@/shared/components/button';
import { Card, PageHeader } from '@/shared/components/layout-parts';
import { useAuthState, useSignOut } from '../api/auth';
import { Notice } from '@/shared/forms/form-parts';
import { PasswordChangeForm } from './password-change-form';
import { TokensSection } from './tokens-section';
import { TwoFactorSection } from './two-factor-section';

export function AccountPage() {
  const { user } = useCurrentUser();
  const [search] = useSearchParams();
  const everywhere = useSignOut(true);
  const state = useAuthState();
  if (!user) return null;
  const mustChange = user.must_change_password;
  const mustEnrol = !mustChange && Boolean(state.data?.require_totp) && !user.totp_enabled;
  return (
    <>
      <PageHeader title="Account">Signed in as {user.username} ({user.role}).</PageHeader>
      {mustChange && (
        <div className="mb-6" data-testid="must-change-password">
          <Notice tone="warning">You must choose a new password before you can use Benchdeck.</Notice>
        </div>
      )}
      {mustEnrol && (
        <div className="mb-6" data-testid="must-enrol-totp">
          <Notice tone="warning">The admins require two-factor sign-in: set it up below before you continue.</Notice>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Password">
          <PasswordChangeForm autoFocus={mustChange || search.get('change_password') === '1'} />
        </Card>
        {!mustChange && (
          <Card title="Two-factor sign-in">
            <TwoFactorSection enabled={user.totp_enabled} />
          </Card>
        )}
      </div>
      {!mustChange && (
        <>
          <Card title="API tokens" className="mt-6">
            <TokensSection isAdmin={user.role === 'admin'} />
          </Card>
          <Card title="Sessions" className="mt-6">
            <p className="mb-3 text-sm text-slate-600">Ends every session of yours, on every device, this one included. API tokens stay.</p>
            {everywhere.isError && <p role="alert" className="mb-2 text-sm text-red-700">{everywhere.error.message}</p>}
            <Button variant="secondary" disabled={everywhere.isPending} onClick={() => everywhere.mutate()}>Sign out everywhere</Button>
          </Card>
        </>
      )}
    </>
  );
}
