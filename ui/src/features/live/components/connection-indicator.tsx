import type { ConnectionStatus } from '../api/connection-status';
import { useConnectionStatus } from '../api/use-connection-status';

const looks: Record<ConnectionStatus, { dot: string; text: string }> = {
  connected: { dot: 'bg-green-500', text: 'Connected' },
  disconnected: { dot: 'bg-red-500', text: 'Disconnected' },
  checking: { dot: 'bg-amber-400 animate-pulse', text: 'Checking…' },
};

export function ConnectionIndicator() {
  const { status, detail } = useConnectionStatus();
  return (
    <span
      data-testid="connection-indicator"
      data-status={status}
      role="status"
      title={detail}
      className="inline-flex items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700"
    >
      <span className={`h-2 w-2 rounded-full ${looks[status].dot}`} aria-hidden />
      {looks[status].text}
      <span className="sr-only">({detail})</span>
    </span>
  );
}
