import { describe, expect, it } from 'vitest';
import { can, createdBy, currentUserOf, type Role, type User } from './current-user';

const user = (role: Role, username: string = role): User => ({
  id: 1, username, role, enabled: true, totp_enabled: false, must_change_password: false,
  created_at: '2026-01-01T00:00:00Z', last_sign_in_at: null,
});
const mine = { created_by: 'editor' };
const theirs = { created_by: 'someone-else' };
const demo = { created_by: null };

describe('role rules', () => {
  it('a viewer may only read', () => {
    for (const action of ['create', 'run', 'edit', 'delete', 'admin'] as const) {
      expect(can(user('viewer'), action, mine)).toBe(false);
    }
  });

  it('an editor creates and runs, and edits or deletes only their own', () => {
    const editor = user('editor');
    expect(can(editor, 'create')).toBe(true);
    expect(can(editor, 'run', theirs)).toBe(true);
    expect(can(editor, 'edit', mine)).toBe(true);
    expect(can(editor, 'delete', mine)).toBe(true);
    expect(can(editor, 'edit', theirs)).toBe(false);
    expect(can(editor, 'delete', theirs)).toBe(false);
    expect(can(editor, 'delete', demo)).toBe(false);
    expect(can(editor, 'edit')).toBe(false);
    expect(can(editor, 'admin')).toBe(false);
  });

  it('an admin may do everything, to anyone’s items', () => {
    for (const action of ['create', 'run', 'edit', 'delete', 'admin'] as const) {
      expect(can(user('admin'), action, theirs)).toBe(true);
    }
  });

  it('nobody signed in may do nothing', () => {
    expect(can(null, 'create')).toBe(false);
    expect(currentUserOf(null).isOwn(demo)).toBe(false);
  });

  it('ownership is the creator’s username; items without created_by are nobody’s', () => {
    expect(createdBy({ created_by: 'ann' })).toBe('ann');
    expect(createdBy({ id: 3 })).toBeNull();
    expect(currentUserOf(user('editor')).isOwn(mine)).toBe(true);
    expect(currentUserOf(user('editor', 'Editor')).isOwn(mine)).toBe(false);
  });
});
