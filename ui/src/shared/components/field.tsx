import { useId, type ReactNode } from 'react';

export const inputClasses =
  'block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none aria-[invalid=true]:ring-red-500';

type FieldProps = {
  label: string;
  errors?: readonly string[];
  hint?: ReactNode;
  className?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
};

/** A labelled control with its hint and the server's messages for it, tied together for screen readers. */
export function Field({ label, errors = [], hint, className = '', children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-messages`;
  const hasErrors = errors.length > 0;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, 'aria-invalid': hasErrors, 'aria-describedby': hasErrors || hint ? messageId : undefined })}
      <div id={messageId}>
        {hint && !hasErrors && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
        <FieldMessages messages={errors} />
      </div>
    </div>
  );
}

export function FieldMessages({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-red-700">
      {messages.map((message, i) => (
        <li key={i}>{message}</li>
      ))}
    </ul>
  );
}
