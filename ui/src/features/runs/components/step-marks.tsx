import type { CpuUsage } from '@/shared/api-client/types';

/** Marks a step that ended before its planned duration or request count. */
export function PartialMark({ partial }: { partial?: boolean }) {
  if (!partial) return null;
  return (
    <span data-testid="partial-step" title="This step ended early (cancelled, failed or interrupted): its figures cover only part of it."
      className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-300">
      partial
    </span>
  );
}

/** "0.93 of 2 cores (others 0.04)": Benchdeck's own CPU and everyone else's over the measured time. */
export function cpuText(cpu: CpuUsage | null | undefined): string {
  if (!cpu) return '—';
  return `${cores(cpu.process_cores)} of ${cpu.cores} cores (others ${cores(cpu.other_cores)})`;
}

function cores(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '—';
}
