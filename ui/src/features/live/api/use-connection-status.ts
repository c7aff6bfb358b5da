import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveSocket } from '@/shared/api-client/live-socket';
import { connectionStatus, type ConnectionStatus } from './connection-status';
import { READINESS_POLL_DOWN_MS, READINESS_POLL_MS, readinessQueryOptions } from './get-readiness';
import { useSocketState } from './use-socket-state';

/**
 * The header's view of the connection: the live socket's state as it happens, and the server's
 * readiness, polled every 10 s while both are fine and twice a second while either is down. A change
 * of the socket asks for readiness at once, and a fresh "ready" while the socket is closed gets a
 * reconnect at once instead of at the end of the socket's backoff.
 */
export function useConnectionStatus(): { status: ConnectionStatus; detail: string } {
  const socket = useSocketState();
  const readiness = useQuery({
    ...readinessQueryOptions,
    refetchInterval: (query) => (socket === 'open' && query.state.status === 'success' && query.state.data?.status === 'UP' ? READINESS_POLL_MS : READINESS_POLL_DOWN_MS),
  });
  const { refetch } = readiness;

  useEffect(() => {
    void refetch({ cancelRefetch: false });
  }, [socket, refetch]);

  // Only a fresh answer counts: a stale "UP" from before the drop would reconnect in a tight loop.
  const serverUp = !readiness.isError && readiness.data?.status === 'UP';
  const answeredAt = readiness.dataUpdatedAt;
  useEffect(() => {
    if (serverUp && liveSocket.getState() === 'closed') liveSocket.reconnectNow();
  }, [serverUp, answeredAt]);

  const status = connectionStatus({ isPending: readiness.isPending, isError: readiness.isError, status: readiness.data?.status }, socket);
  const detail = `server ${readiness.isError ? 'unreachable' : readiness.data?.status ?? 'checking'}, live feed ${socket}`;
  return { status, detail };
}
