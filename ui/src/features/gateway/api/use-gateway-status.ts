import { useEffect, useState } from 'react';
import { liveSocket } from '@/shared/api-client/live-socket';
import { appendStatus, emptyHistory, type GatewayHistory } from './gateway-history';
import { parseGatewayMessage, type ConnectionState, type GatewayStatus } from './gateway-types';

export type GatewayWatch = { connection: ConnectionState; status: GatewayStatus | null; history: GatewayHistory };

/**
 * The gateway's status as the server pushes it over the live feed each second. Until the first
 * push, and while the feed itself is down, the connection is `checking`: nobody knows.
 */
export function useGatewayStatus(targetId: number): GatewayWatch {
  // keyed by target, so another gateway's figures never show (no reset inside the effect needed)
  const [watch, setWatch] = useState<GatewayWatch & { targetId: number }>(() => ({ targetId, ...initial() }));

  useEffect(() => {
    const current = (w: GatewayWatch & { targetId: number }) => (w.targetId === targetId ? w : { targetId, ...initial() });
    const stopWatching = liveSocket.watchGateway(targetId, (message) => {
      const status = parseGatewayMessage(message, targetId);
      if (!status) return;
      setWatch((w) => {
        const c = current(w);
        return { targetId, connection: status.status, status: status.status === 'checking' ? c.status : status,
          history: appendStatus(c.history, status, Date.now()) };
      });
    });
    const stopState = liveSocket.onStateChange((state) => {
      if (state !== 'open') setWatch((w) => ({ ...current(w), connection: 'checking' }));
    });
    return () => {
      stopWatching();
      stopState();
    };
  }, [targetId]);

  return watch.targetId === targetId ? watch : initial();
}

function initial(): GatewayWatch {
  return { connection: 'checking', status: null, history: emptyHistory() };
}
