import type uPlot from 'uplot';

/** One y series as uPlot takes it: a number per x, null for a gap. */
export type Series = (number | null)[];

/**
 * A value as a chart point: a finite number, or null (a gap) for anything else — null, undefined,
 * NaN, ±Infinity and the "NaN" text some JSON writers send. uPlot must never see NaN: a NaN as the
 * first value of a series becomes the scale's min and max and the whole series stays undrawn.
 */
export function toPoint(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The series of `rows` picked by `pick`, with gaps where `pick` gives no finite number. */
export function seriesOf<T>(rows: readonly T[], pick: (row: T) => unknown): Series {
  return rows.map((row) => toPoint(pick(row)));
}

/** Finite y values over every series of `data` (x, its first array, is not counted). */
export function countPoints(data: uPlot.AlignedData): number {
  let points = 0;
  for (let s = 1; s < data.length; s++) {
    const ys = data[s] as ArrayLike<number | null | undefined>;
    for (let i = 0; i < ys.length; i++) if (toPoint(ys[i]) !== null) points++;
  }
  return points;
}
