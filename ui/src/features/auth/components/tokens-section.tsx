import { useState, type FormEvent } from 'react';
import { errorMessage } from '@/shared/api-client/api-client';
import { Button } from '@/shared/components/button';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { Field, inputClasses } from '@/shared/components/field';
import { tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatDateTime } from '@/shared/format/format';
import { useCreateToken, useRevokeToken, useTokens } from '../api/account';
import { TOKEN_SCOPES, type CreatedToken, type TokenScope } from '../api/types';
import { GeneralProblems, Notice, serverProblems, TextField } from '@/shared/forms/form-parts';

const SCOPE_HINTS: Record<TokenScope, string> = {
  read: 'read everything',
  run: 'create and edit targets and scenarios, start and cancel runs',
  admin: 'everything an admin may do',
};

/** Personal API tokens: list (with last use), create (the secret shown once), revoke. */
export function TokensSection({ isAdmin }: { isAdmin: boolean }) {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        For CI and scripts: send <code>Authorization: Bearer bd_…</code>, or set <code>BENCHDECK_TOKEN</code> for the CLI. A token never has more rights than you.
      </p>
      {created && <CreatedTokenNotice token={created} onDone={() => setCreated(null)} />}
      <NewTokenForm scopes={isAdmin ? TOKEN_SCOPES : TOKEN_SCOPES.filter((s) => s !== 'admin')} onCreated={setCreated} />
      {revoke.isError && <p role="alert" className="text-sm text-red-700">Could not revoke: {errorMessage(revoke.error)}</p>}
      {tokens.isPending ? (
        <LoadingState label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} title="Could not load your tokens." />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No API tokens" />
      ) : (
        <TableScroll label="API tokens">
          <table className={tableClasses}>
            <thead>
              <tr>
                <th scope="col" className={thClasses}>Name</th>
                <th scope="col" className={thClasses}>Starts with</th>
                <th scope="col" className={thClasses}>Scopes</th>
                <th scope="col" className={thClasses}>Created</th>
                <th scope="col" className={thClasses}>Expires</th>
                <th scope="col" className={thClasses}>Last used</th>
                <th scope="col" className={thClasses}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td className={`${tdClasses} font-medium`}>{t.name}</td>
                  <td className={`${tdClasses} font-mono text-xs`}>{t.prefix.startsWith('bd_') ? t.prefix : `bd_${t.prefix}`}…</td>
                  <td className={tdClasses}>{t.scopes.join(', ')}</td>
                  <td className={tdClasses}>{formatDateTime(t.created_at)}</td>
                  <td className={tdClasses}>{t.expires_at ? formatDateTime(t.expires_at) : 'never'}</td>
                  <td className={tdClasses}>{t.last_used_at ? formatDateTime(t.last_used_at) : 'never'}</td>
                  <td className={`${tdClasses} text-right`}>
                    <ConfirmButton label="Revoke" question={`Revoke ${t.name}?`} pending={revoke.isPending} onConfirm={() => revoke.mutate(t.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

function NewTokenForm({ scopes, onCreated }: { scopes: readonly TokenScope[]; onCreated: (token: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('30');
  const problems = serverProblems(create.error, ['name', 'scopes', 'expires_in_days']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expires = days.trim() === '' ? null : Number(days);
    create.mutate({ name: name.trim(), scopes: chosen, expires_in_days: expires }, {
      onSuccess: (token) => { onCreated(token); setName(''); },
    });
  };
  const toggle = (scope: TokenScope) => setChosen((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));

  return (
    <form className="grid gap-3 md:grid-cols-[2fr_2fr_1fr_auto] md:items-start" onSubmit={submit} aria-label="New API token">
      <TextField label="Token name" value={name} onChange={setName} errors={problems.of('name')} hint="e.g. ci" />
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-700">Scopes</legend>
        {scopes.map((scope) => (
          <label key={scope} className="flex items-center gap-2 text-sm text-slate-700" title={SCOPE_HINTS[scope]}>
            <input type="checkbox" checked={chosen.includes(scope)} onChange={() => toggle(scope)} /> {scope}
            <span className="text-xs text-slate-500">({SCOPE_HINTS[scope]})</span>
          </label>
        ))}
        {problems.of('scopes').map((m) => <p key={m} className="mt-1 text-xs text-red-700">{m}</p>)}
      </fieldset>
      <Field label="Expires in days" errors={problems.of('expires_in_days')} hint="Empty: never.">
        {(props) => <input {...props} type="number" min={1} className={inputClasses} value={days} onChange={(e) => setDays(e.target.value)} />}
      </Field>
      <div className="md:pt-6">
        <Button type="submit" disabled={create.isPending || chosen.length === 0}>{create.isPending ? 'Creating…' : 'Create token'}</Button>
      </div>
      <div className="md:col-span-4"><GeneralProblems messages={problems.general} /></div>
    </form>
  );
}

function CreatedTokenNotice({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Notice tone="success">
      <p className="font-medium">Token “{token.name}” created. Copy it now: it is shown only this once.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input readOnly aria-label="New token" data-testid="new-token" className={`${inputClasses} font-mono md:w-[28rem]`} value={token.token}
          onFocus={(e) => e.target.select()} />
        <Button variant="secondary" onClick={() => void copy()}>{copied === 'yes' ? 'Copied' : 'Copy'}</Button>
        <Button variant="ghost" onClick={onDone}>Done</Button>
      </div>
      {copied === 'failed' && <p className="mt-1 text-xs">The browser did not allow copying; select the text and copy it yourself.</p>}
    </Notice>
  );
}
