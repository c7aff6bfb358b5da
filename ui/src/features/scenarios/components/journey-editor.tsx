import type { ReactNode } from 'react';
import { Button } from '@/shared/components/button';
import { FieldMessages, inputClasses } from '@/shared/components/field';
import { problemsOf, type FieldClaim, type PlacedProblems } from '@/shared/forms/field-problems';
import {
  CHECK_KINDS, EXTRACT_SOURCES, newCheckRow, newExtractRow, newRequestRow, newThinkRow,
  type CheckKind, type CheckRow, type ExtractRow, type ExtractSource, type JourneyRow, type RequestRow, type ThinkRow, type ThinkShape,
} from '../api/journey-plan-document';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];
const REQUEST_FIELDS = ['name', 'method', 'path', 'headers', 'body', 'expect_status'] as const;

/**
 * Where the journey editor shows the server's problems: each request field, extraction and check of a row at that
 * field; anything else about a row (a flow element's inner steps, a think time) at the row; the rest above the list.
 */
export function journeyClaims(rows: readonly JourneyRow[] | null): FieldClaim[] {
  if (rows === null) return [];
  const at = (i: number) => `workload.journey[${i}]`;
  return [
    ...rows.flatMap((row, i) => [
      ...(row.kind === 'request'
        ? [
            ...REQUEST_FIELDS.map((f) => ({ field: `journey-${i}-${f}`, paths: [`${at(i)}.${f}`], nested: true })),
            ...row.extract.map((_, j) => ({ field: `journey-${i}-extract-${j}`, paths: [`${at(i)}.extract[${j}]`], nested: true })),
            ...row.checks.map((_, j) => ({ field: `journey-${i}-check-${j}`, paths: [`${at(i)}.checks[${j}]`], nested: true })),
          ]
        : []),
      { field: `journey-${i}`, paths: [at(i)], nested: true },
    ]),
    { field: 'workload.journey', paths: ['workload.journey'], nested: true },
  ];
}

type EditorProps = { rows: JourneyRow[]; problems: PlacedProblems; onChange: (rows: JourneyRow[] | null) => void };

