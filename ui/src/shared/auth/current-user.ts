import { createContext, useContext } from 'react';
import type { components } from '@/shared/api-client/openapi';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A user as the API describes one (GET /account, /users): the server's OpenAPI schema. */
export type User = components['schemas']['User'];

/**
 * What a role may do. `create` and `run` (start, cancel, re-run) need an editor; `edit` and `delete`
 * of an item need its creator or an admin; `admin` (users, settings, audit) needs an admin.
 */
export type Action = 'create' | 'run' | 'edit' | 'delete' | 'admin';

/** Something that records who made it: targets, scenarios and runs carry `created_by` (null for demo content). */
export function createdBy(item: object | null | undefined): string | null {
  const value = item && 'created_by' in item ? item.created_by : null;
  return typeof value === 'string' ? value : null;
}

/** The rules the server enforces, mirrored so the dashboard shows only what will work. */
export function can(user: User | null, action: Action, item?: object | null): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'viewer') return false;
  switch (action) {
    case 'create':
    case 'run':
      return true;
    case 'edit':
    case 'delete':
      return item !== undefined && item !== null && createdBy(item) === user.username;
    case 'admin':
      return false;
  }
}

export type CurrentUser = {
  user: User | null;
  /** Kept at the account page until a password is changed or two-factor set up: the rest of the API refuses them. */
  held: boolean;
  can: (action: Action, item?: object | null) => boolean;
  isOwn: (item: object | null | undefined) => boolean;
};

export function currentUserOf(user: User | null, held = false): CurrentUser {
  return {
    user,
    held,
    can: (action, item) => can(user, action, item),
    isOwn: (item) => user !== null && createdBy(item) === user.username,
  };
}

export const CurrentUserContext = createContext<CurrentUser>(currentUserOf(null));

/** The signed-in user and what they may do; outside the sign-in gate, nobody (everything false). */
export function useCurrentUser(): CurrentUser {
  return useContext(CurrentUserContext);
}
