import { GatewayPage } from '@/features/gateway/components/gateway-page';
import { NotFound } from '@/shared/components/not-found';
import { useIdParam } from './route-parts';

/** /targets/:id/gateway: the gateway page of one gateway target. */
export function GatewayRoute() {
  const targetId = useIdParam();
  if (targetId === undefined) return <NotFound what="target" />;
  return <GatewayPage targetId={targetId} />;
}
