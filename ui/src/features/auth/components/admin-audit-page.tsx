import { useSearchParams } from 'react-router';
import { Button } from '@/shared/components/button';
import { inputClasses } from '@/shared/components/field';
import { Card, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatCount, formatDateTime } from '@/shared/format/format';
import { useAudit, type AuditFilters } from '../api/admin';

export const AUDIT_ACTIONS = [
  'sign_in', 'sign_in_failed', 'sign_out', 'user_created', 'user_updated', 'password_changed', 'password_reset',
  'token_created', 'token_revoked', 'target_created', 'target_updated', 'target_deleted', 'scenario_created',
  'scenario_updated', 'scenario_deleted', 'run_started', 'run_cancelled', 'run_deleted', 'settings_updated', 'setup_completed',
  'schedule_created', 'schedule_changed', 'schedule_paused', 'schedule_resumed', 'schedule_deleted', 'webhook_created', 'webhook_changed',
  'webhook_deleted',
];

const FILTER_KEYS = ['actor', 'action', 'from', 'to'] as const;

/** Who did what, when, from where; the filters live in the address so a view can be shared. */
export function AdminAuditPage() {
  const [search, setSearch] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? undefined]).filter(([, v]) => v));
  const audit = useAudit(filters);
  const update = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const nextSearch = new URLSearchParams(search);
    if (value) nextSearch.set(key, value);
    else nextSearch.delete(key);
    setSearch(nextSearch, { replace: true });
  };
  const filtered = FILTER_KEYS.some((k) => search.get(k));

  return (
    <>
      <PageHeader title="Audit log">Sign-ins, user and token changes, target and scenario changes, runs.</PageHeader>
      <Card>
        <form className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
          <label className="text-sm font-medium text-slate-700">
            Actor
            <input className={`${inputClasses} mt-1`} value={filters.actor ?? ''} onChange={(e) => update('actor', e.target.value.trim())} />
          </label>
          <label className="text-sm font-medium text-slate-700">
            Action
            <select className={`${inputClasses} mt-1`} value={filters.action ?? ''} onChange={(e) => update('action', e.target.value)}>
              <option value="">Any</option>
              {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-700">
            From
            <input type="date" className={`${inputClasses} mt-1`} value={filters.from ?? ''} onChange={(e) => update('from', e.target.value)} />
          </label>
          <label className="text-sm font-medium text-slate-700">
            To
            <input type="date" className={`${inputClasses} mt-1`} value={filters.to ?? ''} onChange={(e) => update('to', e.target.value)} />
          </label>
          <div className="flex items-end">
            <Button variant="secondary" disabled={!filtered} onClick={() => setSearch(new URLSearchParams())}>Clear filters</Button>
          </div>
        </form>
        {audit.isPending ? (
          <LoadingState label="Loading the audit log…" />
        ) : audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} title="Could not load the audit log." />
        ) : audit.data.items.length === 0 ? (
          <EmptyState title={filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'} />
        ) : (
          <>
            <TableScroll label="Audit log">
              <table className={tableClasses}>
                <thead>
                  <tr>
                    <th scope="col" className={thClasses}>When</th>
                    <th scope="col" className={thClasses}>Who</th>
                    <th scope="col" className={thClasses}>Action</th>
                    <th scope="col" className={thClasses}>Object</th>
                    <th scope="col" className={thClasses}>From</th>
                    <th scope="col" className={thClasses}>Detail</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {audit.data.items.map((e) => (
                    <tr key={e.id}>
                      <td className={tdClasses}>{formatDateTime(e.at)}</td>
                      <td className={tdClasses}>{e.actor ?? '—'}</td>
                      <td className={`${tdClasses} font-mono text-xs`}>{e.action}</td>
                      <td className={tdClasses}>{e.object_type ? `${e.object_type}${e.object_id !== null ? ` #${e.object_id}` : ''}` : '—'}</td>
                      <td className={`${tdClasses} font-mono text-xs`}>{e.address ?? '—'}</td>
                      <td className="px-3 py-2 text-xs break-all">{e.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="mt-3 text-sm text-slate-600">
              {audit.data.total > audit.data.items.length
                ? `Newest ${formatCount(audit.data.items.length)} of ${formatCount(audit.data.total)}; narrow the filters to see older entries.`
                : `${formatCount(audit.data.total)} ${audit.data.total === 1 ? 'entry' : 'entries'}.`}
            </p>
          </>
        )}
      </Card>
    </>
  );
}
