import { describe, expect, it } from 'vitest';
import type { IntervalSnapshot } from '@/shared/api-client/types';
import { comparisonFixture } from '../testing-fixtures';
import { alignOnElapsed, diffLines, distributionSeries, loadOf, sweepColumns } from './comparison-columns';

const interval = (elapsed: number, throughput: number, p99: number | null) => ({ elapsed_seconds: elapsed, throughput, p99 }) as IntervalSnapshot;

describe('comparison chart columns', () => {
  it('aligns runs on elapsed seconds, with gaps where a run has no interval', () => {
    const data = alignOnElapsed([[interval(1, 10, 5), interval(2, 11, null)], [interval(1, 20, 6), interval(2, 21, 7), interval(3, 22, 8)]], (s) => s.p99);
    expect(data).toEqual([[1, 2, 3], [5, null, null], [6, 7, 8]]);
  });

  it('builds each run\'s percentile distribution from the step rows, the max placed by the request count', () => {
    const [base, other] = distributionSeries(comparisonFixture.steps[0], ['#7', '#8']);
    expect(base.label).toBe('#7');
    expect(base.summary).toMatchObject({ count: 100, p50: 10, p90: 14, p95: 15, p99: 20, p999: 25, max: 30 });
    expect(other.summary).toMatchObject({ count: 90, p50: 12.5, max: 40 });
  });

  it('draws a sweep against the load named by the step labels, one series per run, and nothing for a single load', () => {
    expect(loadOf('users=20')).toBe(20);
    expect(loadOf('rate=100/s')).toBe(100);
    expect(loadOf('all steps')).toBeNull();
    expect(sweepColumns(comparisonFixture.steps, 'throughput', 2)).toEqual([[2, 4], [50, 100], [45, 90]]);
    expect(sweepColumns(comparisonFixture.steps.slice(0, 1), 'throughput', 2)).toBeNull();
  });

  it('marks the lines of a unified diff', () => {
    expect(diffLines('--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n same\n').map((l) => l.kind)).toEqual(['file', 'file', 'hunk', 'removed', 'added', 'context']);
  });
});
