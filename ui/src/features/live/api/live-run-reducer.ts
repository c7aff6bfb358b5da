import type { IntervalSnapshot, LiveMessage, RunDetail, RunStatus, SetupProgress, StepResult } from '@/shared/api-client/types';

export type LiveRunState = {
  run: RunDetail | null;
  status: RunStatus | null;
  intervals: IntervalSnapshot[];
  steps: StepResult[];
  /** The latest report of each setup phase, in the order the phases began. */
  setup: SetupProgress[];
  /** True once the server's snapshot arrived; a REST fallback never overwrites it. */
  hasSnapshot: boolean;
};

export type LiveRunAction = LiveMessage | { type: 'intervals-loaded'; intervals: IntervalSnapshot[] };

export const initialLiveRunState: LiveRunState = { run: null, status: null, intervals: [], steps: [], setup: [], hasSnapshot: false };

/**
 * Folds the live feed into one run's state. The snapshot is the truth so far (also after a
 * reconnect); intervals that arrive before it are kept only when they are newer than its last one,
 * and an interval never goes in twice or out of order.
 */
export function liveRunReducer(state: LiveRunState, action: LiveRunAction): LiveRunState {
  switch (action.type) {
    case 'snapshot': {
      const intervals = action.intervals ?? [];
      const last = lastElapsed(intervals);
      const newer = state.hasSnapshot ? [] : state.intervals.filter((i) => i.elapsed_seconds > last);
      return {
        run: action.run,
        status: action.run.status,
        intervals: newer.length ? [...intervals, ...newer] : intervals,
        steps: action.run.steps ?? [],
        setup: mergeSetup(action.setup ?? [], state.hasSnapshot ? [] : state.setup),
        hasSnapshot: true,
      };
    }
    case 'setup':
      return { ...state, setup: mergeSetup(state.setup, [action.progress]) };
    case 'interval': {
      if (action.interval.elapsed_seconds <= lastElapsed(state.intervals)) return state;
      return { ...state, intervals: [...state.intervals, action.interval] };
    }
    case 'step': {
      const steps = state.steps.filter((s) => s.index !== action.step.index);
      steps.push(action.step);
      steps.sort((a, b) => a.index - b.index);
      return { ...state, steps };
    }
    case 'status':
      return action.status === state.status ? state : { ...state, status: action.status };
    case 'intervals-loaded':
      return state.hasSnapshot ? state : { ...state, intervals: action.intervals };
    default:
      return state;
  }
}

function lastElapsed(intervals: readonly IntervalSnapshot[]): number {
  return intervals.length ? intervals[intervals.length - 1].elapsed_seconds : Number.NEGATIVE_INFINITY;
}

/** Replaces each phase's report with a later one (more done, or finished); new phases go last. */
function mergeSetup(current: readonly SetupProgress[], updates: readonly SetupProgress[]): SetupProgress[] {
  const merged = [...current];
  for (const update of updates) {
    const at = merged.findIndex((p) => p.phase === update.phase);
    if (at < 0) merged.push(update);
    else if (!merged[at].finished && update.elapsed_seconds >= merged[at].elapsed_seconds) merged[at] = update;
  }
  return merged;
}
