import { normalizePath, type FieldErrors } from '@/shared/api-client/problem-details';
import type { FieldProblem } from '@/shared/api-client/types';

/**
 * Problems from plan validation use plan paths (`load.users`); a scenario write may prefix them
 * with the field that holds the plan (`plan_yaml.load.users`). Both land on the same form field,
 * each message once; `plan_yaml` itself (the YAML as a whole) becomes the path "".
 */
export function planFieldErrors(...sources: (readonly FieldProblem[] | undefined | null)[]): FieldErrors {
  const byPath: FieldErrors = {};
  for (const problems of sources) {
    for (const { path, message } of problems ?? []) {
      const key = normalizePath(path ?? '').replace(/^(plan_yaml|plan)(\.|$)/, '');
      const messages = (byPath[key] ??= []);
      if (!messages.includes(message)) messages.push(message);
    }
  }
  return byPath;
}
