import { useState, type FormEvent } from 'react';
import { Button } from '@/shared/components/button';
import { Card, PageHeader } from '@/shared/components/layout-parts';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { useSaveSettings, useSettings } from '../api/admin';
import type { AuthSettings } from '../api/types';
import { GeneralProblems, Notice, serverProblems } from '@/shared/forms/form-parts';

export function AdminSettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader title="Settings">How people get in.</PageHeader>
      <Card>
        {settings.isPending ? (
          <LoadingState />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsForm key={JSON.stringify(settings.data)} stored={settings.data} />
        )}
      </Card>
    </>
  );
}

function SettingsForm({ stored }: { stored: AuthSettings }) {
  const save = useSaveSettings();
  const [form, setForm] = useState(stored);
  const problems = serverProblems(save.error, ['self_registration', 'require_totp']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  const unchanged = form.self_registration === stored.self_registration && form.require_totp === stored.require_totp;
  return (
    <form className="space-y-4" onSubmit={submit} aria-label="Settings">
      <GeneralProblems messages={problems.general} />
      <Checkbox label="Self-registration" checked={form.self_registration} errors={problems.of('self_registration')}
        hint="Anyone who reaches the sign-in page may create a viewer account."
        onChange={(v) => setForm({ ...form, self_registration: v })} />
      <Checkbox label="Require two-factor sign-in" checked={form.require_totp} errors={problems.of('require_totp')}
        hint="Everyone must set up a code app before they can use Benchdeck."
        onChange={(v) => setForm({ ...form, require_totp: v })} />
      {save.isSuccess && unchanged && <Notice tone="success">Saved.</Notice>}
      <Button type="submit" disabled={save.isPending || unchanged}>{save.isPending ? 'Saving…' : 'Save settings'}</Button>
    </form>
  );
}

function Checkbox({ label, hint, checked, onChange, errors }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void; errors: string[] }) {
  return (
    <div>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
      <p className="ml-6 text-xs text-slate-500">{hint}</p>
      {errors.map((m) => <p key={m} className="ml-6 text-xs text-red-700">{m}</p>)}
    </div>
  );
}
