import { useState, type FormEvent } from 'react';
import { Button } from '@/shared/components/button';
import { useRegister, useSignIn } from '../api/auth';
import { AuthScreen, GeneralProblems, serverProblems, TextField } from '@/shared/forms/form-parts';

/** Self-registration, when an admin turned it on: a viewer account. */
export function RegisterForm({ onBack, onDone }: { onBack: () => void; onDone: () => void }) {
  const register = useRegister();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const problems = serverProblems(register.error ?? signIn.error, ['username', 'password']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    // the new account is not signed in yet: sign in with what was just typed
    register.mutate({ username, password }, { onSuccess: () => signIn.mutate({ username, password }, { onSuccess: onDone }) });
  };

  return (
    <AuthScreen title="Create an account">
      <form className="space-y-4" onSubmit={submit} aria-label="Create an account">
        <GeneralProblems messages={problems.general} />
        <TextField label="Username" value={username} onChange={setUsername} autoComplete="username" errors={problems.of('username')} />
        <TextField label="Password" type="password" value={password} onChange={setPassword} autoComplete="new-password"
          hint="At least 12 characters." errors={problems.of('password')} />
        <TextField label="Repeat password" type="password" value={repeat} onChange={setRepeat} autoComplete="new-password"
          errors={mismatch ? ['The two passwords differ.'] : []} />
        <div className="flex gap-2">
          <Button type="submit" disabled={register.isPending || signIn.isPending}>{register.isPending || signIn.isPending ? 'Creating…' : 'Create account'}</Button>
          <Button variant="ghost" onClick={onBack}>Back to sign-in</Button>
        </div>
      </form>
    </AuthScreen>
  );
}
