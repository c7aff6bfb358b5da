import { useState } from 'react';
import { Button } from './button';

type ConfirmButtonProps = {
  label: string;
  question: string;
  confirmLabel?: string;
  onConfirm: () => void;
  pending?: boolean;
  testId?: string;
};

/** A destructive action that asks once more, in place, before it happens. */
export function ConfirmButton({ label, question, confirmLabel = label, onConfirm, pending, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="ghost" data-testid={testId} onClick={() => setAsking(true)} disabled={pending}>
        {label}
      </Button>
    );
  }
  return (
    <span role="alertdialog" aria-label={question} className="inline-flex items-center gap-2">
      <span className="text-sm text-slate-700">{question}</span>
      <Button variant="danger" data-testid={testId && `${testId}-confirm`} autoFocus onClick={() => { setAsking(false); onConfirm(); }}>
        {confirmLabel}
      </Button>
      <Button variant="secondary" onClick={() => setAsking(false)}>
        Keep
      </Button>
    </span>
  );
}
