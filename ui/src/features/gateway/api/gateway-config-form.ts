import type { FieldErrors } from '@/shared/api-client/problem-details';
import type { GatewayConfig, GatewayConfigChange } from './gateway-types';

/** One input of the configuration panel: its path in the config, label and kind. */
export type GatewayField =
  | { path: string; label: string; kind: 'toggle' }
  | { path: string; label: string; kind: 'choice'; choices: readonly string[] }
  | { path: string; label: string; kind: 'whole'; unit?: string }
  | { path: string; label: string; kind: 'list' };

export const GATEWAY_FIELDS: readonly GatewayField[] = [
  { path: 'use_fake_llm', label: 'Use the fake LLM', kind: 'toggle' },
  { path: 'enable_caching', label: 'Caching', kind: 'toggle' },
  { path: 'cache_ttl_seconds', label: 'Cache TTL', kind: 'whole', unit: 's' },
  { path: 'cache_max_entries', label: 'Cache size (answers)', kind: 'whole' },
  { path: 'cache_replay', label: 'Cache replay', kind: 'choice', choices: ['at_once', 'as_cached'] },
  { path: 'queue_type', label: 'Queue type', kind: 'choice', choices: ['memory', 'redis'] },
  { path: 'queue_size', label: 'Queue size', kind: 'whole' },
  { path: 'queue_timeout_ms', label: 'Queue timeout', kind: 'whole', unit: 'ms' },
  { path: 'max_concurrent_connections', label: 'Max concurrent connections', kind: 'whole' },
  { path: 'heartbeat_interval_ms', label: 'Heartbeat interval', kind: 'whole', unit: 'ms' },
  { path: 'rate_limit.requests_per_minute', label: 'Requests per minute (0 = off)', kind: 'whole' },
  { path: 'rate_limit.tokens_per_minute', label: 'Tokens per minute (0 = off)', kind: 'whole' },
  { path: 'provider_order', label: 'Provider order (comma-separated)', kind: 'list' },
];

/** The form's text per field path; toggles are "true"/"false". */
export type GatewayConfigForm = Record<string, string>;

function valueAt(config: GatewayConfig, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), config);
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

export function formFromConfig(config: GatewayConfig): GatewayConfigForm {
  return Object.fromEntries(GATEWAY_FIELDS.map((f) => [f.path, text(valueAt(config, f.path))]));
}

function parsed(field: GatewayField, raw: string): { value: unknown } | { problem: string } {
  const t = raw.trim();
  switch (field.kind) {
    case 'toggle':
      return { value: t === 'true' };
    case 'choice':
      return { value: t };
    case 'list':
      return { value: t.split(',').map((s) => s.trim()).filter((s) => s.length > 0) };
    case 'whole':
      return /^-?\d+$/.test(t) ? { value: Number(t) } : { problem: 'must be a whole number' };
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What to PUT: the fields that differ from the stored config. Only what cannot go into JSON (a number
 * that is no number) is a problem here; the ranges and rules are the gateway's, and its messages come
 * back next to the same fields by their paths.
 */
export function configChange(form: GatewayConfigForm, stored: GatewayConfig): { change: GatewayConfigChange; problems: FieldErrors } {
  const change: Record<string, unknown> = {};
  const problems: FieldErrors = {};
  for (const field of GATEWAY_FIELDS) {
    const result = parsed(field, form[field.path] ?? '');
    if ('problem' in result) {
      problems[field.path] = [result.problem];
      continue;
    }
    if (same(result.value, valueAt(stored, field.path))) continue;
    const [head, tail] = field.path.split('.');
    if (tail) change[head] = { ...(change[head] as object | undefined), [tail]: result.value };
    else change[head] = result.value;
  }
  return { change: change as GatewayConfigChange, problems };
}
