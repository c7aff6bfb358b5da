import type uPlot from 'uplot';
import { formatDuration } from '@/shared/format/format';

/** Whole steps only: 1, 2, 5, 10, 20, 50… (ticks of counts and whole seconds). */
export const WHOLE_INCREMENTS: number[] = [1, 2, 5].flatMap((m) => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000].map((d) => m * d)).sort((a, b) => a - b);

/** Tick steps for elapsed seconds that read as round durations: 1 s, 2 s, 5 s… 1 min, 2 min, 5 min… */
export const ELAPSED_INCREMENTS: number[] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400];

/** The x axis of a chart over elapsed seconds: ticks on whole seconds, so no two labels read the same. */
export function elapsedAxis(): uPlot.Axis {
  return { label: 'elapsed', incrs: ELAPSED_INCREMENTS, values: (_u, ticks) => ticks.map((t) => formatDuration(t)) };
}

/** A y axis of counts (connections, users, errors): whole-number ticks only. */
export function countAxis(label: string, size = 50): uPlot.Axis {
  return { label, size, incrs: WHOLE_INCREMENTS, values: (_u, ticks) => ticks.map((t) => t.toLocaleString('en-US')) };
}

/**
 * The x range of a chart over a few discrete values (thread or user counts): a little room on both
 * sides, and for a single value one unit either side, so one point sits mid-chart.
 */
export function discreteRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) return [min - 1, max + 1];
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

/** Labels at least this far apart (px); closer ones are left blank rather than drawn over each other. */
const MIN_LABEL_GAP_PX = 28;

/** The x scale and axis of a sweep: ticks only at the values that were measured (e.g. 2, 4, 8 threads). */
export function discreteX(label: string): { scale: uPlot.Scale; axis: uPlot.Axis } {
  return {
    scale: { time: false, range: (_u, min, max) => discreteRange(min, max) },
    axis: {
      label,
      splits: (u) => Array.from(u.data[0] as ArrayLike<number>),
      values: (u, ticks) => {
        let last = Number.NEGATIVE_INFINITY;
        return ticks.map((t) => {
          const at = u.valToPos(t, 'x');
          if (at - last < MIN_LABEL_GAP_PX) return '';
          last = at;
          return t.toLocaleString('en-US');
        });
      },
    },
  };
}
