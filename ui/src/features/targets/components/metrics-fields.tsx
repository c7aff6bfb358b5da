import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import type { Target, TargetOptions } from '@/shared/api-client/types';
import { Field, FieldMessages, inputClasses } from '@/shared/components/field';
import type { FieldClaim } from '@/shared/forms/field-problems';

/** The Prometheus endpoint of a target as typed: its URL and one series selector per line. */
export type MetricsFields = { url: string; series: string };

export const metricsFieldsOf = (target?: Target): MetricsFields => ({
  url: target?.options?.metrics?.url ?? '',
  series: (target?.options?.metrics?.series ?? []).join('\n'),
});

/** `options.metrics` for a save: left out when no URL is typed, so the target records no series. */
export function metricsOption(fields: MetricsFields): Pick<TargetOptions, 'metrics'> {
  if (!fields.url.trim()) return {};
  return { metrics: { url: fields.url.trim(), series: fields.series.split('\n').map((s) => s.trim()).filter(Boolean) } };
}

export const metricsFieldClaims: FieldClaim[] = [
  { field: 'options.metrics.url', paths: ['options.metrics.url'], nested: false },
  { field: 'options.metrics.series', paths: ['options.metrics.series'], nested: true,
    describe: (path, message) => { const line = /\[(\d+)\]$/.exec(path); return line ? `line ${Number(line[1]) + 1}: ${message}` : message; } },
  { field: 'options.metrics', paths: ['options.metrics'], nested: true },
];

/** Any kind of target: a Prometheus endpoint whose chosen series are charted under a run's load. */
export function MetricsTargetFields({ fields, errors, onChange }: { fields: MetricsFields; errors: FieldErrors; onChange: (change: Partial<MetricsFields>) => void }) {
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 md:col-span-2 md:grid-cols-2">
      <legend className="px-1 text-sm font-medium text-slate-700">Target metrics (Prometheus, optional)</legend>
      <Field label="Metrics URL" errors={messagesFor(errors, 'options.metrics.url')} hint="Sampled each second during runs, e.g. http://127.0.0.1:9100/metrics">
        {(p) => <input {...p} type="url" className={inputClasses} value={fields.url} onChange={(e) => onChange({ url: e.target.value })} placeholder="http://127.0.0.1:9100/metrics" />}
      </Field>
      <Field label="Series to record" errors={messagesFor(errors, 'options.metrics.series')} hint={'One per line, e.g. http_requests_total{status=~"5.."}; counters are shown per second'}>
        {(p) => <textarea {...p} rows={3} className={`${inputClasses} font-mono`} value={fields.series} onChange={(e) => onChange({ series: e.target.value })} />}
      </Field>
      <FieldMessages messages={messagesFor(errors, 'options.metrics')} />
    </fieldset>
  );
}
