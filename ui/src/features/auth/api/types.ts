import type { User } from '@/shared/auth/current-user';

export type AuthState = {
  setup_required: boolean;
  signed_in: boolean;
  user: User | null;
  self_registration: boolean;
  require_totp: boolean;
  oidc: { enabled: boolean; name: string | null };
};

export const TOKEN_SCOPES = ['read', 'run', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type ApiToken = {
  id: number;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
};

/** The answer to creating a token: the only time the secret itself is seen. */
export type CreatedToken = ApiToken & { token: string };

export type TotpEnrolment = { secret: string; otpauth_uri: string };

export type AuthSettings = { self_registration: boolean; require_totp: boolean };

export type AuditEntry = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  object_type: string | null;
  object_id: string | number | null;
  address: string | null;
  detail: string | null;
};

export type AuditPage = { items: AuditEntry[]; total: number };
