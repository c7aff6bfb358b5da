import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors, type FieldErrors } from '@/shared/api-client/problem-details';
import type { Target, TargetInput, TargetKind } from '@/shared/api-client/types';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { placeProblems, type FieldClaim } from '@/shared/forms/field-problems';
import { ingestorFieldsOf, ingestorInput, type IngestorFields } from '../api/ingestor-target';
import { llmFieldsOf, llmInput, type LlmFields } from '../api/llm-target';
import { postgresFieldsOf, postgresInput, type PostgresFields } from '../api/postgres-target';
import { targetDraftProblems } from '../api/target-problems';
import { useSaveTarget } from '../api/targets';
import { ingestorFieldClaims, IngestorTargetFields } from './ingestor-target-fields';
import { llmFieldClaims, LlmTargetFields } from './llm-target-fields';
import { metricsFieldClaims, metricsFieldsOf, metricsOption, MetricsTargetFields, type MetricsFields } from './metrics-fields';
import { postgresFieldClaims, PostgresTargetFields } from './postgres-target-fields';

const HTTP_VERSIONS = ['1.1', '2'];
const GATEWAY: TargetKind = 'gateway';
const INGESTOR: TargetKind = 'ingestor';
const KINDS: TargetKind[] = ['http', 'postgres', 'llm', 'automation', GATEWAY, INGESTOR];
const claim = (path: string, nested = false): FieldClaim => ({ field: path, paths: [path], nested });

/**
 * Create or edit a target. Credentials are write-only: a stored value is never shown, only replaced.
 * Problems show next to their fields as one types — what the browser can tell at once, in the
 * server's words, and what the server said when it refused a save, until the form changes — and
 * Save stays off while there are any.
 */
