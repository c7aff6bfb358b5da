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

/** 204; the server answers 409 for a queued or running run (cancel it first). */
export function deleteRun(runId: number): Promise<void> {
  return apiRequest<void>(`/runs/${runId}`, { method: 'DELETE' });
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

/**
 * Deletes a finished run; run lists and the overview are fetched again. The run's own cache entry is
 * left alone (the page still shows it until it navigates away), so nothing asks for the deleted run.
 */
export function useDeleteRun(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRun(runId),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.runLists }),
      queryClient.invalidateQueries({ queryKey: queryKeys.overview }),
    ]),
  });
}
