import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@/shared/components/button';
import { LoadingState } from '@/shared/components/states';
import { useAuthState, useSetup } from '../api/auth';
import { setupTokenFrom } from '../api/redirects';
import { AuthScreen, GeneralProblems, Notice, serverProblems, TextField } from '@/shared/forms/form-parts';

/** The first admin, from the one-time link the server logs on its first start (`/setup#token=…`). */
export function SetupPage() {
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the fragment never reaches the server, and it leaves the address bar right after.
  const [token] = useState(() => setupTokenFrom(location.hash));
  const state = useAuthState();
  const setup = useSetup();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  useEffect(() => {
    if (location.hash) navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  if (state.isPending) return <LoadingState />;
  if (state.data && !state.data.setup_required && !setup.isPending && !setup.isSuccess) {
    return (
      <AuthScreen title="Already set up">
        <p className="text-sm text-slate-600">Benchdeck has its first admin. <Link to="/sign-in" className="text-indigo-700 hover:underline">Sign in</Link>.</p>
      </AuthScreen>
    );
  }
  if (!token) {
    return (
      <AuthScreen title="Create the first admin">
        <Notice tone="warning">
          This page needs the setup link the server printed when it started: <code>…/setup#token=bds_…</code>. Open that link
          (it is valid for one hour; a restart prints a new one), or run <code>benchdeck users add NAME --role admin</code>.
        </Notice>
      </AuthScreen>
    );
  }

  const problems = serverProblems(setup.error, ['username', 'password', 'token']);
  const tokenProblems = problems.of('token');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setup.mutate({ token, username, password }, { onSuccess: () => navigate('/', { replace: true }) });
  };

  return (
    <AuthScreen title="Create the first admin">
      <form className="space-y-4" onSubmit={submit} aria-label="Create the first admin" data-testid="setup-form">
        <GeneralProblems messages={[...tokenProblems.map((m) => `Setup link: ${m}`), ...problems.general]} />
        <TextField label="Username" value={username} onChange={setUsername} autoComplete="username" autoFocus errors={problems.of('username')} />
        <TextField label="Password" type="password" value={password} onChange={setPassword} autoComplete="new-password"
          hint="At least 12 characters; a phrase of a few words works well." errors={problems.of('password')} />
        <TextField label="Repeat password" type="password" value={repeat} onChange={setRepeat} autoComplete="new-password"
          errors={mismatch ? ['The two passwords differ.'] : []} />
        <Button type="submit" disabled={setup.isPending}>{setup.isPending ? 'Creating…' : 'Create admin and sign in'}</Button>
      </form>
    </AuthScreen>
  );
}
