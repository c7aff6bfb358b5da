import type { LiveMessage } from './types';

export type SocketState = 'connecting' | 'open' | 'closed';
type MessageListener = (message: LiveMessage) => void;
type StateListener = (state: SocketState) => void;
/** A gateway target's status message (`{type: 'gateway', target_id, gateway}`), parsed by the feature that watches it. */
type GatewayListener = (message: unknown) => void;

const MIN_BACKOFF_MS = 250;
/** Low, so the feed is back within a second or two of a restarted server; the readiness poll can also call `reconnectNow`. */
export const MAX_BACKOFF_MS = 2_000;

/**
 * One WebSocket to /api/v1/live shared by the whole page. It reconnects with exponential backoff
 * and, after each (re)connect, subscribes again to every run someone listens to — the server then
 * sends a fresh snapshot, so nothing missed while disconnected is lost.
 */
export class LiveSocket {
  private socket: WebSocket | null = null;
  private state: SocketState = 'closed';
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** False from sign-out until the next sign-in: the server would refuse the feed (a 401 in the console). */
  private allowed = true;
  private readonly runListeners = new Map<number, Set<MessageListener>>();
  private readonly stateListeners = new Set<StateListener>();
  private readonly gatewayListeners = new Map<number, Set<GatewayListener>>();
  private readonly url: () => string;

  constructor(url: () => string = defaultLiveUrl) {
    this.url = url;
  }

  getState = (): SocketState => this.state;

  onStateChange = (listener: StateListener): (() => void) => {
    this.stateListeners.add(listener);
    this.ensureConnected();
    return () => this.stateListeners.delete(listener);
  };

  subscribe(runId: number, listener: MessageListener): () => void {
    let listeners = this.runListeners.get(runId);
    if (!listeners) {
      listeners = new Set();
      this.runListeners.set(runId, listeners);
      this.send({ subscribe: runId });
    }
    listeners.add(listener);
    this.ensureConnected();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        this.runListeners.delete(runId);
        this.send({ unsubscribe: runId });
      }
    };
  }

  /** The server pushes this gateway target's status each second while someone watches it (the browser never polls the gateway). */
  watchGateway(targetId: number, listener: GatewayListener): () => void {
    let listeners = this.gatewayListeners.get(targetId);
    if (!listeners) {
      listeners = new Set();
      this.gatewayListeners.set(targetId, listeners);
      this.send({ watch_gateway: targetId });
    }
    listeners.add(listener);
    this.ensureConnected();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        this.gatewayListeners.delete(targetId);
        this.send({ unwatch_gateway: targetId });
      }
    };
  }

  /** Tries at once instead of waiting out the backoff, e.g. when the server was just seen up again. */
  reconnectNow() {
    if (this.socket) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempts = 0;
    this.ensureConnected();
  }

  /** Closes the feed and keeps it closed until {@link allow}: after sign-out the server would refuse it. */
  disconnect() {
    this.allowed = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.attempts = 0;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.setState('closed');
  }

  /** Lets the feed connect again (a user is signed in), at once when someone listens. */
  allow() {
    if (this.allowed) return;
    this.allowed = true;
    if (this.runListeners.size > 0 || this.stateListeners.size > 0) this.ensureConnected();
  }

  private ensureConnected() {
    if (!this.allowed || this.socket || this.retryTimer || typeof WebSocket === 'undefined') return;
    this.setState('connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.setState('open');
      for (const runId of this.runListeners.keys()) this.send({ subscribe: runId });
      for (const targetId of this.gatewayListeners.keys()) this.send({ watch_gateway: targetId });
    };
    socket.onmessage = (event) => this.dispatch(event.data);
    socket.onclose = () => {
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect() {
    this.setState('closed');
    const backoff = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** this.attempts);
    this.attempts += 1;
    // Jitter keeps many tabs from reconnecting in lockstep after a server restart.
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureConnected();
    }, delay);
  }

  private dispatch(data: unknown) {
    if (typeof data !== 'string') return;
    let message: LiveMessage;
    try {
      message = JSON.parse(data) as LiveMessage;
    } catch {
      return;
    }
    const raw = message as unknown as { type?: string; target_id?: number };
    if (raw.type === 'gateway') {
      if (raw.target_id !== undefined) this.gatewayListeners.get(raw.target_id)?.forEach((listener) => listener(message));
      return;
    }
    const runId = message.type === 'snapshot' ? message.run?.id : message.run_id;
    const listeners = runId === undefined ? undefined : this.runListeners.get(runId);
    listeners?.forEach((listener) => listener(message));
  }

  private send(payload: object) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(payload));
  }

  private setState(state: SocketState) {
    if (this.state === state) return;
    this.state = state;
    this.stateListeners.forEach((listener) => listener(state));
  }
}

function defaultLiveUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/v1/live`;
}

export const liveSocket = new LiveSocket();
