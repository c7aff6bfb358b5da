import type { FieldErrors } from '@/shared/api-client/problem-details';
import type { MockLlmConfig, MockLlmConfigChange } from './mock-llm';

type FaultKey = keyof MockLlmConfig['faults'];
type TopKey = Exclude<keyof MockLlmConfig, 'faults'>;

/** One input of the panel: its path in the config (`ttft_ms`, `faults.drop`), label, unit and kind of number. */
export type MockField = { path: string; label: string; unit?: string; kind: 'whole' | 'share' };

export const MOCK_FIELD_GROUPS: { title: string; fields: MockField[] }[] = [
  {
    title: 'Timing and length (mean ± uniform spread)',
    fields: [
      { path: 'ttft_ms', label: 'TTFT', unit: 'ms', kind: 'whole' },
      { path: 'ttft_spread_ms', label: 'TTFT ± spread', unit: 'ms', kind: 'whole' },
      { path: 'itl_ms', label: 'Inter-token latency', unit: 'ms', kind: 'whole' },
      { path: 'itl_spread_ms', label: 'ITL ± spread', unit: 'ms', kind: 'whole' },
      { path: 'output_tokens', label: 'Output tokens', kind: 'whole' },
      { path: 'output_tokens_spread', label: 'Output tokens ± spread', kind: 'whole' },
      { path: 'tokens_per_chunk', label: 'Tokens per chunk', kind: 'whole' },
      { path: 'heartbeat_ms', label: 'Heartbeat (0 = off)', unit: 'ms', kind: 'whole' },
    ],
  },
  {
    title: 'Faults (share of LLM requests, 0–1)',
    fields: [
      { path: 'faults.rate_limit', label: 'Rate limited (429)', kind: 'share' },
      { path: 'faults.server_error', label: 'Server error (500)', kind: 'share' },
      { path: 'faults.error_event', label: 'Error event mid-stream', kind: 'share' },
      { path: 'faults.drop', label: 'Dropped connection', kind: 'share' },
      { path: 'faults.stall', label: 'Stall', kind: 'share' },
      { path: 'stall_ms', label: 'Stall length', unit: 'ms', kind: 'whole' },
      { path: 'retry_after_seconds', label: 'Retry-After of a 429', unit: 's', kind: 'whole' },
    ],
  },
  {
    title: 'Automation runs',
    fields: [
      { path: 'automation_run_ms', label: 'Run time', unit: 'ms', kind: 'whole' },
      { path: 'automation_run_spread_ms', label: 'Run time ± spread', unit: 'ms', kind: 'whole' },
      { path: 'automation_steps', label: 'Progress steps', kind: 'whole' },
      { path: 'automation_failure_share', label: 'Failed runs (0–1)', kind: 'share' },
    ],
  },
];

export const MOCK_FIELDS: MockField[] = MOCK_FIELD_GROUPS.flatMap((g) => g.fields);

/** The form's text per field path. */
export type MockConfigForm = Record<string, string>;

function valueAt(config: MockLlmConfig, path: string): number {
  const [head, tail] = path.split('.');
  return tail ? config.faults[tail as FaultKey] : (config[head as TopKey] as number);
}

export function formFromConfig(config: MockLlmConfig): MockConfigForm {
  return Object.fromEntries(MOCK_FIELDS.map((f) => [f.path, String(valueAt(config, f.path))]));
}

/**
 * What to PUT: the fields whose text differs from the stored config, as numbers. A text that is no
 * number cannot go into JSON, so it is a problem here; every other rule (ranges, spread ≤ mean) is
 * the mock's, and its messages come back next to the same fields.
 */
export function configChange(form: MockConfigForm, stored: MockLlmConfig): { change: MockLlmConfigChange; problems: FieldErrors } {
  const change: MockLlmConfigChange = {};
  const problems: FieldErrors = {};
  for (const field of MOCK_FIELDS) {
    const text = (form[field.path] ?? '').trim();
    const number = field.kind === 'whole' ? (/^-?\d+$/.test(text) ? Number(text) : null) : (/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(text) ? Number(text) : null);
    if (number === null) {
      problems[field.path] = [field.kind === 'whole' ? 'must be a whole number' : 'must be a number such as 0.05'];
      continue;
    }
    if (number === valueAt(stored, field.path)) continue;
    const [head, tail] = field.path.split('.');
    if (tail) change.faults = { ...change.faults, [tail]: number };
    else (change as Record<string, number>)[head] = number;
  }
  return { change, problems };
}
