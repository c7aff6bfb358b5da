import { messagesFor, type FieldErrors } from '@/shared/api-client/problem-details';
import { Button } from '@/shared/components/button';
import { FieldMessages, inputClasses } from '@/shared/components/field';
import type { LoadModel, StepRow } from '../api/plan-document';
import { amountKey } from '../api/plan-document';

export function StepsEditor({ model, steps, errors, onChange }: { model: LoadModel; steps: StepRow[]; errors: FieldErrors; onChange: (steps: StepRow[]) => void }) {
  const key = amountKey(model);
  const unit = model === 'open' ? 'Rate (req/s)' : 'Users';
  const update = (index: number, change: Partial<StepRow>) => onChange(steps.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Steps (a sweep; leave empty for one step)</legend>
      <FieldMessages messages={messagesFor(errors, 'load.steps')} />
      {steps.length > 0 && (
        <ol className="space-y-2">
          {steps.map((step, i) => {
            const path = `load.steps[${i}]`;
            const valueErrors = messagesFor(errors, `${path}.${key}`);
            const durationErrors = messagesFor(errors, `${path}.duration`);
            const rowErrors = messagesFor(errors, path);
            return (
              <li key={i} className="grid grid-cols-[auto_1fr_1fr_auto] items-start gap-2">
                <span className="pt-1.5 text-sm text-slate-500">{i + 1}.</span>
                <div>
                  <input aria-label={`Step ${i + 1} ${unit.toLowerCase()}`} className={inputClasses} inputMode="numeric" value={step.value}
                    aria-invalid={valueErrors.length > 0} onChange={(e) => update(i, { value: e.target.value })} placeholder={unit} />
                  <FieldMessages messages={[...valueErrors, ...rowErrors]} />
                </div>
                <div>
                  <input aria-label={`Step ${i + 1} duration`} className={inputClasses} value={step.duration}
                    aria-invalid={durationErrors.length > 0} onChange={(e) => update(i, { duration: e.target.value })} placeholder="duration (default)" />
                  <FieldMessages messages={durationErrors} />
                </div>
                <Button variant="ghost" aria-label={`Remove step ${i + 1}`} onClick={() => onChange(steps.filter((_, j) => j !== i))}>Remove</Button>
              </li>
            );
          })}
        </ol>
      )}
      <Button variant="secondary" className="mt-2" onClick={() => onChange([...steps, { value: '', duration: '' }])}>Add step</Button>
    </fieldset>
  );
}

export function ThresholdsEditor({ thresholds, errors, onChange }: { thresholds: string[]; errors: FieldErrors; onChange: (thresholds: string[]) => void }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Thresholds</legend>
      <FieldMessages messages={messagesFor(errors, 'thresholds')} />
      <ul className="space-y-2">
        {thresholds.map((threshold, i) => {
          const rowErrors = messagesFor(errors, `thresholds[${i}]`, { nested: true });
          return (
            <li key={i} className="flex items-start gap-2">
              <div className="flex-1">
                <input aria-label={`Threshold ${i + 1}`} className={`${inputClasses} font-mono`} value={threshold} aria-invalid={rowErrors.length > 0}
                  onChange={(e) => onChange(thresholds.map((t, j) => (j === i ? e.target.value : t)))} placeholder="p99 < 100ms" />
                <FieldMessages messages={rowErrors} />
              </div>
              <Button variant="ghost" aria-label={`Remove threshold ${i + 1}`} onClick={() => onChange(thresholds.filter((_, j) => j !== i))}>Remove</Button>
            </li>
          );
        })}
      </ul>
      <Button variant="secondary" className="mt-2" onClick={() => onChange([...thresholds, ''])}>Add threshold</Button>
    </fieldset>
  );
}
