import { AdminAuditPage } from '@/features/auth/components/admin-audit-page';
import { AdminSettingsPage } from '@/features/auth/components/admin-settings-page';
import { AdminUsersPage } from '@/features/auth/components/admin-users-page';
import { AdminOnly } from '@/features/auth/components/signed-in-only';
import { WebhooksPage } from '@/features/notifications/components/webhooks-page';

export const AdminUsersRoute = () => <AdminOnly><AdminUsersPage /></AdminOnly>;
export const AdminSettingsRoute = () => <AdminOnly><AdminSettingsPage /></AdminOnly>;
export const AdminAuditRoute = () => <AdminOnly><AdminAuditPage /></AdminOnly>;
export const AdminWebhooksRoute = () => <AdminOnly><WebhooksPage /></AdminOnly>;
