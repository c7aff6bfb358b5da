import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useState } from 'react';
import { liveSocket } from '@/shared/api-client/live-socket';
import { queryKeys } from '@/shared/api-client/query-keys';
import { useRunIntervals } from './get-run-intervals';
import { initialLiveRunState, liveRunReducer, type LiveRunState } from './live-run-reducer';

/** How long to wait for the live snapshot before reading the stored intervals over REST instead. */
const SNAPSHOT_GRACE_MS = 3_000;

/**
 * A run's live state from the WebSocket feed. Step ends and status changes also refresh the run's
 * REST data, so summaries and the step table catch up without polling.
 */
export function useLiveRun(runId: number): LiveRunState {
  const [state, dispatch] = useReducer(liveRunReducer, initialLiveRunState);
  const [useFallback, setUseFallback] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    const unsubscribe = liveSocket.subscribe(runId, (message) => {
      dispatch(message);
      if (message.type === 'status' || message.type === 'step') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.run(runId), exact: true });
        void queryClient.invalidateQueries({ queryKey: queryKeys.runs });
      }
    });
    const timer = setTimeout(() => setUseFallback(true), SNAPSHOT_GRACE_MS);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [runId, queryClient]);

  const fallback = useRunIntervals(runId, useFallback && !state.hasSnapshot);
  useEffect(() => {
    if (fallback.data) dispatch({ type: 'intervals-loaded', intervals: fallback.data });
  }, [fallback.data]);

  return state;
}
