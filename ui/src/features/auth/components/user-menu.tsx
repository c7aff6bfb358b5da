import { NavLink, useNavigate } from 'react-router';
import { useCurrentUser } from '@/shared/auth/current-user';
import { Button, focusRing } from '@/shared/components/button';
import { useSignOut } from '../api/auth';

export const adminNavigation = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/settings', label: 'Settings' },
  { to: '/admin/audit', label: 'Audit' },
  { to: '/admin/webhooks', label: 'Webhooks' },
];

const linkClasses = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-2 py-1 text-sm ${focusRing} ${isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`;

/** The header's right side: who is signed in, their account, the admin screens, and sign-out. */
export function UserMenu() {
  const { user, can } = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="user-menu">
      {can('admin') && (
        <nav aria-label="Admin">
          <ul className="flex gap-1">
            {adminNavigation.map((item) => (
              <li key={item.to}><NavLink to={item.to} className={linkClasses}>{item.label}</NavLink></li>
            ))}
          </ul>
        </nav>
      )}
      <span className="text-sm text-slate-700" data-testid="current-user">
        <strong className="font-medium">{user.username}</strong> <span className="text-slate-500">({user.role})</span>
      </span>
      <NavLink to="/account" className={linkClasses}>Account</NavLink>
      <Button variant="ghost" disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in', { replace: true }) })}>
        Sign out
      </Button>
    </div>
  );
}
