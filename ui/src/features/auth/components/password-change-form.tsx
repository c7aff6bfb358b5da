import { useState, type FormEvent } from 'react';
import { Button } from '@/shared/components/button';
import { useChangePassword } from '../api/account';
import { GeneralProblems, Notice, serverProblems, TextField } from '@/shared/forms/form-parts';

export function PasswordChangeForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const problems = serverProblems(change.error, ['current_password', 'new_password']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    change.mutate({ current_password: current, new_password: next }, {
      onSuccess: () => { setCurrent(''); setNext(''); setRepeat(''); },
    });
  };

  return (
    <form className="space-y-4" onSubmit={submit} aria-label="Change password">
      {change.isSuccess && <Notice tone="success">Password changed. Your other sessions have ended.</Notice>}
      <GeneralProblems messages={problems.general} />
      <TextField label="Current password" type="password" value={current} onChange={setCurrent} autoComplete="current-password"
        autoFocus={autoFocus} errors={problems.of('current_password')} />
      <TextField label="New password" type="password" value={next} onChange={setNext} autoComplete="new-password"
        hint="At least 12 characters." errors={problems.of('new_password')} />
      <TextField label="Repeat new password" type="password" value={repeat} onChange={setRepeat} autoComplete="new-password"
        errors={mismatch ? ['The two passwords differ.'] : []} />
      <Button type="submit" disabled={change.isPending}>{change.isPending ? 'Changing…' : 'Change password'}</Button>
    </form>
  );
}
