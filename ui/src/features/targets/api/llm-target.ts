import type { FieldErrors } from '@/shared/api-client/problem-details';
import type { Target, TargetCredentials, TargetOptions } from '@/shared/api-client/types';

const AUTOMATION_ID = /^[A-Za-z0-9._~-]{1,200}$/;

/** The llm and automation target form's fields as typed; the API key stays here until sent. */
export type LlmFields = {
  provider: string;
  model: string;
  automationId: string;
  api: string;
  description: string;
  /** Default inputs as JSON text (an object). */
  inputs: string;
  apiKey: string;
};

export function llmFieldsOf(target?: Target): LlmFields {
  const o: TargetOptions = target?.kind === 'llm' || target?.kind === 'automation' ? target.options ?? {} : {};
  return {
    provider: o.provider ?? 'openai-compatible',
    model: o.model ?? '',
    automationId: o.automation_id ?? '',
    api: o.api ?? 'automation-sync',
    description: o.description ?? '',
    inputs: o.inputs ? JSON.stringify(o.inputs, null, 2) : '',
    apiKey: '',
  };
}

/** Problems the browser can see before sending, at the server's paths (the server checks again). */
export function validateLlmFields(kind: 'llm' | 'automation', fields: LlmFields): FieldErrors {
  const errors: FieldErrors = {};
  if (kind === 'automation') {
    const id = fields.automationId.trim();
    if (!id) errors['options.automation_id'] = ['must not be blank'];
    else if (!AUTOMATION_ID.test(id)) errors['options.automation_id'] = ["must be 1-200 letters, digits, '.', '_', '~' or '-'"];
    if (fields.inputs.trim()) {
      try {
        const parsed: unknown = JSON.parse(fields.inputs);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) errors['options.inputs'] = ['must be a JSON object'];
      } catch {
        errors['options.inputs'] = ['is not valid JSON'];
      }
    }
  }
  return errors;
}

/** The options (no secret) and, when `withSecrets`, the credentials of an llm or automation target. */
export function llmInput(kind: 'llm' | 'automation', fields: LlmFields, withSecrets: boolean): { options: TargetOptions; credentials?: TargetCredentials } {
  const options: TargetOptions = {};
  if (kind === 'llm') {
    options.provider = fields.provider;
    if (fields.model.trim()) options.model = fields.model.trim();
  } else {
    options.automation_id = fields.automationId.trim();
    options.api = fields.api;
    if (fields.description.trim()) options.description = fields.description.trim();
    if (fields.inputs.trim()) options.inputs = JSON.parse(fields.inputs) as Record<string, unknown>;
  }
  if (!withSecrets) return { options };
  return { options, credentials: fields.apiKey ? { api_key: fields.apiKey } : {} };
}
