import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket, MAX_BACKOFF_MS } from './live-socket';

class FakeWebSocket {
  static OPEN = 1;
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }
  send(data: string) { this.sent.push(data); }
  open() { this.readyState = 1; this.onopen?.(); }
  close() { this.readyState = 3; this.onclose?.(); }
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('LiveSocket', () => {

  it('subscribes on open, routes messages by run and subscribes again after reconnecting', () => {
    const socket = new LiveSocket(() => 'ws://test/api/v1/live');
    const received: unknown[] = [];
    socket.subscribe(42, (m) => received.push(m));
    const first = FakeWebSocket.instances[0];
    first.open();
    expect(first.sent).toEqual(['{"subscribe":42}']);

    first.onmessage?.({ data: JSON.stringify({ type: 'status', run_id: 42, status: 'running' }) });
    first.onmessage?.({ data: JSON.stringify({ type: 'status', run_id: 7, status: 'running' }) });
    expect(received).toHaveLength(1);

    first.close();
    expect(socket.getState()).toBe('closed');
    vi.advanceTimersByTime(1_000);
    const second = FakeWebSocket.instances[1];
    second.open();
    expect(second.sent).toEqual(['{"subscribe":42}']);
  });

  it('unsubscribes when the last listener leaves', () => {
    const socket = new LiveSocket(() => 'ws://test');
    const stop = socket.subscribe(42, () => {});
    const ws = FakeWebSocket.instances[0];
    ws.open();
    stop();
    expect(ws.sent).toEqual(['{"subscribe":42}', '{"unsubscribe":42}']);
  });
});

describe('LiveSocket reconnecting', () => {

  it('never waits longer than the low cap between attempts, however many failed', () => {
    const socket = new LiveSocket(() => 'ws://test');
    socket.subscribe(1, () => {});
    for (let attempt = 0; attempt < 12; attempt++) {
      const count = FakeWebSocket.instances.length;
      FakeWebSocket.instances[count - 1].close();
      vi.advanceTimersByTime(MAX_BACKOFF_MS);
      expect(FakeWebSocket.instances).toHaveLength(count + 1);
    }
    expect(MAX_BACKOFF_MS).toBeLessThanOrEqual(2_000);
  });

  it('connects at once on reconnectNow instead of waiting out the backoff, and only once', () => {
    const socket = new LiveSocket(() => 'ws://test');
    const states: string[] = [];
    socket.onStateChange((s) => states.push(s));
    FakeWebSocket.instances[0].close();
    expect(socket.getState()).toBe('closed');
    socket.reconnectNow();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(socket.getState()).toBe('connecting');
    socket.reconnectNow(); // already trying: no second socket
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.instances[1].open();
    expect(states).toEqual(['connecting', 'closed', 'connecting', 'open']);
    vi.advanceTimersByTime(MAX_BACKOFF_MS * 2);
    expect(FakeWebSocket.instances).toHaveLength(2); // the cancelled retry does not fire
  });

  it('stays closed after disconnect (sign-out), whoever listens, until allowed again (sign-in)', () => {
    const socket = new LiveSocket(() => 'ws://test');
    socket.subscribe(42, () => {});
    FakeWebSocket.instances[0].open();
    socket.disconnect();
    expect(socket.getState()).toBe('closed');
    vi.advanceTimersByTime(10_000);
    socket.onStateChange(() => {});
    socket.subscribe(7, () => {});
    socket.reconnectNow();
    expect(FakeWebSocket.instances).toHaveLength(1);
    socket.allow();
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.instances[1].open();
    expect(FakeWebSocket.instances[1].sent).toEqual(['{"subscribe":42}', '{"subscribe":7}']);
  });

  it('watches a gateway, routes its status by target and watches again after reconnecting', () => {
    const socket = new LiveSocket(() => 'ws://test');
    const gateway: unknown[] = [];
    const runs: unknown[] = [];
    const stop = socket.watchGateway(7, (m) => gateway.push(m));
    socket.subscribe(7, (m) => runs.push(m));
    const first = FakeWebSocket.instances[0];
    first.open();
    expect(first.sent).toEqual(['{"subscribe":7}', '{"watch_gateway":7}']);
    first.onmessage?.({ data: JSON.stringify({ type: 'gateway', target_id: 7, gateway: { status: 'connected' } }) });
    first.onmessage?.({ data: JSON.stringify({ type: 'gateway', target_id: 8, gateway: { status: 'connected' } }) });
    expect(gateway).toHaveLength(1);
    expect(runs).toHaveLength(0); // a gateway message is never a run's, whatever its ids

    first.close();
    vi.advanceTimersByTime(1_000);
    const second = FakeWebSocket.instances[1];
    second.open();
    expect(second.sent).toContain('{"watch_gateway":7}');
    stop();
    expect(second.sent.at(-1)).toBe('{"unwatch_gateway":7}');
  });
});
