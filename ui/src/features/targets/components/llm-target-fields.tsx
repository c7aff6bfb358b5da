import { AUTOMATION_APIS, LLM_PROVIDERS } from '@/shared/api-client/llm-apis';
import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import { Field, inputClasses } from '@/shared/components/field';
import type { FieldClaim } from '@/shared/forms/field-problems';
import type { LlmFields } from '../api/llm-target';

type Props = {
  kind: 'llm' | 'automation';
  fields: LlmFields;
  errors: FieldErrors;
  /** False while a stored key is kept: its input is hidden behind "Replace". */
  editSecrets: boolean;
  onChange: (change: Partial<LlmFields>) => void;
};

/** An LLM endpoint (provider, default model) or an automation (id, API style, description, default inputs); the key is write-only. */
export function LlmTargetFields({ kind, fields, errors, editSecrets, onChange }: Props) {
  return (
    <>
      {kind === 'llm' ? (
        <>
          <Field label="Provider" errors={messagesFor(errors, 'options.provider')} hint="How the key is sent and which API is the default.">
            {(p) => (
              <select {...p} className={inputClasses} value={fields.provider} onChange={(e) => onChange({ provider: e.target.value })}>
                {LLM_PROVIDERS.map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
            )}
          </Field>
          <Field label="Default model" errors={messagesFor(errors, 'options.model')} hint="Used by scenarios that name no model.">
            {(p) => <input {...p} className={inputClasses} value={fields.model} placeholder="gpt-4o-mini" onChange={(e) => onChange({ model: e.target.value })} />}
          </Field>
        </>
      ) : (
        <>
          <Field label="Automation id" errors={messagesFor(errors, 'options.automation_id')} hint="Required: the service's id of the automation.">
            {(p) => <input {...p} className={inputClasses} value={fields.automationId} placeholder="web-agent" onChange={(e) => onChange({ automationId: e.target.value })} />}
          </Field>
          <Field label="API style" errors={messagesFor(errors, 'options.api')} hint="sync: wait; async: poll a run id; sse: progress events.">
            {(p) => (
              <select {...p} className={inputClasses} value={fields.api} onChange={(e) => onChange({ api: e.target.value })}>
                {AUTOMATION_APIS.map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
            )}
          </Field>
          <Field label="Description" errors={messagesFor(errors, 'options.description')} className="md:col-span-2">
            {(p) => <input {...p} className={inputClasses} value={fields.description} onChange={(e) => onChange({ description: e.target.value })} />}
          </Field>
          <Field label="Default inputs (JSON object)" errors={messagesFor(errors, 'options.inputs')} className="md:col-span-2" hint='Sent as {"inputs": …} unless a scenario writes its own body.'>
            {(p) => <textarea {...p} rows={4} className={`${inputClasses} font-mono`} value={fields.inputs} placeholder='{"url": "https://example.test"}' onChange={(e) => onChange({ inputs: e.target.value })} />}
          </Field>
        </>
      )}
      {editSecrets && (
        <Field label="API key" errors={messagesFor(errors, 'credentials.api_key')} hint="Stored encrypted; never shown again. Empty: no key." className="md:col-span-2">
          {(p) => <input {...p} type="password" className={inputClasses} value={fields.apiKey} autoComplete="new-password" onChange={(e) => onChange({ apiKey: e.target.value })} />}
        </Field>
      )}
    </>
  );
}

/** Where these fields show the server's problems (the key only while it can be typed). */
export function llmFieldClaims(kind: 'llm' | 'automation', editSecrets: boolean): FieldClaim[] {
  const paths = kind === 'llm' ? ['options.provider', 'options.model'] : ['options.automation_id', 'options.api', 'options.description', 'options.inputs'];
  if (editSecrets) paths.push('credentials.api_key');
  return paths.map((path) => ({ field: path, paths: [path] }));
}
