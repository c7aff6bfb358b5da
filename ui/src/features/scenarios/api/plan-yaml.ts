import { parse, stringify } from 'yaml';

/**
 * A plan as the forms see it: the parsed YAML document. Each form touches only the keys it knows,
 * so anything else typed in the YAML (headers, body, timeout, ramps…) survives form edits.
 */
export type PlanDocument = Record<string, unknown>;

/** Parses plan YAML; a blank text is an empty plan; anything but a mapping is an error. */
export function parsePlan(yaml: string): PlanDocument {
  const parsed: unknown = parse(yaml);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('A plan must be a YAML mapping (key: value lines).');
  return parsed as PlanDocument;
}

export function planToYaml(doc: PlanDocument): string {
  return stringify(doc, { lineWidth: 0 });
}

export function asRecord(value: unknown): PlanDocument {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as PlanDocument) } : {};
}

export function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Numbers go in as numbers; anything else as typed, so the server's validation can name it. */
export function setOrDelete(target: PlanDocument, key: string, value: string) {
  const trimmed = value.trim();
  if (!trimmed) delete target[key];
  else target[key] = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** "1, 5 10;20" → ["1", "5", "10", "20"]: the lists people type into one field. */
export function splitList(value: string): string[] {
  return value.split(/[,;\s]+/).map((t) => t.trim()).filter(Boolean);
}

/** Seconds in a plan duration (`250ms`, `10s`, `1m30s`, `1.5m`, a plain number of seconds), or null. */
export function parseDurationSeconds(value: string): number | null {
  const s = value.trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const units: Record<string, number> = { us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const part = /(\d+(?:\.\d+)?)(us|µs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < s.length) {
    part.lastIndex = at;
    const match = part.exec(s);
    if (!match) return null;
    total += Number(match[1]) * units[match[2]];
    at = part.lastIndex;
  }
  return total;
}

/** The plan's thresholds as texts. */
export function thresholdsOf(doc: PlanDocument): string[] {
  return Array.isArray(doc.thresholds) ? doc.thresholds.map(text) : [];
}

/** The plan with these thresholds; blank rows are left out, and no thresholds key at all when none remain. */
export function withThresholds(doc: PlanDocument, thresholds: readonly string[]): PlanDocument {
  const next = { ...doc };
  const kept = thresholds.map((t) => t.trim()).filter(Boolean);
  if (kept.length) next.thresholds = kept;
  else delete next.thresholds;
  return next;
}
