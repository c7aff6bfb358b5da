import { useState, type FormEvent } from 'react';
import { Button } from '@/shared/components/button';
import { useConfirmTotp, useDisableTotp, useStartTotp } from '../api/account';
import { GeneralProblems, Notice, serverProblems, TextField } from '@/shared/forms/form-parts';

/** Turn on (secret → a code to prove it works → recovery codes, shown once) or off (with the password). */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');

  if (confirm.data) {
    return (
      <div className="space-y-3" data-testid="recovery-codes">
        <Notice tone="success">Two-factor sign-in is on.</Notice>
        <p className="text-sm text-slate-700">Your recovery codes — each signs in once when you do not have your phone. They are shown only now: store them somewhere safe.</p>
        <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
          {confirm.data.recovery_codes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <Button variant="secondary" onClick={() => { confirm.reset(); start.reset(); }}>I have stored them</Button>
      </div>
    );
  }

  if (enabled) {
    const problems = serverProblems(disable.error, ['password']);
    const submit = (event: FormEvent) => {
      event.preventDefault();
      disable.mutate(password, { onSuccess: () => setPassword('') });
    };
    return (
      <form className="space-y-3" onSubmit={submit} aria-label="Turn off two-factor sign-in">
        <p className="text-sm text-slate-700">Two-factor sign-in is <strong>on</strong>.</p>
        <GeneralProblems messages={problems.general} />
        <TextField label="Password (to turn it off)" type="password" value={password} onChange={setPassword} autoComplete="current-password" errors={problems.of('password')} />
        <Button type="submit" variant="danger" disabled={disable.isPending}>Turn off two-factor sign-in</Button>
      </form>
    );
  }

  if (!start.data) {
    return (
      <div className="space-y-3">
        {disable.isSuccess && <Notice>Two-factor sign-in is off.</Notice>}
        <p className="text-sm text-slate-700">Off. With it on, signing in also asks for a code from an authenticator app.</p>
        <GeneralProblems messages={serverProblems(start.error, []).general} />
        <Button disabled={start.isPending} onClick={() => start.mutate()}>Set up two-factor sign-in</Button>
      </div>
    );
  }

  const problems = serverProblems(confirm.error, ['code']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim(), { onSuccess: () => setCode('') });
  };
  return (
    <form className="space-y-3" onSubmit={submit} aria-label="Confirm two-factor sign-in">
      <p className="text-sm text-slate-700">Add this account to your authenticator app with the link or the secret, then enter the code it shows.</p>
      <dl className="space-y-2 text-sm">
        <dt className="font-medium text-slate-700">Setup link</dt>
        <dd className="font-mono text-xs break-all" data-testid="otpauth-uri">{start.data.otpauth_uri}</dd>
        <dt className="font-medium text-slate-700">Secret</dt>
        <dd className="font-mono break-all" data-testid="totp-secret">{start.data.secret}</dd>
      </dl>
      <GeneralProblems messages={problems.general} />
      <TextField label="Code from the app" value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" errors={problems.of('code')} />
      <div className="flex gap-2">
        <Button type="submit" disabled={confirm.isPending}>{confirm.isPending ? 'Checking…' : 'Turn on'}</Button>
        <Button variant="ghost" onClick={() => start.reset()}>Cancel</Button>
      </div>
    </form>
  );
}
