import { ErrorState, LoadingState } from '@/shared/components/states';
import { PageHeader } from '@/shared/components/layout-parts';
import { NotFound } from '@/shared/components/not-found';
import { ApiError } from '@/shared/api-client/api-client';
import { useCurrentUser } from '@/shared/auth/current-user';
import { useGatewayTarget } from '../api/gateway-api';
import { useGatewayStatus } from '../api/use-gateway-status';
import { GatewayConfigPanel } from './gateway-config-panel';
import { ConnectionBadge, GatewayFigures, StageCharts, StageTable } from './gateway-status-view';
import { LoadTester } from './load-tester';

/** One gateway target: its status pushed by the server each second, its stage times, its configuration and a load tester. */
export function GatewayPage({ targetId }: { targetId: number }) {
  const target = useGatewayTarget(targetId);
  const watch = useGatewayStatus(targetId);
  const { can } = useCurrentUser();
  if (target.isError && target.error instanceof ApiError && target.error.status === 404) return <NotFound what="target" />;
  if (target.isPending) return <LoadingState label="Loading the gateway…" />;
  if (target.isError) return <ErrorState error={target.error} onRetry={() => void target.refetch()} />;
  if (target.data.kind !== 'gateway') {
    return <ErrorState error={new Error(`${target.data.name} is an ${target.data.kind} target, not a gateway.`)} title="Not a gateway" />;
  }
  return (
    <div className="space-y-6">
      <PageHeader title={`Gateway: ${target.data.name}`} actions={<ConnectionBadge connection={watch.connection} error={watch.status?.error} />}>
        <p className="font-mono text-xs text-slate-500">{target.data.url}</p>
        {watch.status?.error && <p className="text-sm text-amber-700">{watch.status.error}</p>}
      </PageHeader>
      <GatewayFigures status={watch.status} />
      <StageTable status={watch.status} />
      <StageCharts history={watch.history} />
      <GatewayConfigPanel targetId={targetId} mayChange={can('edit', target.data)} />
      {can('run') && <LoadTester target={target.data} />}
    </div>
  );
}
