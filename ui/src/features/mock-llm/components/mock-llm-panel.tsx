import { useState, type FormEvent } from 'react';
import { useCurrentUser } from '@/shared/auth/current-user';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { messagesFor, toFieldErrors, unclaimedMessages, type FieldErrors } from '@/shared/api-client/problem-details';
import { Button } from '@/shared/components/button';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import { Card } from '@/shared/components/layout-parts';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { configChange, formFromConfig, MOCK_FIELD_GROUPS, MOCK_FIELDS, type MockConfigForm } from '../api/mock-config-form';
import { useMockLlmConfig, useSaveMockLlmConfig, type MockLlmConfig } from '../api/mock-llm';
import { MockLlmStatsView } from './mock-llm-stats';

/**
 * The built-in mock LLM that `benchdeck serve` starts: its timings, lengths and fault shares, changed
 * while it runs, and what it has answered so far. Nothing shows when the mock is off (the API answers 404).
 */
export function MockLlmPanel() {
  const config = useMockLlmConfig();
  if (config.isError && config.error instanceof ApiError && config.error.status === 404) return null;
  return (
    <Card title="Mock LLM" className="mt-6" testId="mock-llm-panel">
      <p className="mb-4 text-sm text-slate-600">
        The mock LLM and automation server behind the “Mock LLM” and “Mock automation” targets. Changes apply to the next requests, until the server restarts.
      </p>
      {config.isPending ? (
        <LoadingState label="Loading the mock's settings…" />
      ) : config.isError ? (
        <ErrorState error={config.error} onRetry={() => void config.refetch()} title="Could not load the mock's settings." />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <MockConfigEditor stored={config.data} />
          <MockLlmStatsView />
        </div>
      )}
    </Card>
  );
}

function MockConfigEditor({ stored }: { stored: MockLlmConfig }) {
  const [form, setForm] = useState<MockConfigForm>(() => formFromConfig(stored));
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const save = useSaveMockLlmConfig();
  // the server takes changes from editors and admins only
  const mayChange = useCurrentUser().can('run');
  const { change, problems } = configChange(form, stored);
  const unchanged = Object.keys(change).length === 0;
  const errors: FieldErrors = { ...serverErrors, ...problems };
  const other = unclaimedMessages(serverErrors, MOCK_FIELDS.map((f) => f.path));

  const edit = (path: string, value: string) => {
    setForm((current) => ({ ...current, [path]: value }));
    setServerErrors({}); // they were about the last attempt; the next Save asks again
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(change, {
      onSuccess: (saved) => setForm(formFromConfig(saved)),
      onError: (error) => setServerErrors(error instanceof ApiError ? toFieldErrors(error.problem?.errors) : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Mock LLM settings" className="space-y-4">
      {MOCK_FIELD_GROUPS.map((group) => (
        <fieldset key={group.title} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">{group.title}</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {group.fields.map((field) => (
              <Field key={field.path} label={field.unit ? `${field.label} (${field.unit})` : field.label} errors={messagesFor(errors, field.path)}>
                {(p) => (
                  <input {...p} inputMode={field.kind === 'whole' ? 'numeric' : 'decimal'} className={inputClasses}
                    value={form[field.path]} onChange={(e) => edit(field.path, e.target.value)} />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      {save.isError && (
        <div role="alert" className="text-sm text-red-700">
          <p>{errorMessage(save.error)}</p>
          <FieldMessages messages={other.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))} />
        </div>
      )}
      {mayChange && <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending || unchanged || Object.keys(problems).length > 0}>
          {save.isPending ? 'Saving…' : 'Save mock settings'}
        </Button>
        <Button variant="secondary" disabled={unchanged && Object.keys(problems).length === 0} onClick={() => { setForm(formFromConfig(stored)); setServerErrors({}); }}>
          Undo changes
        </Button>
        {save.isSuccess && unchanged && <span role="status" className="text-sm text-green-700">Saved: the mock now answers with these settings.</span>}
      </div>}
    </form>
  );
}
