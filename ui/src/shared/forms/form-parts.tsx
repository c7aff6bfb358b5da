import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '@/shared/api-client/api-client';
import { toFieldErrors } from '@/shared/api-client/problem-details';
import { Field, inputClasses } from '@/shared/components/field';
import { placeProblems, problemsOf } from '@/shared/forms/field-problems';

export type ServerProblems = {
  of: (field: string) => string[];
  /** What no field shows: the problem's own message, or field problems no field claims. */
  general: string[];
};

/** The server's problem details of a failed call, placed next to the form's fields. */
export function serverProblems(error: unknown, fields: readonly string[]): ServerProblems {
  if (!error) return { of: () => [], general: [] };
  const problem = error instanceof ApiError ? error.problem : null;
  const placed = placeProblems(toFieldErrors(problem?.errors), fields.map((field) => ({ field, paths: [field] })));
  const general = placed.unplaced.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  if (placed.count === 0) general.push(errorMessage(error));
  return { of: (field) => problemsOf(placed, field), general };
}

export function GeneralProblems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {messages.map((m, i) => <p key={i}>{m}</p>)}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  type?: 'text' | 'password';
  autoComplete?: string;
  hint?: ReactNode;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
  autoFocus?: boolean;
  name?: string;
};

export function TextField({ label, value, onChange, errors, type = 'text', autoComplete, hint, required = true, inputMode, autoFocus, name }: TextFieldProps) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(props) => (
        <input {...props} type={type} name={name} className={inputClasses} value={value} required={required} autoComplete={autoComplete}
          inputMode={inputMode} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** A countdown in whole seconds: `start(n)` from an event handler, then it ticks down to 0 once a second. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  const running = left > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setLeft((n) => Math.max(0, n - 1)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return [left, setLeft];
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warning' | 'success' }) {
  const tones = {
    info: 'border-indigo-200 bg-indigo-50 text-indigo-900',
    warning: 'border-amber-300 bg-amber-50 text-amber-900',
    success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  };
  return <div role="status" className={`rounded-md border p-3 text-sm ${tones[tone]}`}>{children}</div>;
}

/** A narrow card in the middle of the page, for the screens shown before anyone is signed in. */
export function AuthScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-16">
      <section className="w-full max-w-sm rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="mb-1 text-lg font-semibold text-indigo-700">Benchdeck</p>
        <h1 className="mb-4 text-xl font-semibold text-slate-900">{title}</h1>
        {children}
      </section>
    </main>
  );
}
