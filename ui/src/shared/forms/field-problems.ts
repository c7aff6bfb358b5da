import type { FieldErrors } from '@/shared/api-client/problem-details';
import type { FieldProblem } from '@/shared/api-client/types';

/**
 * A field of a form and the problem paths it shows next to itself. In a path `[*]` stands for any
 * index (`load.steps[*].users`); `nested` also claims everything under the paths. `describe` may say
 * which part a message is about (`step 2: must be ≥ 1`) when one field shows many paths.
 */
export type FieldClaim = {
  field: string;
  paths: readonly string[];
  nested?: boolean;
  describe?: (path: string, message: string) => string;
};

/** Every problem of a form, placed: each message once, next to the first field that claims it, or in one general list. */
export type PlacedProblems = {
  byField: Record<string, string[]>;
  unplaced: FieldProblem[];
  /** What the form shows in all: messages next to fields plus the general ones. */
  count: number;
};

export const NO_PROBLEMS: PlacedProblems = { byField: {}, unplaced: [], count: 0 };

function matcher(claim: FieldClaim): (path: string) => boolean {
  const patterns = claim.paths.map((p) => {
    const body = p.replace(/[.+?^${}()|\\]/g, '\\$&').replace(/\[\*\]/g, '\\[\\d+\\]').replace(/\[(\d+)\]/g, '\\[$1\\]');
    return new RegExp(`^${body}${claim.nested ? '(?:$|[.[])' : '$'}`);
  });
  return (path) => patterns.some((re) => re.test(path));
}

export function placeProblems(errors: FieldErrors, claims: readonly FieldClaim[]): PlacedProblems {
  const matchers = claims.map((claim) => ({ claim, matches: matcher(claim) }));
  const byField: Record<string, string[]> = {};
  const unplaced: FieldProblem[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const owner = matchers.find((m) => m.matches(path))?.claim;
    for (const message of messages) {
      if (!owner) {
        if (!unplaced.some((p) => p.path === path && p.message === message)) unplaced.push({ path, message });
        continue;
      }
      const text = owner.describe ? owner.describe(path, message) : message;
      const shown = (byField[owner.field] ??= []);
      if (!shown.includes(text)) shown.push(text);
    }
  }
  const count = Object.values(byField).reduce((n, list) => n + list.length, unplaced.length);
  return { byField, unplaced, count };
}

/** The messages a field shows. */
export function problemsOf(placed: PlacedProblems, field: string): string[] {
  return placed.byField[field] ?? [];
}

/** For a field showing all steps of a sweep: `step 2: must be ≥ 1` for a step's path, the message alone otherwise. */
export function describeStep(path: string, message: string): string {
  const step = /\.steps\[(\d+)\]/.exec(path);
  return step ? `step ${Number(step[1]) + 1}: ${message}` : message;
}
