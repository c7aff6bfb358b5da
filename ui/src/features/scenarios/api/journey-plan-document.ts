import { stringify } from 'yaml';
import { asRecord, text, type PlanDocument } from './plan-yaml';

/**
 * The journey editor's rows, read from and written to `workload.journey`. Request steps and think times are edited
 * field by field; flow elements (group, repeat, while, if, branches) are kept as they are and shown as YAML. Each
 * row keeps the element it was read from, so fields the editor does not know (e.g. a step's `group` of a regex)
 * survive edits.
 */
export type ExtractSource = 'jsonpath' | 'regex' | 'header' | 'cookie';
export const EXTRACT_SOURCES: readonly ExtractSource[] = ['jsonpath', 'regex', 'header', 'cookie'];
export type ExtractRow = { name: string; source: ExtractSource; expression: string; fallback: string; raw: PlanDocument };

export type CheckKind = 'status' | 'jsonpath_equals' | 'jsonpath_exists' | 'body_contains' | 'header' | 'response_time_below';
export const CHECK_KINDS: readonly { kind: CheckKind; label: string; value: string; expected?: string }[] = [
  { kind: 'status', label: 'status is', value: 'statuses, e.g. 200, 201' },
  { kind: 'jsonpath_equals', label: 'JSONPath equals', value: 'JSONPath, e.g. $.status', expected: 'expected text' },
  { kind: 'jsonpath_exists', label: 'JSONPath exists', value: 'JSONPath, e.g. $.token' },
  { kind: 'body_contains', label: 'body contains', value: 'text' },
  { kind: 'header', label: 'header present', value: 'header name' },
  { kind: 'response_time_below', label: 'response time below', value: 'duration, e.g. 200ms' },
];
export type CheckRow = { name: string; kind: CheckKind; value: string; expected: string; raw: PlanDocument };

export type RequestRow = {
  kind: 'request'; name: string; method: string; path: string;
  /** One `Name: value` per line. */
  headers: string; body: string; expectStatus: string; extract: ExtractRow[]; checks: CheckRow[]; raw: PlanDocument;
};
export type ThinkShape = 'constant' | 'uniform' | 'exponential';
export type ThinkRow = { kind: 'think'; shape: ThinkShape; first: string; second: string; raw: PlanDocument };
export type FlowRow = { kind: 'flow'; label: string; yaml: string; raw: PlanDocument };
export type JourneyRow = RequestRow | ThinkRow | FlowRow;

const FLOW_KEYS = ['group', 'repeat', 'while', 'if', 'branches'] as const;

export function newRequestRow(index: number, method = 'GET', path = '/'): RequestRow {
  return { kind: 'request', name: `step ${index + 1}`, method, path, headers: '', body: '', expectStatus: '', extract: [], checks: [], raw: {} };
}
export const newThinkRow = (): ThinkRow => ({ kind: 'think', shape: 'constant', first: '100ms', second: '', raw: {} });
export const newExtractRow = (): ExtractRow => ({ name: '', source: 'jsonpath', expression: '', fallback: '', raw: {} });
export const newCheckRow = (): CheckRow => ({ name: '', kind: 'status', value: '200', expected: '', raw: {} });

export function journeyRowsFromPlan(doc: PlanDocument): JourneyRow[] | null {
  const journey = asRecord(doc.workload).journey;
  return Array.isArray(journey) ? journey.map((e) => readRow(asRecord(e))) : null;
}

function readRow(e: PlanDocument): JourneyRow {
  if ('think' in e) {
    const t = e.think;
    if (t && typeof t === 'object' && !Array.isArray(t)) {
      const r = t as PlanDocument;
      if (Array.isArray(r.uniform)) return { kind: 'think', shape: 'uniform', first: text(r.uniform[0]), second: text(r.uniform[1]), raw: e };
      if ('exponential' in r) return { kind: 'think', shape: 'exponential', first: text(r.exponential), second: '', raw: e };
    }
    return { kind: 'think', shape: 'constant', first: text(t), second: '', raw: e };
  }
  const flow = FLOW_KEYS.find((k) => k in e);
  if (flow) {
    const label = flow === 'group' ? `group ${text(e.group)}` : flow === 'repeat' ? `repeat ${text(e.repeat)}×` : flow;
    return { kind: 'flow', label, yaml: stringify(e, { lineWidth: 0 }), raw: e };
  }
  const headers = asRecord(e.headers);
  const status = e.expect_status;
  return {
    kind: 'request', name: text(e.name), method: text(e.method) || 'GET', path: text(e.path),
    headers: Object.entries(headers).map(([k, v]) => `${k}: ${text(v)}`).join('\n'),
    body: text(e.body), expectStatus: Array.isArray(status) ? status.map(text).join(', ') : text(status),
    extract: Array.isArray(e.extract) ? e.extract.map((x) => readExtract(asRecord(x))) : [],
    checks: Array.isArray(e.checks) ? e.checks.map((c) => readCheck(asRecord(c))) : [],
    raw: e,
  };
}

