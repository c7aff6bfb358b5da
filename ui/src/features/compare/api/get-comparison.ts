import { queryOptions, useQuery, useQueries } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { Comparison, IntervalSnapshot } from '@/shared/api-client/types';

export function getComparison(runIds: readonly number[]): Promise<Comparison> {
  return apiRequest<Comparison>(`/comparisons?runs=${runIds.join(',')}`);
}

// A comparison of finished runs does not change; a 4xx (runs that cannot be compared) is an answer, not a hiccup.
export const comparisonQueryOptions = (runIds: readonly number[]) =>
  queryOptions({ queryKey: queryKeys.comparison(runIds), queryFn: () => getComparison(runIds), staleTime: 60_000, retry: false });

export function useComparison(runIds: readonly number[]) {
  return useQuery(comparisonQueryOptions(runIds));
}

export function getRunIntervals(runId: number): Promise<IntervalSnapshot[]> {
  return apiRequest<IntervalSnapshot[]>(`/runs/${runId}/intervals`);
}

/** Each run's intervals (the same cache entry as the run page's), once the comparison has answered. */
export function useRunsIntervals(runIds: readonly number[], enabled: boolean) {
  return useQueries({
    queries: runIds.map((id) => ({ queryKey: queryKeys.runIntervals(id), queryFn: () => getRunIntervals(id), staleTime: Infinity, enabled })),
  });
}
