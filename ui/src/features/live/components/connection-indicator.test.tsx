import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveSocket } from '@/shared/api-client/live-socket';
import { ConnectionIndicator } from './connection-indicator';

let serverUp = true;

/** A WebSocket that opens when told to while the server is up, and fails at once while it is down. */
class FakeWebSocket {
  static OPEN = 1;
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  constructor() {
    FakeWebSocket.instances.push(this);
    if (!serverUp) queueMicrotask(() => this.close());
  }
  send() {}
  open() { this.readyState = 1; this.onopen?.(); }
  close() { this.readyState = 3; this.onclose?.(); }
}

describe('ConnectionIndicator', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('turns disconnected the moment the feed drops, polls fast while down and reconnects as soon as the server is ready', async () => {
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const readinessCalls: number[] = [];
    vi.stubGlobal('fetch', vi.fn(async () => {
      readinessCalls.push(Date.now());
      return serverUp
        ? new Response(JSON.stringify({ status: 'UP' }), { status: 200 })
        : new Response(JSON.stringify({ status: 'DOWN' }), { status: 503 });
    }));
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ConnectionIndicator />
      </QueryClientProvider>,
    );
    const indicator = screen.getByTestId('connection-indicator');
    act(() => FakeWebSocket.instances[0].open());
    await waitFor(() => expect(indicator).toHaveAttribute('data-status', 'connected'));

    serverUp = false;
    act(() => FakeWebSocket.instances.at(-1)!.close());
    // no waiting for the next poll: the socket's state shows at once
    expect(indicator).toHaveAttribute('data-status', 'disconnected');

    const downSince = Date.now();
    await waitFor(() => expect(readinessCalls.filter((t) => t >= downSince).length).toBeGreaterThanOrEqual(2), { timeout: 3_000 });

    // Backoff without jitter: 250, 500, 1,000 ms, then the 2 s cap. Once the fourth socket has failed the
    // socket's own retry is 2 s away; the server comes back then and the readiness poll must beat it.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThanOrEqual(4), { timeout: 3_000 });
    const reconnect = vi.spyOn(liveSocket, 'reconnectNow');
    const socketsBefore = FakeWebSocket.instances.length;
    serverUp = true;
    await waitFor(() => expect(reconnect).toHaveBeenCalled(), { timeout: 1_500 });
    expect(FakeWebSocket.instances.length).toBe(socketsBefore + 1);
    act(() => FakeWebSocket.instances.at(-1)!.open());
    await waitFor(() => expect(indicator).toHaveAttribute('data-status', 'connected'));
  }, 10_000);
});
