import { Button } from '@/shared/components/button';
import { FieldMessages, inputClasses } from '@/shared/components/field';
import { describeStep, problemsOf, type FieldClaim, type PlacedProblems } from '@/shared/forms/field-problems';
import { amountKey, type LoadModel, type StepRow } from '../api/load-steps';

/** Where the steps editor shows the server's problems: each step's value and duration, then the steps as a whole. */
export function stepsClaims(model: LoadModel, steps: readonly StepRow[]): FieldClaim[] {
  const key = amountKey(model);
  return [
    ...steps.flatMap((_, i) => [
      { field: `step-${i}-value`, paths: [`load.steps[${i}].${key}`, `load.steps[${i}]`] },
      { field: `step-${i}-duration`, paths: [`load.steps[${i}].duration`] },
    ]),
    { field: 'load.steps', paths: ['load.steps'], nested: true, describe: describeStep },
  ];
}

export function StepsEditor({ model, steps, problems, onChange }: { model: LoadModel; steps: StepRow[]; problems: PlacedProblems; onChange: (steps: StepRow[]) => void }) {
  const unit = model === 'open' ? 'Rate (req/s)' : 'Users';
  const update = (index: number, change: Partial<StepRow>) => onChange(steps.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Steps (a sweep; leave empty for one step)</legend>
      <FieldMessages messages={problemsOf(problems, 'load.steps')} />
      {steps.length > 0 && (
        <ol className="space-y-2">
          {steps.map((step, i) => {
            const valueErrors = problemsOf(problems, `step-${i}-value`);
            const durationErrors = problemsOf(problems, `step-${i}-duration`);
            return (
              <li key={i} className="grid grid-cols-[auto_1fr_1fr_auto] items-start gap-2">
                <span className="pt-1.5 text-sm text-slate-500">{i + 1}.</span>
                <div>
                  <input aria-label={`Step ${i + 1} ${unit.toLowerCase()}`} className={inputClasses} inputMode="numeric" value={step.value}
                    aria-invalid={valueErrors.length > 0} onChange={(e) => update(i, { value: e.target.value })} placeholder={unit} />
                  <FieldMessages messages={valueErrors} />
                </div>
                <div>
                  <input aria-label={`Step ${i + 1} duration`} className={inputClasses} value={step.duration ?? ''}
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

/** Each threshold row shows its own problems; problems of the list as a whole go above it. */
export function thresholdClaims(thresholds: readonly string[]): FieldClaim[] {
  return [
    ...thresholds.map((_, i) => ({ field: `thresholds[${i}]`, paths: [`thresholds[${i}]`], nested: true })),
    { field: 'thresholds', paths: ['thresholds'], nested: true },
  ];
}

export function ThresholdsEditor({ thresholds, problems, onChange }: { thresholds: string[]; problems: PlacedProblems; onChange: (thresholds: string[]) => void }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Thresholds</legend>
      <FieldMessages messages={problemsOf(problems, 'thresholds')} />
      <ul className="space-y-2">
        {thresholds.map((threshold, i) => {
          const rowErrors = problemsOf(problems, `thresholds[${i}]`);
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
