import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors, unclaimedMessages } from '@/shared/api-client/problem-details';
import type { Target, TargetInput, TargetKind } from '@/shared/api-client/types';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { llmFieldsOf, llmInput, validateLlmFields, type LlmFields } from '../api/llm-target';
import { postgresFieldsOf, postgresInput, type PostgresFields } from '../api/postgres-target';
import { useSaveTarget } from '../api/targets';
import { LLM_FIELD_PATHS, LlmTargetFields } from './llm-target-fields';
import { POSTGRES_FIELD_PATHS, PostgresTargetFields } from './postgres-target-fields';

const HTTP_VERSIONS = ['1.1', '2'];
const KNOWN_PATHS = ['name', 'kind', 'url', 'options.http_version', 'options.insecure', 'credentials', ...POSTGRES_FIELD_PATHS, ...LLM_FIELD_PATHS];
const KINDS: TargetKind[] = ['http', 'postgres', 'llm', 'automation'];

/** Create or edit a target. Credentials are write-only: a stored value is never shown, only replaced. */
export function TargetForm({ target, onDone }: { target?: Target; onDone: () => void }) {
  const [name, setName] = useState(target?.name ?? '');
  const [kind, setKind] = useState<TargetKind>(KINDS.find((k) => k === target?.kind) ?? 'http');
  const [url, setUrl] = useState(target?.kind === 'postgres' ? '' : target?.url ?? '');
  const [httpVersion, setHttpVersion] = useState(target?.options?.http_version ?? '1.1');
  const [insecure, setInsecure] = useState(target?.options?.insecure ?? false);
  const [postgres, setPostgres] = useState<PostgresFields>(() => postgresFieldsOf(target));
  const [llm, setLlm] = useState<LlmFields>(() => llmFieldsOf(target));
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [replaceCredentials, setReplaceCredentials] = useState(!target?.has_credentials);
  const [headerName, setHeaderName] = useState('');
  const [headerValue, setHeaderValue] = useState('');
  const save = useSaveTarget();

  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const errors = { ...toFieldErrors(problem?.errors), ...localErrors };
  const llmKind = kind === 'llm' || kind === 'automation';
  const other = unclaimedMessages(errors, KNOWN_PATHS).filter((p) => !p.path.startsWith('credentials'));
  // secrets of the other kind mean nothing to this one: a kind change asks for new ones
  const editSecrets = replaceCredentials || kind !== target?.kind;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let input: TargetInput;
    if (kind === 'llm' || kind === 'automation') {
      const problems = validateLlmFields(kind, llm);
      setLocalErrors(problems);
      if (Object.keys(problems).length) return;
      input = { name: name.trim(), kind, url: url.trim(), ...llmInput(kind, llm, editSecrets) };
    } else if (kind === 'postgres') {
      input = { name: name.trim(), kind, ...postgresInput(postgres, editSecrets) };
    } else {
      input = { name: name.trim(), kind, url: url.trim(), options: { http_version: httpVersion, insecure } };
      if (editSecrets && headerName.trim()) input.credentials = { headers: { [headerName.trim()]: headerValue } };
    }
    save.mutate({ id: target?.id, input }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" aria-label={target ? `Edit ${target.name}` : 'New target'} noValidate>
      <Field label="Name" errors={messagesFor(errors, 'name')}>
        {(p) => <input {...p} className={inputClasses} value={name} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      <Field label="Kind" errors={messagesFor(errors, 'kind')}>
        {(p) => (
          <select {...p} className={inputClasses} value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
            <option value="http">HTTP API</option>
            <option value="postgres">PostgreSQL database (incl. Lakebase)</option>
            <option value="llm">LLM endpoint (OpenAI, Anthropic, compatible)</option>
            <option value="automation">Automation API</option>
          </select>
        )}
      </Field>
      {kind === 'postgres' ? (
        <PostgresTargetFields fields={postgres} errors={errors} editSecrets={editSecrets} onChange={(change) => setPostgres({ ...postgres, ...change })} />
      ) : llmKind ? (
        <>
          <Field label="Base URL" errors={messagesFor(errors, 'url')} className="md:col-span-2" hint={kind === 'llm' ? 'Without /v1, e.g. https://api.openai.com or http://127.0.0.1:8001' : 'The automation service, e.g. http://127.0.0.1:8001'}>
            {(p) => <input {...p} type="url" className={inputClasses} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:8001" required />}
          </Field>
          <LlmTargetFields kind={kind} fields={llm} errors={errors} editSecrets={editSecrets} onChange={(change) => setLlm({ ...llm, ...change })} />
        </>
      ) : (
        <>
          <Field label="URL" errors={messagesFor(errors, 'url')} className="md:col-span-2" hint="Base URL; plans add their paths to it.">
            {(p) => <input {...p} type="url" className={inputClasses} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:8080" required />}
          </Field>
          <Field label="HTTP version" errors={messagesFor(errors, 'options.http_version')}>
            {(p) => (
              <select {...p} className={inputClasses} value={httpVersion} onChange={(e) => setHttpVersion(e.target.value)}>
                {HTTP_VERSIONS.map((v) => <option key={v} value={v}>HTTP/{v}</option>)}
              </select>
            )}
          </Field>
          <div>
            <label className="mt-6 flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={insecure} onChange={(e) => setInsecure(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
              Skip TLS certificate checks (insecure)
            </label>
            <FieldMessages messages={messagesFor(errors, 'options.insecure')} />
          </div>
        </>
      )}

      <fieldset className="rounded-md border border-slate-200 p-3 md:col-span-2">
        <legend className="px-1 text-sm font-medium text-slate-700">
          {kind === 'postgres' ? 'Credentials (password, Lakebase token or client secret)' : llmKind ? 'Credentials (API key)' : 'Credentials (sent as a request header)'}
        </legend>
        {!editSecrets ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="rounded bg-green-50 px-2 py-0.5 text-green-800 ring-1 ring-green-200">stored</span>
            <span className="text-slate-600">Stored encrypted; never shown.</span>
            <Button variant="secondary" onClick={() => setReplaceCredentials(true)}>Replace</Button>
          </div>
        ) : kind === 'postgres' || llmKind ? (
          <p className="text-sm text-slate-600">
            {target?.has_credentials ? 'Saving replaces the stored secrets with the ones typed above (empty removes them).' : 'Type them above; they are stored encrypted.'}
          </p>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            <Field label="Header name">
              {(p) => <input {...p} className={inputClasses} value={headerName} onChange={(e) => setHeaderName(e.target.value)} placeholder="Authorization" autoComplete="off" />}
            </Field>
            <Field label="Header value">
              {(p) => <input {...p} type="password" className={inputClasses} value={headerValue} onChange={(e) => setHeaderValue(e.target.value)} autoComplete="new-password" />}
            </Field>
          </div>
        )}
        <FieldMessages messages={kind === 'postgres' || llmKind ? messagesFor(errors, 'credentials') : messagesFor(errors, 'credentials', { nested: true })} />
      </fieldset>

      {save.isError && (
        <div role="alert" className="text-sm text-red-700 md:col-span-2">
          <p>{errorMessage(save.error)}</p>
          <FieldMessages messages={other.map((p) => `${p.path}: ${p.message}`)} />
        </div>
      )}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : target ? 'Save target' : 'Create target'}</Button>
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
