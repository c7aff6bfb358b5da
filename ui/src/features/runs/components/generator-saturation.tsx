import type { StepResult } from '@/shared/api-client/types';
import { formatMs } from '@/shared/format/format';

const LIMIT_MS = 1;
const SHARE_OF_P50 = 0.1;

/** Whether a step's lag is the closed model's think lag (users slept longer than their think time) rather than schedule lag. */
const thinkLagged = (step: StepResult): boolean => !step.latencies?.schedule_lag && !!step.latencies?.think_lag;

/** A step's lag p99 (ms): the open model's schedule lag, else the closed model's think lag; undefined when it has neither. */
export const lagP99 = (step: StepResult): number | undefined =>
  (step.latencies?.schedule_lag ?? step.latencies?.think_lag)?.summary?.p99;

/** What a step's late requests were late for, in words. */
const lateness = (step: StepResult): string =>
  thinkLagged(step) ? 'users woke up to {lag} (p99) later than their think time' : 'requests began up to {lag} (p99) after their scheduled time';

/** The lag p99 above which a step is saturated: 1 ms, or 10 % of its latency p50 when larger (GeneratorSaturation). */
export const lagLimit = (step: StepResult): number => Math.max(LIMIT_MS, SHARE_OF_P50 * (step.latencies?.latency?.summary?.p50 ?? 0));

/** Marks a step whose latencies include Benchdeck's own delay. */
export function SaturatedMark({ step }: { step: StepResult }) {
  if (!step.generator_saturated) return null;
  return (
    <span data-testid="saturated-step" title={`${thinkLagged(step) ? 'Think' : 'Schedule'} lag p99 ${formatMs(lagP99(step))} is above ${formatMs(lagLimit(step))}: requests began late on Benchdeck's side.`}
      className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-300">
      generator saturated
    </span>
  );
}

/** Says, above the results, which steps' latencies include Benchdeck's own delay, and by how much it was late. */
export function GeneratorWarning({ steps }: { steps: readonly StepResult[] }) {
  const saturated = steps.filter((s) => s.generator_saturated);
  if (saturated.length === 0) return null;
  return (
    <div data-testid="generator-warning" className="mb-6 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">Generator saturated: latency includes Benchdeck's own delay</p>
      <ul className="mt-1 list-disc pl-5">
        {saturated.map((s) => (
          <li key={s.index}>{s.label || `step ${s.index + 1}`}: {lateness(s).replace('{lag}', formatMs(lagP99(s)))}; the limit is {formatMs(lagLimit(s))}.</li>
        ))}
      </ul>
      <p className="mt-1">Lower the rate, give Benchdeck more CPU, or run it on another machine than the target.</p>
    </div>
  );
}
