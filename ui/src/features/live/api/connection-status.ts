import type { SocketState } from '@/shared/api-client/live-socket';

export type ConnectionStatus = 'connected' | 'disconnected' | 'checking';

/**
 * Connected needs both a ready server (database up) and an open live feed; either one failing is
 * disconnected; anything not yet known is checking.
 */
export function connectionStatus(readiness: { isPending: boolean; isError: boolean; status?: string }, socket: SocketState): ConnectionStatus {
  if (readiness.isError || (readiness.status !== undefined && readiness.status !== 'UP')) return 'disconnected';
  if (readiness.isPending) return 'checking';
  if (socket === 'open') return 'connected';
  return socket === 'connecting' ? 'checking' : 'disconnected';
}
