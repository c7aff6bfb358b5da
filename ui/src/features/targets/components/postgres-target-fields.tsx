import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import type { FieldClaim } from '@/shared/forms/field-problems';
import { SSL_MODES, type PostgresFields } from '../api/postgres-target';

type Props = {
  fields: PostgresFields;
  errors: FieldErrors;
  /** False while stored secrets are kept: their inputs are hidden behind "Replace". */
  editSecrets: boolean;
  onChange: (change: Partial<PostgresFields>) => void;
};

/** Where the database is and how to log in; secrets are write-only inputs. */
export function PostgresTargetFields({ fields, errors, editSecrets, onChange }: Props) {
  const text = (label: string, key: keyof PostgresFields, path: string, extra: { hint?: string; placeholder?: string; className?: string } = {}) => (
    <Field label={label} errors={messagesFor(errors, path)} hint={extra.hint} className={extra.className}>
      {(p) => <input {...p} className={inputClasses} value={String(fields[key])} placeholder={extra.placeholder} onChange={(e) => onChange({ [key]: e.target.value })} />}
    </Field>
  );
  return (
    <>
      {text('Host', 'host', 'options.host', { placeholder: '127.0.0.1' })}
      {text('Port', 'port', 'options.port', { placeholder: '5432' })}
      {text('Database', 'database', 'options.database', { placeholder: 'postgres' })}
      {text('User', 'user', 'options.user', { placeholder: 'bench' })}
      <Field label="SSL mode" errors={messagesFor(errors, 'options.sslmode')}>
        {(p) => (
          <select {...p} className={inputClasses} value={fields.sslmode} onChange={(e) => onChange({ sslmode: e.target.value })}>
            {SSL_MODES.map((mode) => <option key={mode} value={mode}>{mode}</option>)}
          </select>
        )}
      </Field>
      {text('Connect timeout', 'connectTimeout', 'options.connect_timeout', { placeholder: '10s' })}
      {text('Pool size', 'poolSize', 'options.pool.size', { hint: 'Default: the largest thread count' })}
      {text('Pool overflow', 'poolOverflow', 'options.pool.overflow', { placeholder: '0' })}
      {editSecrets && (
        <Field label="Password" errors={messagesFor(errors, 'credentials.password')} hint="Stored encrypted; never shown again." className="md:col-span-2">
          {(p) => <input {...p} type="password" className={inputClasses} value={fields.password} autoComplete="new-password" onChange={(e) => onChange({ password: e.target.value })} />}
        </Field>
      )}
      <fieldset className="rounded-md border border-slate-200 p-3 md:col-span-2">
        <legend className="px-1 text-sm font-medium text-slate-700">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={fields.useLakebase} onChange={(e) => onChange({ useLakebase: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
            Databricks Lakebase (OAuth tokens instead of a password)
          </label>
        </legend>
        <FieldMessages messages={messagesFor(errors, 'options.lakebase')} />
        {fields.useLakebase && (
          <div className="grid gap-3 md:grid-cols-2">
            {text('Workspace URL', 'workspaceUrl', 'options.lakebase.workspace_url', { placeholder: 'https://….cloud.databricks.com', className: 'md:col-span-2' })}
            <Field label="Database kind" errors={[]}>
              {(p) => (
                <select {...p} className={inputClasses} value={fields.lakebaseKind} onChange={(e) => onChange({ lakebaseKind: e.target.value as PostgresFields['lakebaseKind'] })}>
                  <option value="instance">provisioned instance</option>
                  <option value="endpoint">autoscaling endpoint</option>
                </select>
              )}
            </Field>
            {text(fields.lakebaseKind === 'instance' ? 'Instance name' : 'Endpoint', 'lakebaseName', `options.lakebase.${fields.lakebaseKind}`,
              { placeholder: fields.lakebaseKind === 'instance' ? 'my-instance' : 'projects/…/branches/…/endpoints/…' })}
            {text('Profile', 'profile', 'options.lakebase.profile', { hint: 'From ~/.databrickscfg; or leave empty' })}
            {text('Client ID', 'clientId', 'options.lakebase.client_id', { hint: 'A service principal; with its client secret' })}
            {editSecrets && (
              <>
                <Field label="Token" errors={messagesFor(errors, 'credentials.lakebase.token')}>
                  {(p) => <input {...p} type="password" className={inputClasses} value={fields.token} autoComplete="off" onChange={(e) => onChange({ token: e.target.value })} />}
                </Field>
                <Field label="Client secret" errors={messagesFor(errors, 'credentials.lakebase.client_secret')}>
                  {(p) => <input {...p} type="password" className={inputClasses} value={fields.clientSecret} autoComplete="off" onChange={(e) => onChange({ clientSecret: e.target.value })} />}
                </Field>
              </>
            )}
          </div>
        )}
      </fieldset>
    </>
  );
}

/** Where these fields show the server's problems: only fields on screen (Lakebase ones while it is chosen, secrets while editable). */
export function postgresFieldClaims(fields: PostgresFields, editSecrets: boolean): FieldClaim[] {
  const paths = ['options.host', 'options.port', 'options.database', 'options.user', 'options.sslmode', 'options.connect_timeout',
    'options.pool.size', 'options.pool.overflow', 'options.lakebase'];
  if (editSecrets) paths.push('credentials.password');
  if (fields.useLakebase) {
    paths.push('options.lakebase.workspace_url', `options.lakebase.${fields.lakebaseKind}`, 'options.lakebase.profile', 'options.lakebase.client_id');
    if (editSecrets) paths.push('credentials.lakebase.token', 'credentials.lakebase.client_secret');
  }
  return paths.map((path) => ({ field: path, paths: [path] }));
}
