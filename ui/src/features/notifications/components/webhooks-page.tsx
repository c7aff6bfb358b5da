import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/shared/api-client/api-client';
import { Button } from '@/shared/components/button';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { Field, inputClasses } from '@/shared/components/field';
import { Card, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { GeneralProblems, Notice, serverProblems, TextField } from '@/shared/forms/form-parts';
import { formatDateTime } from '@/shared/format/format';
import {
  useCreateWebhook, useDeleteWebhook, useDeliveries, useTestWebhook, useWebhooks, WEBHOOK_EVENTS, type Webhook, type WebhookCreated,
} from '../api/webhooks';

/** Webhooks told about runs: add one (its signing secret shown once), test it, read its delivery log. */
export function WebhooksPage() {
  const hooks = useWebhooks();
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  return (
    <>
      <PageHeader title="Webhooks">
        Each body is signed: <code>X-Benchdeck-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")</code>. Failed deliveries are retried
        with a doubling wait.
      </PageHeader>
      <div className="space-y-6">
        <Card title="New webhook">
          {created && (
            <Notice tone="success">
              <p className="font-medium">Webhook “{created.webhook.name}” added. Copy its signing secret now: it is shown only this once.</p>
              <input readOnly aria-label="Signing secret" data-testid="webhook-secret" className={`${inputClasses} mt-2 font-mono md:w-[32rem]`}
                value={created.secret} onFocus={(e) => e.target.select()} />
              <div className="mt-2"><Button variant="ghost" onClick={() => setCreated(null)}>Done</Button></div>
            </Notice>
          )}
          <NewWebhookForm onCreated={setCreated} />
        </Card>
        {hooks.isPending ? (
          <LoadingState label="Loading webhooks…" />
        ) : hooks.isError ? (
          <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} title="Could not load the webhooks." />
        ) : hooks.data.length === 0 ? (
          <EmptyState title="No webhooks yet" />
        ) : (
          hooks.data.map((hook) => <WebhookCard key={hook.id} hook={hook} />)
        )}
      </div>
    </>
  );
}

type WebhookFormat = 'json' | 'slack' | 'email';

function asFormat(value: string): WebhookFormat {
  return value === 'slack' || value === 'email' ? value : 'json';
}

function NewWebhookForm({ onCreated }: { onCreated: (created: WebhookCreated) => void }) {
  const create = useCreateWebhook();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('json');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  const problems = serverProblems(create.error, ['name', 'url', 'format', 'events']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), url: url.trim(), format, events }, {
      onSuccess: (done) => { onCreated(done); setName(''); setUrl(''); },
    });
  };
  const toggle = (value: string) => setEvents((now) => (now.includes(value) ? now.filter((e) => e !== value) : [...now, value]));
  return (
    <form className="grid gap-3 md:grid-cols-2" onSubmit={submit} aria-label="New webhook">
      <TextField label="Name" value={name} onChange={setName} errors={problems.of('name')} />
      <TextField label="URL" value={url} onChange={setUrl} errors={problems.of('url')} hint={format === 'email' ? 'mailto:perf@example.com,ops@example.com (the server needs SMTP configured)' : 'https://hooks.slack.com/… or your own receiver'} />
      <Field label="Body" errors={problems.of('format')}>
        {(props) => (
          <select {...props} className={inputClasses} value={format} onChange={(e) => setFormat(asFormat(e.target.value))}>
            <option value="json">Benchdeck JSON</option>
            <option value="slack">Slack-compatible</option>
            <option value="email">E-mail (SMTP)</option>
          </select>
        )}
      </Field>
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-700">Events</legend>
        {WEBHOOK_EVENTS.map((value) => (
          <label key={value} className="mr-4 inline-flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={events.includes(value)} onChange={() => toggle(value)} /> {value.replace('_', ' ')}
          </label>
        ))}
        {problems.of('events').map((m) => <p key={m} className="mt-1 text-xs text-red-700">{m}</p>)}
      </fieldset>
      <div><Button type="submit" disabled={create.isPending || events.length === 0}>{create.isPending ? 'Adding…' : 'Add webhook'}</Button></div>
      <div className="md:col-span-2"><GeneralProblems messages={problems.general} /></div>
    </form>
  );
}

function WebhookCard({ hook }: { hook: Webhook }) {
  const deliveries = useDeliveries(hook.id);
  const test = useTestWebhook();
  const remove = useDeleteWebhook();
  return (
    <Card title={hook.name} testId="webhook">
      <p className="mb-3 break-all text-sm text-slate-600">
        <span className="font-mono">{hook.url}</span> · {hook.format} · {hook.events.join(', ')}{hook.enabled ? '' : ' · disabled'}
      </p>
      <div className="mb-3 flex gap-2">
        <Button variant="secondary" disabled={test.isPending} onClick={() => test.mutate(hook.id, { onSuccess: () => void deliveries.refetch() })}>
          Send a test
        </Button>
        <ConfirmButton label="Delete" question={`Delete the webhook ${hook.name}?`} pending={remove.isPending} onConfirm={() => remove.mutate(hook.id)} />
      </div>
      {(test.isError || remove.isError) && <p role="alert" className="text-sm text-red-700">{errorMessage(test.error ?? remove.error)}</p>}
      {deliveries.isPending ? (
        <LoadingState label="Loading deliveries…" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} title="Could not load the deliveries." />
      ) : deliveries.data.length === 0 ? (
        <EmptyState title="Nothing sent yet" />
      ) : (
        <TableScroll label={`Deliveries of ${hook.name}`}>
          <table className={tableClasses}>
            <thead>
              <tr>
                <th scope="col" className={thClasses}>When</th>
                <th scope="col" className={thClasses}>Event</th>
                <th scope="col" className={thClasses}>Run</th>
                <th scope="col" className={thClasses}>Status</th>
                <th scope="col" className={thClasses}>Attempts</th>
                <th scope="col" className={thClasses}>Last answer</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.data.map((d) => (
                <tr key={d.id} data-testid="delivery-row">
                  <td className={tdClasses}>{formatDateTime(d.created_at)}</td>
                  <td className={tdClasses}>{d.event}</td>
                  <td className={tdClasses}>{d.run_id ? <Link className="text-indigo-700 underline" to={`/runs/${d.run_id}`}>run {d.run_id}</Link> : '—'}</td>
                  <td className={tdClasses} data-testid="delivery-status">
                    {d.status}{d.status === 'pending' && d.next_attempt_at && ` (next ${formatDateTime(d.next_attempt_at)})`}
                  </td>
                  <td className={tdClasses}>{d.attempts}</td>
                  <td className={`${tdClasses} max-w-xs truncate`} title={d.last_answer ?? undefined}>
                    {d.last_status ?? ''} {d.last_error && d.last_status === null ? d.last_error : d.last_answer ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}
