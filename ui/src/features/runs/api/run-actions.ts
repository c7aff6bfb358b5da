import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { RunSummary } from '@/shared/api-client/types';

export function cancelRun(runId: number): Promise<void> {
  return apiRequest<void>(`/runs/${runId}/cancel`, { method: 'POST' });
}

export function rerunRun(runId: number): Promise<RunSummary> {
  return apiRequest<RunSummary>(`/runs/${runId}/rerun`, { method: 'POST' });
}

export function useCancelRun(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelRun(runId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.runs }),
  });
}

export function useRerun(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rerunRun(runId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.runs }),
  });
}