function readExtract(x: PlanDocument): ExtractRow {
  const source = EXTRACT_SOURCES.find((s) => s in x) ?? 'jsonpath';
  return { name: text(x.name), source, expression: text(x[source]), fallback: text(x.default), raw: x };
}

function readCheck(c: PlanDocument): CheckRow {
  const row = (kind: CheckKind, value: unknown, expected = ''): CheckRow => ({
    name: text(c.name), kind, value: Array.isArray(value) ? value.map(text).join(', ') : text(value), expected, raw: c,
  });
  if ('status' in c) return row('status', c.status);
  if ('jsonpath' in c) return 'equals' in c ? row('jsonpath_equals', c.jsonpath, text(c.equals)) : row('jsonpath_exists', c.jsonpath, text(c.exists ?? true));
  if ('body_contains' in c) return row('body_contains', c.body_contains);
  if ('header' in c) return row('header', c.header);
  return row('response_time_below', c.response_time_below);
}

/** The value as YAML would type it: whole numbers as numbers, the rest as text. */
function scalar(value: string): string | number {
  const v = value.trim();
  return /^\d+$/.test(v) ? Number(v) : v;
}

function put(target: PlanDocument, key: string, value: unknown) {
  if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) delete target[key];
  else target[key] = value;
}

function statuses(value: string): number | string | (number | string)[] {
  const list = value.split(/[,;\s]+/).filter(Boolean).map(scalar);
  return list.length === 1 ? list[0] : list;
}

function writeExtract(x: ExtractRow): PlanDocument {
  const out: PlanDocument = { name: x.name.trim(), [x.source]: x.expression };
  for (const [k, v] of Object.entries(x.raw)) if (!['name', 'default', ...EXTRACT_SOURCES].includes(k)) out[k] = v;
  put(out, 'default', x.fallback);
  return out;
}

function writeCheck(c: CheckRow): PlanDocument {
  const out: PlanDocument = {};
  put(out, 'name', c.name.trim());
  switch (c.kind) {
    case 'status': out.status = statuses(c.value); break;
    case 'jsonpath_equals': out.jsonpath = c.value; out.equals = c.expected; break;
    case 'jsonpath_exists': out.jsonpath = c.value; out.exists = c.expected.trim() !== 'false'; break;
    case 'body_contains': out.body_contains = c.value; break;
    case 'header': out.header = c.value; break;
    case 'response_time_below': out.response_time_below = c.value; break;
  }
  return out;
}

function writeHeaders(lines: string): PlanDocument {
  const headers: PlanDocument = {};
  for (const line of lines.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

function writeRow(row: JourneyRow): PlanDocument {
  if (row.kind === 'flow') return row.raw;
  if (row.kind === 'think') {
    const think = row.shape === 'uniform' ? { uniform: [row.first.trim(), row.second.trim()] }
      : row.shape === 'exponential' ? { exponential: row.first.trim() } : row.first.trim();
    return { ...row.raw, think };
  }
  const out: PlanDocument = { name: row.name, method: row.method, path: row.path };
  const known = ['name', 'method', 'path', 'headers', 'body', 'expect_status', 'extract', 'checks'];
  const headers = writeHeaders(row.headers);
  put(out, 'headers', Object.keys(headers).length ? headers : '');
  put(out, 'body', row.body);
  put(out, 'expect_status', row.expectStatus.trim() ? statuses(row.expectStatus) : '');
  put(out, 'extract', row.extract.map(writeExtract));
  put(out, 'checks', row.checks.map(writeCheck));
  for (const [k, v] of Object.entries(row.raw)) if (!known.includes(k)) out[k] = v;
  return out;
}

/**
 * The workload with these rows as its journey. A journey gives method and path per step, so the workload's own go;
 * no rows (null) removes the journey.
 */
export function applyJourneyRows(workload: PlanDocument, rows: readonly JourneyRow[] | null): PlanDocument {
  const next = { ...workload };
  if (rows === null) {
    delete next.journey;
    return next;
  }
  delete next.method;
  delete next.path;
  next.journey = rows.map(writeRow);
  return next;
}
