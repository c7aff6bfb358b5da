import type { Target, TargetCredentials, TargetOptions } from '@/shared/api-client/types';

/** The ingestor target form's fields as typed; the secrets only until sent. */
export type IngestorFields = { sinkUrl: string; sinkUser: string; table: string; password: string; adminToken: string };

export function ingestorFieldsOf(target?: Target): IngestorFields {
  const sink = target?.kind === 'ingestor' ? target.options?.sink ?? {} : {};
  return { sinkUrl: sink.url ?? '', sinkUser: sink.user ?? 'postgres', table: sink.table ?? 'messages', password: '', adminToken: '' };
}

/**
 * The request's options and credentials: the sink (keeping the id and timestamp columns a stored target names),
 * and with new secrets the sink's password and the ingestor's admin token (empty: none).
 */
export function ingestorInput(fields: IngestorFields, editSecrets: boolean, stored?: Target): { options: TargetOptions; credentials?: TargetCredentials } {
  const kept = stored?.kind === 'ingestor' ? stored.options?.sink ?? {} : {};
  const sink = { ...kept, url: fields.sinkUrl.trim(), user: fields.sinkUser.trim() || undefined, table: fields.table.trim() || undefined };
  const options: TargetOptions = { sink };
  if (!editSecrets) return { options };
  const credentials: Record<string, string> = {};
  if (fields.password) credentials.password = fields.password;
  if (fields.adminToken) credentials.admin_token = fields.adminToken;
  return { options, credentials: credentials as TargetCredentials };
}
