import { describe, expect, it } from 'vitest';
import type { IntervalSnapshot, RunDetail, SetupProgress, StepResult } from '@/shared/api-client/types';
import { initialLiveRunState, liveRunReducer, type LiveRunAction, type LiveRunState } from './live-run-reducer';

const interval = (elapsed: number): IntervalSnapshot => ({
  elapsed_seconds: elapsed, step: 0, step_label: 'users 10', phase: 'measure', step_elapsed_seconds: elapsed,
  interval_seconds: 1, completed: 100, ok: 100, errors: 0, dropped: 0, throughput: 100,
  p50: 1, p90: 2, p99: 3, max: 4, in_flight: 10, users: 10,
  gauges: {}, output_tokens: null, ttft_p50: null, ttft_p99: null, cpu_process: null, cpu_other: null, lag_p99: null,
});

const run = (status: RunDetail['status'], steps: StepResult[] = []) =>
  ({ id: 42, status, steps, plan_yaml: '', verdicts: [] }) as unknown as RunDetail;

const step = (index: number, requests: number) => ({ index, label: `step ${index}`, requests }) as StepResult;

const fold = (actions: LiveRunAction[], from: LiveRunState = initialLiveRunState) => actions.reduce(liveRunReducer, from);

describe('liveRunReducer', () => {
  it('starts from the snapshot, then appends intervals', () => {
    const state = fold([
      { type: 'snapshot', run: run('running'), intervals: [interval(1), interval(2)] },
      { type: 'interval', run_id: 42, interval: interval(3) },
      { type: 'interval', run_id: 42, interval: interval(4) },
    ]);
    expect(state.status).toBe('running');
    expect(state.intervals.map((i) => i.elapsed_seconds)).toEqual([1, 2, 3, 4]);
    expect(state.hasSnapshot).toBe(true);
  });

  it('joins late without duplicating intervals the snapshot already has', () => {
    const state = fold([
      { type: 'interval', run_id: 42, interval: interval(5) },
      { type: 'snapshot', run: run('running'), intervals: [1, 2, 3, 4, 5].map(interval) },
      { type: 'interval', run_id: 42, interval: interval(5) },
      { type: 'interval', run_id: 42, interval: interval(6) },
    ]);
    expect(state.intervals.map((i) => i.elapsed_seconds)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps intervals that arrived before the snapshot when they are newer', () => {
    const state = fold([
      { type: 'interval', run_id: 42, interval: interval(4) },
      { type: 'snapshot', run: run('running'), intervals: [interval(1), interval(2)] },
    ]);
    expect(state.intervals.map((i) => i.elapsed_seconds)).toEqual([1, 2, 4]);
  });

  it('replaces everything with a new snapshot after a reconnect', () => {
    const state = fold([
      { type: 'snapshot', run: run('running'), intervals: [interval(1)] },
      { type: 'snapshot', run: run('running'), intervals: [1, 2, 3].map(interval) },
    ]);
    expect(state.intervals).toHaveLength(3);
  });

  it('follows status changes', () => {
    const state = fold([
      { type: 'snapshot', run: run('queued'), intervals: [] },
      { type: 'status', run_id: 42, status: 'running' },
      { type: 'status', run_id: 42, status: 'completed' },
    ]);
    expect(state.status).toBe('completed');
  });

  it('adds and replaces steps by index', () => {
    const state = fold([
      { type: 'snapshot', run: run('running', [step(0, 10)]), intervals: [] },
      { type: 'step', run_id: 42, step: step(1, 20) },
      { type: 'step', run_id: 42, step: step(0, 11) },
    ]);
    expect(state.steps.map((s) => [s.index, s.requests])).toEqual([[0, 11], [1, 20]]);
  });

  it('uses REST intervals only until a snapshot arrives', () => {
    const loaded = fold([{ type: 'intervals-loaded', intervals: [interval(1)] }]);
    expect(loaded.intervals).toHaveLength(1);
    const withSnapshot = fold([
      { type: 'snapshot', run: run('completed'), intervals: [interval(1), interval(2)] },
      { type: 'intervals-loaded', intervals: [interval(1)] },
    ]);
    expect(withSnapshot.intervals).toHaveLength(2);
  });

  it('keeps the latest report of each setup phase, from the snapshot and then live', () => {
    const progress = (phase: string, done: number, elapsed: number, finished = false): SetupProgress => ({
      phase, message: null, done, total: 1000, unit: 'rows', rate_per_second: done / elapsed, elapsed_seconds: elapsed, finished,
    });
    const state = fold([
      { type: 'setup', run_id: 42, progress: progress('load', 100, 1) },
      { type: 'snapshot', run: run('running'), intervals: [], setup: [progress('create', 0, 0.1, true), progress('load', 300, 2)] },
      { type: 'setup', run_id: 42, progress: progress('load', 1000, 3, true) },
      { type: 'setup', run_id: 42, progress: progress('load', 900, 2.9) },
      { type: 'setup', run_id: 42, progress: progress('index', 0, 0.1) },
    ]);
    expect(state.setup.map((p) => [p.phase, p.done, p.finished])).toEqual([
      ['create', 0, true], ['load', 1000, true], ['index', 0, false],
    ]);
  });
});
