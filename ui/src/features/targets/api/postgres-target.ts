import type { LakebaseOptions, PoolOptions, Target, TargetCredentials, TargetOptions } from '@/shared/api-client/types';

/** The postgres target form's fields, as typed (text), secrets included until sent. */
export type PostgresFields = {
  host: string;
  port: string;
  database: string;
  user: string;
  sslmode: string;
  connectTimeout: string;
  poolSize: string;
  poolOverflow: string;
  password: string;
  useLakebase: boolean;
  workspaceUrl: string;
  lakebaseKind: 'instance' | 'endpoint';
  lakebaseName: string;
  profile: string;
  clientId: string;
  token: string;
  clientSecret: string;
};

export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export function postgresFieldsOf(target?: Target): PostgresFields {
  const o = target?.kind === 'postgres' ? target.options ?? {} : {};
  const lakebase = o.lakebase;
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port === undefined ? '5432' : String(o.port),
    database: o.database ?? 'postgres',
    user: o.user ?? '',
    sslmode: o.sslmode ?? 'prefer',
    connectTimeout: o.connect_timeout ?? '',
    poolSize: o.pool?.size === undefined ? '' : String(o.pool.size),
    poolOverflow: o.pool?.overflow === undefined ? '' : String(o.pool.overflow),
    password: '',
    useLakebase: lakebase !== undefined,
    workspaceUrl: lakebase?.workspace_url ?? '',
    lakebaseKind: lakebase?.endpoint ? 'endpoint' : 'instance',
    lakebaseName: lakebase?.endpoint ?? lakebase?.instance ?? '',
    profile: lakebase?.profile ?? '',
    clientId: lakebase?.client_id ?? '',
    token: '',
    clientSecret: '',
  };
}

/** Numbers go as numbers when they are numbers, else as typed so the server names the problem. */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function set<T extends object>(target: T, key: keyof T, value: unknown) {
  if (value !== undefined && value !== '') (target as Record<string, unknown>)[key as string] = value;
}

/** The options (no secrets) and, when `withSecrets`, the credentials of a postgres target. */
export function postgresInput(fields: PostgresFields, withSecrets: boolean): { options: TargetOptions; credentials?: TargetCredentials } {
  const options: TargetOptions = {};
  set(options, 'host', fields.host.trim());
  set(options, 'port', numberOrText(fields.port));
  set(options, 'database', fields.database.trim());
  set(options, 'user', fields.user.trim());
  set(options, 'sslmode', fields.sslmode);
  set(options, 'connect_timeout', fields.connectTimeout.trim());
  const pool: PoolOptions = {};
  set(pool, 'size', numberOrText(fields.poolSize));
  set(pool, 'overflow', numberOrText(fields.poolOverflow));
  if (Object.keys(pool).length) options.pool = pool;
  if (fields.useLakebase) {
    const lakebase: LakebaseOptions = {};
    set(lakebase, 'workspace_url', fields.workspaceUrl.trim());
    set(lakebase, fields.lakebaseKind, fields.lakebaseName.trim());
    set(lakebase, 'profile', fields.profile.trim());
    set(lakebase, 'client_id', fields.clientId.trim());
    options.lakebase = lakebase;
  }
  if (!withSecrets) return { options };
  const credentials: TargetCredentials = {};
  set(credentials, 'password', fields.password);
  if (fields.useLakebase && (fields.token || fields.clientSecret)) {
    const lakebase: NonNullable<TargetCredentials['lakebase']> = {};
    set(lakebase, 'token', fields.token);
    set(lakebase, 'client_secret', fields.clientSecret);
    credentials.lakebase = lakebase;
  }
  return { options, credentials };
}
