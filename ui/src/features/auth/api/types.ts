// The auth API's shapes: the server's OpenAPI schemas (openapi.d.ts), so a change there is a type error here.
import type { components } from '@/shared/api-client/openapi';

type Schemas = components['schemas'];

export type AuthState = Schemas['AuthState'];

export const TOKEN_SCOPES = ['read', 'run', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type ApiToken = Schemas['ApiToken'];

/** The answer to creating a token: the only time the secret itself is seen. */
export type CreatedToken = Schemas['CreatedToken'];

export type TotpEnrolment = Schemas['Enrolment'];

export type AuthSettings = Schemas['Settings'];

export type AuditEntry = Schemas['AuditEntry'];

export type AuditPage = Schemas['AuditPage'];
