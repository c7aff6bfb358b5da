import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import { isActiveStatus, type ErrorSample, type RunDetail } from '@/shared/api-client/types';

export function getRun(runId: number): Promise<RunDetail> {
  return apiRequest<RunDetail>(`/runs/${runId}`);
}

export const runQueryOptions = (runId: number) =>
  queryOptions({ queryKey: queryKeys.run(runId), queryFn: () => getRun(runId) });

export function useRun(runId: number) {
  return useQuery({
    ...runQueryOptions(runId),
    // The live feed refreshes this on every step and status change; the poll is a safety net.
    refetchInterval: (query) => (isActiveStatus(query.state.data?.status) ? 15_000 : false),
  });
}

export function getRunErrors(runId: number): Promise<ErrorSample[]> {
  return apiRequest<ErrorSample[]>(`/runs/${runId}/errors`);
}

export const runErrorsQueryOptions = (runId: number) =>
  queryOptions({ queryKey: queryKeys.runErrors(runId), queryFn: () => getRunErrors(runId) });

export function useRunErrors(runId: number) {
  return useQuery(runErrorsQueryOptions(runId));
}
