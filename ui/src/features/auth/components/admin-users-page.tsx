import { useState, type FormEvent } from 'react';
import { errorMessage } from '@/shared/api-client/api-client';
import { ROLES, useCurrentUser, type Role, type User } from '@/shared/auth/current-user';
import { Button } from '@/shared/components/button';
import { Field, inputClasses } from '@/shared/components/field';
import { Card, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { formatDateTime } from '@/shared/format/format';
import { useCreateUser, useResetPassword, useUpdateUser, useUsers } from '../api/admin';
import { GeneralProblems, Notice, serverProblems, TextField } from '@/shared/forms/form-parts';

export function AdminUsersPage() {
  const users = useUsers();
  const update = useUpdateUser();
  const { user: me } = useCurrentUser();
  const [resetting, setResetting] = useState<User | null>(null);
  return (
    <>
      <PageHeader title="Users">Who may sign in, and what they may do. New users choose their own password at first sign-in.</PageHeader>
      <Card title="New user" className="mb-6">
        <NewUserForm />
      </Card>
      <Card>
        {update.isError && <p role="alert" className="mb-3 text-sm text-red-700">{errorMessage(update.error)}</p>}
        {resetting && <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} />}
        {users.isPending ? (
          <LoadingState label="Loading users…" />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} title="Could not load users." />
        ) : (
          <TableScroll label="Users">
            <table className={tableClasses}>
              <thead>
                <tr>
                  <th scope="col" className={thClasses}>Username</th>
                  <th scope="col" className={thClasses}>Role</th>
                  <th scope="col" className={thClasses}>Status</th>
                  <th scope="col" className={thClasses}>Two-factor</th>
                  <th scope="col" className={thClasses}>Last sign-in</th>
                  <th scope="col" className={thClasses}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.data.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.username}`}>
                    <td className={`${tdClasses} font-medium`}>{u.username}</td>
                    <td className={tdClasses}>
                      <select aria-label={`Role of ${u.username}`} className={`${inputClasses} w-auto`} value={u.role}
                        disabled={update.isPending || u.id === me?.id} onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}>
                        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                      </select>
                    </td>
                    <td className={tdClasses}>
                      {u.enabled ? 'enabled' : 'disabled'}
                      {u.must_change_password && <span className="ml-1 text-xs text-amber-700">(must change password)</span>}
                    </td>
                    <td className={tdClasses}>{u.totp_enabled ? 'on' : 'off'}</td>
                    <td className={tdClasses}>{u.last_sign_in_at ? formatDateTime(u.last_sign_in_at) : 'never'}</td>
                    <td className={`${tdClasses} text-right`}>
                      {u.id !== me?.id && (
                        <Button variant="ghost" disabled={update.isPending} onClick={() => update.mutate({ id: u.id, enabled: !u.enabled })}
                          aria-label={`${u.enabled ? 'Disable' : 'Enable'} ${u.username}`}>
                          {u.enabled ? 'Disable' : 'Enable'}
                        </Button>
                      )}
                      <Button variant="ghost" onClick={() => setResetting(u)} aria-label={`Reset password of ${u.username}`}>Reset password</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </>
  );
}

function NewUserForm() {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const problems = serverProblems(create.error, ['username', 'password', 'role']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ username: username.trim(), password, role }, { onSuccess: () => { setUsername(''); setPassword(''); } });
  };
  return (
    <form className="grid gap-3 md:grid-cols-[1fr_1fr_auto_auto] md:items-start" onSubmit={submit} aria-label="New user">
      <TextField label="Username" name="new-username" value={username} onChange={setUsername} autoComplete="off" errors={problems.of('username')} />
      <TextField label="Initial password" type="password" value={password} onChange={setPassword} autoComplete="new-password"
        hint="At least 12 characters; they must change it at first sign-in." errors={problems.of('password')} />
      <Field label="Role" errors={problems.of('role')}>
        {(props) => (
          <select {...props} className={inputClasses} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        )}
      </Field>
      <div className="md:pt-6">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create user'}</Button>
      </div>
      <div className="md:col-span-4 space-y-2">
        <GeneralProblems messages={problems.general} />
        {create.isSuccess && <Notice tone="success">User {create.data.username} created as {create.data.role}.</Notice>}
      </div>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const problems = serverProblems(reset.error, ['password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ id: user.id, password }, { onSuccess: onDone });
  };
  return (
    <form className="mb-4 flex flex-wrap items-start gap-3 rounded-md bg-slate-50 p-3" onSubmit={submit} aria-label={`Reset password of ${user.username}`}>
      <div className="min-w-64 flex-1">
        <TextField label={`New password for ${user.username}`} type="password" value={password} onChange={setPassword} autoComplete="new-password"
          hint="They must change it at their next sign-in." errors={problems.of('password')} />
      </div>
      <div className="flex gap-2 pt-6">
        <Button type="submit" disabled={reset.isPending}>{reset.isPending ? 'Resetting…' : 'Reset password'}</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
      <div className="w-full"><GeneralProblems messages={problems.general} /></div>
    </form>
  );
}
