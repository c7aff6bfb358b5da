import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@/shared/api-client/api-client';
import { Button } from '@/shared/components/button';
import { LoadingState } from '@/shared/components/states';
import { OIDC_SIGN_IN_PATH, useAuthState, useSignIn } from '../api/auth';
import { safeNext } from '../api/redirects';
import { AuthScreen, GeneralProblems, serverProblems, TextField, useCountdown } from '@/shared/forms/form-parts';
import { RegisterForm } from './register-form';

/** Username and password, then — when the server asks for it — the two-factor code. */
export function SignInPage() {
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const oidcError = search.get('oidc_error');
  const navigate = useNavigate();
  const state = useAuthState();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [totpStep, setTotpStep] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [wait, startWait] = useCountdown();

  if (state.isPending) return <LoadingState />;
  if (state.data?.setup_required) return <Navigate to="/setup" replace />;
  if (state.data?.signed_in && !state.isFetching && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username, password, ...(totpStep ? { totp_code: totpCode.trim() } : {}) },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.hasType('totp-required')) setTotpStep(true);
          if (error.status === 429) startWait(error.retryAfterSeconds ?? 60);
        },
      },
    );
  };

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  // The first "code needed" answer is the next step, not a mistake; later ones are wrong codes.
  const wrongCode = error?.hasType('totp-required') && signIn.variables?.totp_code !== undefined;
  const problems = serverProblems(error && !error.hasType('totp-required') ? error : null, ['username', 'password']);
  let general = problems.general;
  if (error?.status === 429) general = [wait > 0 ? `Too many sign-in attempts. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.` : 'Too many sign-in attempts. You may try again now.'];
  else if (error?.hasType('sign-in-failed')) general = ['Wrong username or password.'];
  else if (error?.hasType('totp-required')) general = [];
  else if (signIn.error && !error) general = serverProblems(signIn.error, []).general;
  else if (!signIn.error && oidcError) general = [oidcMessage(oidcError, state.data?.oidc.name ?? 'the provider')];
  const codeProblems = wrongCode ? (serverProblems(error, ['totp_code']).of('totp_code').length ? serverProblems(error, ['totp_code']).of('totp_code') : ['That code is not right.']) : [];

  if (registering) return <RegisterForm onBack={() => setRegistering(false)} onDone={() => navigate(next, { replace: true })} />;

  return (
    <AuthScreen title={totpStep ? 'Two-factor code' : 'Sign in'}>
      <form className="space-y-4" onSubmit={submit} aria-label="Sign in" data-testid="sign-in-form">
        <GeneralProblems messages={general} />
        {totpStep ? (
          <>
            <p className="text-sm text-slate-600">Enter the 6-digit code from your authenticator app for <strong>{username}</strong>, or one of your recovery codes.</p>
            <TextField label="Code" value={totpCode} onChange={setTotpCode} autoComplete="one-time-code" inputMode="numeric" autoFocus errors={codeProblems} />
          </>
        ) : (
          <>
            <TextField label="Username" value={username} onChange={setUsername} autoComplete="username" autoFocus errors={problems.of('username')} />
            <TextField label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" errors={problems.of('password')} />
          </>
        )}
        <div className="flex items-center gap-2">
          <Button type="submit" disabled={signIn.isPending || wait > 0}>{signIn.isPending ? 'Signing in…' : 'Sign in'}</Button>
          {totpStep && (
            <Button variant="ghost" onClick={() => { setTotpStep(false); setTotpCode(''); signIn.reset(); }}>Back</Button>
          )}
        </div>
      </form>
      {state.data?.oidc.enabled && !totpStep && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          {/* a plain link: the server runs the provider's flow and comes back to the dashboard signed in */}
          <a href={OIDC_SIGN_IN_PATH} className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm font-medium text-slate-800 hover:bg-slate-50">
            Sign in with {state.data.oidc.name ?? 'single sign-on'}
          </a>
        </div>
      )}
      {state.data?.self_registration && !totpStep && (
        <p className="mt-4 text-sm text-slate-600">
          New here? <button type="button" className="text-indigo-700 hover:underline" onClick={() => setRegistering(true)}>Create an account</button>
        </p>
      )}
    </AuthScreen>
  );
}

/** What the server's redirect back after a failed provider sign-in (`?oidc_error=`) means. */
function oidcMessage(code: string, provider: string) {
  return code === 'refused'
    ? `Signing in through ${provider} was refused: your account here is disabled or has no role. Ask an admin.`
    : `Signing in through ${provider} did not complete. Try again.`;
}
