import { useEffect } from 'react';

/** How long a toast stays unless dismissed. */
export const TOAST_MS = 6000;

/**
 * A short notice in the corner (a started simulation, a saved change) that goes away by itself; announced to
 * screen readers as a status. Render it while `message` is set; `onDismiss` clears it.
 */
export function Toast({ message, onDismiss, testId }: { message: string; onDismiss: () => void; testId?: string }) {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div role="status" aria-live="polite" data-testid={testId}
      className="fixed right-4 bottom-4 z-50 flex max-w-sm items-start gap-3 rounded-md bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
      <span>{message}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="text-slate-300 hover:text-white">×</button>
    </div>
  );
}
