import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { RunPage, RunStatus } from '@/shared/api-client/types';

export type RunFilters = {
  status?: RunStatus;
  target_id?: number;
  scenario_id?: number;
  /** ISO dates (yyyy-mm-dd) as the date inputs give them. */
  from?: string;
  to?: string;
  /** Only the runs the signed-in user started. */
  mine?: boolean;
  page: number;
  size: number;
};

export const DEFAULT_PAGE_SIZE = 20;

export function getRuns(filters: RunFilters): Promise<RunPage> {
  return apiRequest<RunPage>(`/runs${toQueryString({ ...filters, mine: filters.mine ? 'true' : undefined, from: startOfDay(filters.from), to: endOfDay(filters.to) })}`);
}

export const runsQueryOptions = (filters: RunFilters) =>
  queryOptions({ queryKey: queryKeys.runList(filters), queryFn: () => getRuns(filters), placeholderData: keepPreviousData });

export function useRuns(filters: RunFilters) {
  return useQuery({
    ...runsQueryOptions(filters),
    // Keep statuses fresh while something on the page is still running.
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running' || r.status === 'queued') ? 5_000 : false),
  });
}

// The date inputs pick whole days in the viewer's time zone; the API takes instants.
function startOfDay(date: string | undefined): string | undefined {
  return date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
}

function endOfDay(date: string | undefined): string | undefined {
  return date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined;
}
