import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { RunPage, RunSummary } from '@/shared/api-client/types';

/** The last completed run of the scenario queued before `queuedAt` (the runs list, newest first), or null. */
export async function getPreviousRun(scenarioId: number, queuedAt: string): Promise<RunSummary | null> {
  const page = await apiRequest<RunPage>(`/runs${toQueryString({ scenario_id: scenarioId, status: 'completed', to: queuedAt, size: 1 })}`);
  return page.items[0] ?? null;
}

export const previousRunQueryOptions = (scenarioId: number, queuedAt: string) =>
  queryOptions({ queryKey: [...queryKeys.runLists, 'previous', scenarioId, queuedAt], queryFn: () => getPreviousRun(scenarioId, queuedAt) });

export function usePreviousRun(scenarioId: number | null | undefined, queuedAt: string) {
  return useQuery({ ...previousRunQueryOptions(scenarioId ?? 0, queuedAt), enabled: scenarioId != null });
}
