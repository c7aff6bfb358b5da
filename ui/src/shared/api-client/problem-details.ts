import type { FieldProblem } from './types';

/** An RFC 9457 problem, as the API sends it, with Benchdeck's field errors. */
export type ProblemDetails = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
};

/** Messages by field path (`load.steps[1].rate`), in the order the server gave them. */
export type FieldErrors = Record<string, string[]>;

export function toFieldErrors(problems: readonly FieldProblem[] | undefined | null): FieldErrors {
  const byPath: FieldErrors = {};
  for (const problem of problems ?? []) {
    // the security contract names the path `field`; the rest of the API says `path`
    const path = problem.path ?? (problem as { field?: string }).field ?? '';
    const { message } = problem;
    const key = normalizePath(path);
    (byPath[key] ??= []).push(message);
  }
  return byPath;
}

/** `load.steps.1.rate` and `/load/steps/1/rate` both become `load.steps[1].rate`; `$.` prefixes go. */
export function normalizePath(path: string): string {
  return path
    .trim()
    .replace(/^\$\.?/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** Messages for one field; with `prefixes`, also those under it (`thresholds` → `thresholds[0]`). */
export function messagesFor(errors: FieldErrors, path: string, options: { nested?: boolean } = {}): string[] {
  const exact = errors[path] ?? [];
  if (!options.nested) return exact;
  const nested = Object.entries(errors)
    .filter(([key]) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`))
    .flatMap(([, messages]) => messages);
  return [...exact, ...nested];
}

/** Messages whose path none of `known` claims, to show in a general place. */
export function unclaimedMessages(errors: FieldErrors, known: readonly string[]): FieldProblem[] {
  const claimed = new Set(known);
  return Object.entries(errors)
    .filter(([path]) => !claimed.has(path))
    .flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}
