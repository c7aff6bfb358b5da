import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { IntervalSnapshot } from '@/shared/api-client/types';

export function getRunIntervals(runId: number): Promise<IntervalSnapshot[]> {
  return apiRequest<IntervalSnapshot[]>(`/runs/${runId}/intervals`);
}

export const runIntervalsQueryOptions = (runId: number) =>
  queryOptions({ queryKey: queryKeys.runIntervals(runId), queryFn: () => getRunIntervals(runId), staleTime: Infinity });

export function useRunIntervals(runId: number, enabled: boolean) {
  return useQuery({ ...runIntervalsQueryOptions(runId), enabled });
}
