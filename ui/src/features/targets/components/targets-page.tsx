import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/shared/api-client/api-client';
import type { Target } from '@/shared/api-client/types';
import { createdBy, useCurrentUser } from '@/shared/auth/current-user';
import { CreatedByText, MineToggle, useMineFilter } from '@/shared/auth/mine-filter';
import { Button, buttonClasses } from '@/shared/components/button';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { Card, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { paths } from '@/shared/paths';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { useDeleteTarget, useTargets, useTestTarget } from '../api/targets';
import { ConnectionTestResult } from './connection-test-result';
import { QueryCheck } from './query-check';
import { TargetForm } from './target-form';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; target: Target };

export function TargetsPage() {
  const [mine, setMine] = useMineFilter();
  const targets = useTargets(mine);
  const { can } = useCurrentUser();
  const remove = useDeleteTarget();
  const test = useTestTarget();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [queryCheckOf, setQueryCheckOf] = useState<number | null>(null);

  return (
    <>
      <PageHeader title="Targets" actions={can('create') && <Button onClick={() => setEditing({ mode: 'new' })}>New target</Button>}>
        The systems under test.
      </PageHeader>
      {editing.mode !== 'closed' && (
        <Card title={editing.mode === 'new' ? 'New target' : `Edit ${editing.target.name}`} className="mb-6">
          <TargetForm
            key={editing.mode === 'edit' ? editing.target.id : 'new'}
            target={editing.mode === 'edit' ? editing.target : undefined}
            onDone={() => setEditing({ mode: 'closed' })}
          />
        </Card>
      )}
      <Card>
        <div className="mb-3"><MineToggle mine={mine} onChange={setMine} /></div>
        {remove.isError && <p role="alert" className="mb-3 text-sm text-red-700">Could not delete: {errorMessage(remove.error)}</p>}
        {targets.isPending ? (
          <LoadingState label="Loading targets…" />
        ) : targets.isError ? (
          <ErrorState error={targets.error} onRetry={() => void targets.refetch()} title="Could not load targets." />
        ) : targets.data.length === 0 ? (
          <EmptyState title={mine ? 'No targets of yours' : 'No targets yet'}>{can('create') && 'Create one to point scenarios at.'}</EmptyState>
        ) : (
          <TableScroll label="Targets">
            <table className={tableClasses}>
              <thead>
                <tr>
                  <th scope="col" className={thClasses}>Name</th>
                  <th scope="col" className={thClasses}>Kind</th>
                  <th scope="col" className={thClasses}>URL</th>
                  <th scope="col" className={thClasses}>Options</th>
                  <th scope="col" className={thClasses}>Credentials</th>
                  <th scope="col" className={thClasses}>Created by</th>
                  <th scope="col" className={thClasses}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {targets.data.map((target) => (
                  <Fragment key={target.id}>
                  <tr>
                    <td className={`${tdClasses} font-medium`}>{target.name}</td>
                    <td className={tdClasses}>{target.kind}</td>
                    <td className="px-3 py-2 font-mono text-xs break-all">{target.url}</td>
                    <td className="px-3 py-2">{describeOptions(target)}</td>
                    <td className={tdClasses}>{target.has_credentials ? 'stored' : '—'}</td>
                    <td className={tdClasses}><CreatedByText name={createdBy(target)} /></td>
                    {/* the buttons take the width they need; URL and options wrap instead of pushing the table past the page */}
                    <td className="w-px px-3 py-2 whitespace-nowrap">
                      <div className="flex justify-end gap-1">
                        {can('run') && (
                          <Button variant="ghost" onClick={() => test.mutate(target.id)} aria-label={`Test connection to ${target.name}`} disabled={test.isPending}>Test connection</Button>
                        )}
                        {can('run') && target.kind === 'postgres' && (
                          <Button variant="ghost" aria-expanded={queryCheckOf === target.id} aria-label={`Query check on ${target.name}`}
                            onClick={() => setQueryCheckOf(queryCheckOf === target.id ? null : target.id)}>
                            Query check
                          </Button>
                        )}
                        {target.kind === 'gateway' && (
                          <Link to={paths.gateway(target.id)} className={buttonClasses('ghost')} aria-label={`Gateway page of ${target.name}`}>Gateway page</Link>
                        )}
                        {target.kind === 'ingestor' && (
                          <Link to={paths.ingestion(target.id)} className={buttonClasses('ghost')} aria-label={`Ingestion page of ${target.name}`}>Ingestion page</Link>
                        )}
                        {can('edit', target) && (
                          <Button variant="ghost" onClick={() => setEditing({ mode: 'edit', target })} aria-label={`Edit ${target.name}`}>Edit</Button>
                        )}
                        {can('delete', target) && (
                          <ConfirmButton label="Delete" question={`Delete ${target.name}?`} pending={remove.isPending} onConfirm={() => remove.mutate(target.id)} />
                        )}
                      </div>
                    </td>
                  </tr>
                  {queryCheckOf === target.id && (
                    <tr>
                      <td colSpan={7} className="px-3 pb-3">
                        <QueryCheck targetId={target.id} targetName={target.name} />
                      </td>
                    </tr>
                  )}
                  {test.variables === target.id && (
                    <tr>
                      <td colSpan={7} className="px-3 pb-3">
                        <ConnectionTestResult report={test.data} error={test.error} pending={test.isPending} />
                      </td>
                    </tr>
                  )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </>
  );
}

function describeOptions(target: Target): string {
  const o = target.options ?? {};
  if (target.kind === 'postgres') {
    const pool = o.pool?.size ? `, pool ${o.pool.size}` : '';
    return `sslmode ${o.sslmode ?? 'prefer'}${pool}${o.lakebase ? ', Lakebase OAuth' : ''}`;
  }
  if (target.kind === 'llm') return `${o.provider ?? 'openai-compatible'}${o.model ? `, model ${o.model}` : ''}`;
  if (target.kind === 'automation') return `${o.automation_id ?? '?'} (${o.api ?? 'automation-sync'})`;
  return `HTTP/${o.http_version ?? '1.1'}${o.insecure ? ', insecure' : ''}`;
}
