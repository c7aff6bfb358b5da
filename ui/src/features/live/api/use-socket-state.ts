import { useSyncExternalStore } from 'react';
import { liveSocket, type SocketState } from '@/shared/api-client/live-socket';

export function useSocketState(): SocketState {
  return useSyncExternalStore(liveSocket.onStateChange, liveSocket.getState, () => 'closed' as const);
}
