import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors, unclaimedMessages, type FieldErrors } from '@/shared/api-client/problem-details';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { Card } from '@/shared/components/layout-parts';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { useGatewayConfig, useSaveGatewayConfig } from '../api/gateway-api';
import { configChange, formFromConfig, GATEWAY_FIELDS, type GatewayConfigForm, type GatewayField } from '../api/gateway-config-form';
import type { GatewayConfig } from '../api/gateway-types';

/**
 * The gateway's runtime configuration: applied by the gateway at once, without a restart. Changing it is
 * a change of the target (its creator or an admin); others see the stored values.
 */
export function GatewayConfigPanel({ targetId, mayChange }: { targetId: number; mayChange: boolean }) {
  const config = useGatewayConfig(targetId);
  return (
    <Card title="Configuration" testId="gateway-config">
      {config.isPending ? (
        <LoadingState label="Loading the gateway's configuration…" />
      ) : config.isError ? (
        <ErrorState error={config.error} onRetry={() => void config.refetch()} title="Could not load the gateway's configuration." />
      ) : (
        <GatewayConfigEditor targetId={targetId} stored={config.data} mayChange={mayChange} />
      )}
    </Card>
  );
}

function GatewayConfigEditor({ targetId, stored, mayChange }: { targetId: number; stored: GatewayConfig; mayChange: boolean }) {
  const [form, setForm] = useState<GatewayConfigForm>(() => formFromConfig(stored));
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const save = useSaveGatewayConfig(targetId);
  const { change, problems } = configChange(form, stored);
  const unchanged = Object.keys(change).length === 0;
  const errors: FieldErrors = { ...serverErrors, ...problems };
  const other = unclaimedMessages(serverErrors, GATEWAY_FIELDS.map((f) => f.path));

  const edit = (path: string, value: string) => {
    setForm((current) => ({ ...current, [path]: value }));
    setServerErrors({}); // about the last attempt; the next Save asks the gateway again
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(change, {
      onSuccess: (saved) => setForm(formFromConfig(saved)),
      onError: (error) => setServerErrors(error instanceof ApiError ? toFieldErrors(error.problem?.errors) : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Gateway configuration" className="space-y-4">
      <fieldset disabled={!mayChange} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {GATEWAY_FIELDS.map((field) => (
          <ConfigInput key={field.path} field={field} value={form[field.path] ?? ''} errors={messagesFor(errors, field.path, { nested: true })}
            onChange={(v) => edit(field.path, v)} />
        ))}
      </fieldset>
      {!mayChange && <p className="text-sm text-slate-500">Only the target's creator or an admin can change this configuration.</p>}
      {save.isError && (
        <div role="alert" className="text-sm text-red-700">
          <p>{errorMessage(save.error)}</p>
          <FieldMessages messages={other.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))} />
        </div>
      )}
      {mayChange && <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending || unchanged || Object.keys(problems).length > 0}>
          {save.isPending ? 'Saving…' : 'Save configuration'}
        </Button>
        <Button variant="secondary" disabled={unchanged && Object.keys(problems).length === 0}
          onClick={() => { setForm(formFromConfig(stored)); setServerErrors({}); }}>
          Undo changes
        </Button>
        {save.isSuccess && unchanged && <span role="status" className="text-sm text-green-700">Saved: the gateway applies these settings now.</span>}
      </div>}
    </form>
  );
}

function ConfigInput({ field, value, errors, onChange }: { field: GatewayField; value: string; errors: string[]; onChange: (value: string) => void }) {
  if (field.kind === 'toggle') {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" role="switch" className="h-4 w-4" checked={value === 'true'} onChange={(e) => onChange(String(e.target.checked))}
            aria-invalid={errors.length > 0} />
          {field.label}
        </label>
        <FieldMessages messages={errors} />
      </div>
    );
  }
  const label = field.kind === 'whole' && field.unit ? `${field.label} (${field.unit})` : field.label;
  return (
    <Field label={label} errors={errors}>
      {(p) => field.kind === 'choice' ? (
        <select {...p} className={inputClasses} value={value} onChange={(e) => onChange(e.target.value)}>
          {[...new Set([value, ...field.choices])].map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      ) : (
        <input {...p} className={inputClasses} inputMode={field.kind === 'whole' ? 'numeric' : undefined} value={value}
          onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
