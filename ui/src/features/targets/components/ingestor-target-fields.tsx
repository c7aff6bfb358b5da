import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import { Field, inputClasses } from '@/shared/components/field';
import type { FieldClaim } from '@/shared/forms/field-problems';
import type { IngestorFields } from '../api/ingestor-target';

const claim = (path: string, nested = false): FieldClaim => ({ field: path, paths: [path], nested });

/** Where the server's problems of an ingestor target go: the sink's fields and both secrets. */
export function ingestorFieldClaims(editSecrets: boolean): FieldClaim[] {
  return [
    claim('options.sink.url'), claim('options.sink.user'), claim('options.sink.table'), claim('options.sink', true), claim('options', true),
    ...(editSecrets ? [claim('credentials.password'), claim('credentials.admin_token')] : []),
  ];
}

type Props = { fields: IngestorFields; errors: FieldErrors; editSecrets: boolean; onChange: (change: Partial<IngestorFields>) => void };

/** The sink the ingest driver watches (the table the ingestor writes to) and, when replacing them, the secrets. */
export function IngestorTargetFields({ fields, errors, editSecrets, onChange }: Props) {
  const sinkErrors = [...messagesFor(errors, 'options.sink.url'), ...messagesFor(errors, 'options.sink'), ...messagesFor(errors, 'options')];
  return (
    <>
      <Field label="Sink JDBC URL" errors={sinkErrors} className="md:col-span-2" hint="The PostgreSQL database the ingestor writes to, e.g. jdbc:postgresql://127.0.0.1:5432/postgres">
        {(p) => <input {...p} className={inputClasses} value={fields.sinkUrl} onChange={(e) => onChange({ sinkUrl: e.target.value })} placeholder="jdbc:postgresql://127.0.0.1:5432/postgres" />}
      </Field>
      <Field label="Sink user" errors={messagesFor(errors, 'options.sink.user')}>
        {(p) => <input {...p} className={inputClasses} value={fields.sinkUser} onChange={(e) => onChange({ sinkUser: e.target.value })} autoComplete="off" />}
      </Field>
      <Field label="Sink table" errors={messagesFor(errors, 'options.sink.table')} hint="The ingestor's is messages">
        {(p) => <input {...p} className={inputClasses} value={fields.table} onChange={(e) => onChange({ table: e.target.value })} />}
      </Field>
      {editSecrets && (
        <>
          <Field label="Sink password" errors={messagesFor(errors, 'credentials.password')}>
            {(p) => <input {...p} type="password" className={inputClasses} value={fields.password} onChange={(e) => onChange({ password: e.target.value })} autoComplete="new-password" />}
          </Field>
          <Field label="Ingestor admin token" errors={messagesFor(errors, 'credentials.admin_token')} hint="Only when the ingestor was started with one; only the server uses it.">
            {(p) => <input {...p} type="password" className={inputClasses} value={fields.adminToken} onChange={(e) => onChange({ adminToken: e.target.value })} autoComplete="new-password" />}
          </Field>
        </>
      )}
    </>
  );
}