export function TargetForm({ target, onDone }: { target?: Target; onDone: () => void }) {
  const [name, setName] = useState(target?.name ?? '');
  const [kind, setKind] = useState<TargetKind>(KINDS.find((k) => k === target?.kind) ?? 'http');
  const [url, setUrl] = useState(target?.kind === 'postgres' ? '' : target?.url ?? '');
  const [httpVersion, setHttpVersion] = useState(target?.options?.http_version ?? '1.1');
  const [insecure, setInsecure] = useState(target?.options?.insecure ?? false);
  const [postgres, setPostgres] = useState<PostgresFields>(() => postgresFieldsOf(target));
  const [llm, setLlm] = useState<LlmFields>(() => llmFieldsOf(target));
  const [metrics, setMetrics] = useState<MetricsFields>(() => metricsFieldsOf(target));
  const [ingestor, setIngestor] = useState<IngestorFields>(() => ingestorFieldsOf(target));
  const [touched, setTouched] = useState<Set<string>>(() => new Set(target ? ['name', 'url', 'options.automation_id'] : []));
  const [refused, setRefused] = useState<string | null>(null);
  const [replaceCredentials, setReplaceCredentials] = useState(!target?.has_credentials);
  const [headerName, setHeaderName] = useState('');
  const [headerValue, setHeaderValue] = useState('');
  const [adminToken, setAdminToken] = useState('');
  const save = useSaveTarget();

  const llmKind = kind === 'llm' || kind === 'automation';
  // secrets of the other kind mean nothing to this one: a kind change asks for new ones
  const editSecrets = replaceCredentials || kind !== target?.kind;
  const snapshot = JSON.stringify({ name, kind, url, httpVersion, insecure, postgres, llm, ingestor, metrics, headerName, headerValue, adminToken, editSecrets });
  const refusal = refused === snapshot && save.error instanceof ApiError ? toFieldErrors(save.error.problem?.errors) : {};
  const draftProblems = targetDraftProblems({ kind, name, url, llm });
  // An empty required field is said to be a problem once it was left empty, not on a fresh form.
  const shownDraft: FieldErrors = Object.fromEntries(Object.entries(draftProblems).filter(([path, [message]]) => message !== 'must not be blank' || touched.has(path)));
  const claims = [
    claim('name'), claim('kind'), ...metricsFieldClaims,
    ...(kind === 'postgres' ? postgresFieldClaims(postgres, editSecrets) : [claim('url')]),
    ...(llmKind ? llmFieldClaims(kind, editSecrets) : kind === 'http' ? [claim('options.http_version'), claim('options.insecure')] : []),
    ...(kind === GATEWAY ? [claim('options', true), claim('credentials.admin_token')] : []),
    ...(kind === INGESTOR ? ingestorFieldClaims(editSecrets) : []),
    claim('credentials', kind === 'http'),
  ];
  const problems = placeProblems({ ...refusal, ...shownDraft }, claims);
  const errors = problems.byField;
  const blocked = Object.keys(draftProblems).length > 0 || problems.count > 0;
  const touch = (path: string) => setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    let input: TargetInput;
    if (kind === 'llm' || kind === 'automation') {
      input = { name: name.trim(), kind, url: url.trim(), ...llmInput(kind, llm, editSecrets) };
    } else if (kind === 'postgres') {
      input = { name: name.trim(), kind, ...postgresInput(postgres, editSecrets) };
    } else if (kind === INGESTOR) {
      input = { name: name.trim(), kind, url: url.trim(), ...ingestorInput(ingestor, editSecrets, target) };
    } else if (kind === GATEWAY) {
      input = { name: name.trim(), kind, url: url.trim(), options: {} };
      if (editSecrets) input.credentials = { admin_token: adminToken } as TargetInput['credentials'];
    } else {
      input = { name: name.trim(), kind, url: url.trim(), options: { http_version: httpVersion, insecure } };
      if (editSecrets && headerName.trim()) input.credentials = { headers: { [headerName.trim()]: headerValue } };
    }
    input.options = { ...input.options, ...metricsOption(metrics) };
    const attempt = snapshot;
    save.mutate({ id: target?.id, input }, { onSuccess: onDone, onError: () => setRefused(attempt) });
  };

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" aria-label={target ? `Edit ${target.name}` : 'New target'} noValidate>
      <Field label="Name" errors={messagesFor(errors, 'name')} hint={draftProblems.name && !errors.name ? 'Required' : undefined}>
        {(p) => <input {...p} className={inputClasses} value={name} onChange={(e) => { touch('name'); setName(e.target.value); }} required />}
      </Field>
      <Field label="Kind" errors={messagesFor(errors, 'kind')}>
        {(p) => (
          <select {...p} className={inputClasses} value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
            <option value="http">HTTP API</option>
            <option value="postgres">PostgreSQL database (incl. Lakebase)</option>
            <option value="llm">LLM endpoint (OpenAI, Anthropic, compatible)</option>
            <option value="automation">Automation API</option>
            <option value={GATEWAY}>Benchdeck streaming gateway</option>
            <option value={INGESTOR}>Ingestion pipeline (Benchdeck ingestor or alike)</option>
          </select>
        )}
      </Field>
      {kind === 'postgres' ? (
        <PostgresTargetFields fields={postgres} errors={errors} editSecrets={editSecrets} onChange={(change) => setPostgres({ ...postgres, ...change })} />
      ) : llmKind ? (
        <>
          <Field label="Base URL" errors={messagesFor(errors, 'url')} className="md:col-span-2" hint={kind === 'llm' ? 'Without /v1, e.g. https://api.openai.com or http://127.0.0.1:8001' : 'The automation service, e.g. http://127.0.0.1:8001'}>
            {(p) => <input {...p} type="url" className={inputClasses} value={url} onChange={(e) => { touch('url'); setUrl(e.target.value); }} placeholder="http://127.0.0.1:8001" required />}
          </Field>
          <LlmTargetFields kind={kind} fields={llm} errors={errors} editSecrets={editSecrets} onChange={(change) => { if ('automationId' in change) touch('options.automation_id'); setLlm({ ...llm, ...change }); }} />
        </>
      ) : kind === INGESTOR ? (
        <>
          <Field label="Ingestor URL" errors={messagesFor(errors, 'url')} className="md:col-span-2" hint="Its root, e.g. http://127.0.0.1:8003 (benchdeck ingestor); messages are POSTed to /messages">
            {(p) => <input {...p} type="url" className={inputClasses} value={url} onChange={(e) => { touch('url'); setUrl(e.target.value); }} placeholder="http://127.0.0.1:8003" required />}
          </Field>
          <IngestorTargetFields fields={ingestor} errors={errors} editSecrets={editSecrets} onChange={(change) => setIngestor({ ...ingestor, ...change })} />
        </>
      ) : kind === GATEWAY ? (
        <>
          <Field label="Gateway URL" errors={messagesFor(errors, 'url')} className="md:col-span-2" hint="Its root, e.g. http://127.0.0.1:8002 (benchdeck gateway)">
            {(p) => <input {...p} type="url" className={inputClasses} value={url} onChange={(e) => { touch('url'); setUrl(e.target.value); }} placeholder="http://127.0.0.1:8002" required />}
          </Field>
          {editSecrets && (
            <Field label="Admin token" errors={messagesFor(errors, 'credentials.admin_token')} className="md:col-span-2" hint="The token the gateway printed on its first start; only the server uses it.">
              {(p) => <input {...p} type="password" className={inputClasses} value={adminToken} onChange={(e) => setAdminToken(e.target.value)} autoComplete="new-password" />}
            </Field>
          )}
        </>
      ) : (
        <>
          <Field label="URL" errors={messagesFor(errors, 'url')} className="md:col-span-2" hint="Base URL; plans add their paths to it.">
            {(p) => <input {...p} type="url" className={inputClasses} value={url} onChange={(e) => { touch('url'); setUrl(e.target.value); }} placeholder="http://127.0.0.1:8080" required />}
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

      <MetricsTargetFields fields={metrics} errors={errors} onChange={(change) => setMetrics({ ...metrics, ...change })} />

      <fieldset className="rounded-md border border-slate-200 p-3 md:col-span-2">
        <legend className="px-1 text-sm font-medium text-slate-700">
          {kind === 'postgres' ? 'Credentials (password, Lakebase token or client secret)' : llmKind ? 'Credentials (API key)' : kind === GATEWAY ? 'Credentials (admin token)' : kind === INGESTOR ? 'Credentials (sink password, admin token)' : 'Credentials (sent as a request header)'}
        </legend>
        {!editSecrets ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="rounded bg-green-50 px-2 py-0.5 text-green-800 ring-1 ring-green-200">stored</span>
            <span className="text-slate-600">Stored encrypted; never shown.</span>
            <Button variant="secondary" onClick={() => setReplaceCredentials(true)}>Replace</Button>
          </div>
        ) : kind === 'postgres' || llmKind || kind === GATEWAY || kind === INGESTOR ? (
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
        <FieldMessages messages={messagesFor(errors, 'credentials')} />
      </fieldset>

      {refused === snapshot && save.isError && (
        <div role="alert" className="text-sm text-red-700 md:col-span-2">
          <p>{problems.count > 0 ? `Not saved: ${problems.count} problem${problems.count === 1 ? '' : 's'}${problems.unplaced.length ? ':' : ', shown next to the fields.'}` : errorMessage(save.error)}</p>
          <FieldMessages messages={problems.unplaced.map((p) => (p.path ? `${p.path} ${p.message}` : p.message))} />
        </div>
      )}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={save.isPending || blocked}>{save.isPending ? 'Saving…' : target ? 'Save target' : 'Create target'}</Button>
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
