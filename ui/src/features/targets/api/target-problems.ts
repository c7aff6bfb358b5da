import type { FieldErrors } from '@/shared/api-client/problem-details';
import type { TargetKind } from '@/shared/api-client/types';
import { validateLlmFields, type LlmFields } from './llm-target';

/** The target form as typed, as far as the browser checks it. */
export type TargetDraft = { kind: TargetKind; name: string; url: string; llm: LlmFields };

/**
 * What the browser can tell before sending, in the server's own words (it checks again and has the
 * last word): a name and, except for postgres targets, an http(s) URL; an automation's id and inputs.
 * Everything else — ports, pools, a postgres target's settings — only the server judges, on Save.
 */
export function targetDraftProblems(draft: TargetDraft): FieldErrors {
  const problems: FieldErrors = {};
  if (!draft.name.trim()) problems.name = ['must not be blank'];
  if (draft.kind !== 'postgres') {
    const url = draft.url.trim();
    if (!url) problems.url = ['must not be blank'];
    else if (!/^https?:\/\/[^\s/?#]+/i.test(url)) problems.url = ['must be an http:// or https:// URL'];
  }
  if (draft.kind === 'llm' || draft.kind === 'automation') Object.assign(problems, validateLlmFields(draft.kind, draft.llm));
  return problems;
}
