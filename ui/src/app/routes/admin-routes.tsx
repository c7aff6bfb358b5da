import { AdminAuditPage } from '@/features/auth/components/admin-audit-page';
import { AdminSettingsPage } from '@/features/auth/components/admin-settings-page';
import { AdminUsersPage } from '@/features/auth/components/admin-users-page';
import { AdminOnly } from '@/features/auth/components/signed-in-only';

export const AdminUsersRoute = () => <AdminOnly><AdminUsersPage /></AdminOnly>;
export const AdminSettingsRoute = () => <AdminOnly><AdminSettingsPage /></AdminOnly>;
export const AdminAuditRoute = () => <AdminOnly><AdminAuditPage /></AdminOnly>;