/** The journey as a list: request steps and think times edited field by field, flow elements shown as YAML. */
export function JourneyEditor({ rows, problems, onChange }: EditorProps) {
  const replace = (index: number, row: JourneyRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const requests = rows.filter((r) => r.kind === 'request').length;
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" data-testid="journey-editor">
      <legend className="px-1 text-sm font-medium text-slate-700">Journey (each virtual user runs these in order)</legend>
      <FieldMessages messages={problemsOf(problems, 'workload.journey')} />
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={i} className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-200" data-testid={`journey-row-${i + 1}`}>
            <div className="mb-2 flex items-center gap-2">
              <span className="text-sm font-medium text-slate-600">
                {i + 1}. {row.kind === 'request' ? 'Request' : row.kind === 'think' ? 'Think time' : row.label}
              </span>
              <span className="flex-1" />
              <Button variant="ghost" aria-label={`Move journey element ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</Button>
              <Button variant="ghost" aria-label={`Move journey element ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</Button>
              <Button variant="ghost" aria-label={`Remove journey element ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>Remove</Button>
            </div>
            {row.kind === 'request' && <RequestFields index={i} row={row} problems={problems} onChange={(r) => replace(i, r)} />}
            {row.kind === 'think' && <ThinkFields index={i} row={row} onChange={(r) => replace(i, r)} />}
            {row.kind === 'flow' && (
              <>
                <pre className="overflow-auto rounded bg-white p-2 font-mono text-xs text-slate-700 ring-1 ring-slate-200">{row.yaml}</pre>
                <p className="mt-1 text-xs text-slate-500">Flow elements (groups, loops, conditions, branches) are edited in the YAML.</p>
              </>
            )}
            <FieldMessages messages={problemsOf(problems, `journey-${i}`)} />
          </li>
        ))}
      </ol>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => onChange([...rows, newRequestRow(requests)])}>Add request step</Button>
        <Button variant="secondary" onClick={() => onChange([...rows, newThinkRow()])}>Add think time</Button>
        <Button variant="ghost" onClick={() => onChange(null)}>Back to a single request</Button>
      </div>
    </fieldset>
  );
}

function Labelled({ label, errors, children, className = '' }: { label: string; errors: string[]; children: ReactNode; className?: string }) {
  return (
    <label className={`block text-xs text-slate-600 ${className}`}>
      {label}
      {children}
      <FieldMessages messages={errors} />
    </label>
  );
}

function RequestFields({ index, row, problems, onChange }: { index: number; row: RequestRow; problems: PlacedProblems; onChange: (row: RequestRow) => void }) {
  const n = index + 1;
  const errors = (f: string) => problemsOf(problems, `journey-${index}-${f}`);
  const set = (change: Partial<RequestRow>) => onChange({ ...row, ...change });
  const input = (f: (typeof REQUEST_FIELDS)[number], label: string, value: string, key: keyof RequestRow, extra = '') => (
    <Labelled label={label} errors={errors(f)}>
      <input aria-label={`Journey step ${n} ${label.toLowerCase()}`} className={`${inputClasses} ${extra}`} value={value} aria-invalid={errors(f).length > 0}
        onChange={(e) => set({ [key]: e.target.value })} />
    </Labelled>
  );
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-[1fr_7rem_2fr] gap-2">
        {input('name', 'Name', row.name, 'name')}
        <Labelled label="Method" errors={errors('method')}>
          <select aria-label={`Journey step ${n} method`} className={inputClasses} value={row.method} onChange={(e) => set({ method: e.target.value })}>
            {[...new Set([...METHODS, row.method])].map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </Labelled>
        {input('path', 'Path', row.path, 'path', 'font-mono')}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Labelled label="Headers (Name: value per line)" errors={errors('headers')}>
          <textarea aria-label={`Journey step ${n} headers`} rows={2} className={`${inputClasses} font-mono text-xs`} value={row.headers} onChange={(e) => set({ headers: e.target.value })} />
        </Labelled>
        <Labelled label="Body" errors={errors('body')}>
          <textarea aria-label={`Journey step ${n} body`} rows={2} className={`${inputClasses} font-mono text-xs`} value={row.body} onChange={(e) => set({ body: e.target.value })} />
        </Labelled>
      </div>
      {input('expect_status', 'Expected status', row.expectStatus, 'expectStatus')}
      <ExtractList index={index} rows={row.extract} problems={problems} onChange={(extract) => set({ extract })} />
      <CheckList index={index} rows={row.checks} problems={problems} onChange={(checks) => set({ checks })} />
    </div>
  );
}

function ExtractList({ index, rows, problems, onChange }: { index: number; rows: ExtractRow[]; problems: PlacedProblems; onChange: (rows: ExtractRow[]) => void }) {
  const n = index + 1;
  const update = (j: number, change: Partial<ExtractRow>) => onChange(rows.map((r, k) => (k === j ? { ...r, ...change } : r)));
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">Extractions (into variables for later steps: {'${name}'})</p>
      {rows.map((x, j) => {
        const errors = problemsOf(problems, `journey-${index}-extract-${j}`);
        const label = `Journey step ${n} extraction ${j + 1}`;
        return (
          <div key={j} className="mt-1">
            <div className="grid grid-cols-[7rem_1fr_2fr_1fr_auto] gap-1">
              <select aria-label={`${label} source`} className={inputClasses} value={x.source} onChange={(e) => update(j, { source: e.target.value as ExtractSource })}>
                {EXTRACT_SOURCES.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
              <input aria-label={`${label} variable`} placeholder="variable" className={inputClasses} value={x.name} onChange={(e) => update(j, { name: e.target.value })} />
              <input aria-label={`${label} expression`} placeholder={x.source === 'jsonpath' ? '$.token' : x.source === 'regex' ? 'id=(\\w+)' : 'name'}
                className={`${inputClasses} font-mono`} aria-invalid={errors.length > 0} value={x.expression} onChange={(e) => update(j, { expression: e.target.value })} />
              <input aria-label={`${label} default`} placeholder="default (none: fail)" className={inputClasses} value={x.fallback} onChange={(e) => update(j, { fallback: e.target.value })} />
              <Button variant="ghost" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange(rows.filter((_, k) => k !== j))}>Remove</Button>
            </div>
            <FieldMessages messages={errors} />
          </div>
        );
      })}
      <Button variant="ghost" className="mt-1" aria-label={`Add extraction to journey step ${n}`} onClick={() => onChange([...rows, newExtractRow()])}>+ extraction</Button>
    </div>
  );
}

function CheckList({ index, rows, problems, onChange }: { index: number; rows: CheckRow[]; problems: PlacedProblems; onChange: (rows: CheckRow[]) => void }) {
  const n = index + 1;
  const update = (j: number, change: Partial<CheckRow>) => onChange(rows.map((r, k) => (k === j ? { ...r, ...change } : r)));
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">Checks (a failure is counted, not an error)</p>
      {rows.map((c, j) => {
        const errors = problemsOf(problems, `journey-${index}-check-${j}`);
        const kind = CHECK_KINDS.find((k) => k.kind === c.kind) ?? CHECK_KINDS[0];
        const label = `Journey step ${n} check ${j + 1}`;
        return (
          <div key={j} className="mt-1">
            <div className="grid grid-cols-[1fr_9rem_2fr_1fr_auto] gap-1">
              <input aria-label={`${label} name`} placeholder="name (optional)" className={inputClasses} value={c.name} onChange={(e) => update(j, { name: e.target.value })} />
              <select aria-label={`${label} kind`} className={inputClasses} value={c.kind} onChange={(e) => update(j, { kind: e.target.value as CheckKind })}>
                {CHECK_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
              </select>
              <input aria-label={`${label} value`} placeholder={kind.value} className={`${inputClasses} font-mono`} aria-invalid={errors.length > 0} value={c.value}
                onChange={(e) => update(j, { value: e.target.value })} />
              {c.kind === 'jsonpath_equals' || c.kind === 'jsonpath_exists' ? (
                <input aria-label={`${label} expected`} placeholder={c.kind === 'jsonpath_exists' ? 'true or false' : 'expected text'} className={inputClasses}
                  value={c.expected} onChange={(e) => update(j, { expected: e.target.value })} />
              ) : <span />}
              <Button variant="ghost" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange(rows.filter((_, k) => k !== j))}>Remove</Button>
            </div>
            <FieldMessages messages={errors} />
          </div>
        );
      })}
      <Button variant="ghost" className="mt-1" aria-label={`Add check to journey step ${n}`} onClick={() => onChange([...rows, newCheckRow()])}>+ check</Button>
    </div>
  );
}

function ThinkFields({ index, row, onChange }: { index: number; row: ThinkRow; onChange: (row: ThinkRow) => void }) {
  const label = `Journey element ${index + 1} think`;
  return (
    <div className="grid grid-cols-[9rem_1fr_1fr] gap-2">
      <select aria-label={`${label} distribution`} className={inputClasses} value={row.shape} onChange={(e) => onChange({ ...row, shape: e.target.value as ThinkShape })}>
        <option value="constant">constant</option>
        <option value="uniform">uniform between</option>
        <option value="exponential">exponential, mean</option>
      </select>
      <input aria-label={`${label} time`} className={inputClasses} value={row.first} placeholder="e.g. 500ms" onChange={(e) => onChange({ ...row, first: e.target.value })} />
      {row.shape === 'uniform'
        ? <input aria-label={`${label} maximum`} className={inputClasses} value={row.second} placeholder="e.g. 2s" onChange={(e) => onChange({ ...row, second: e.target.value })} />
        : <span />}
    </div>
  );
}
