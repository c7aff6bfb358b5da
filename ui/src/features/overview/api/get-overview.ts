import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { Overview } from '@/shared/api-client/types';

export function getOverview(): Promise<Overview> {
  return apiRequest<Overview>('/overview');
}

export const overviewQueryOptions = queryOptions({ queryKey: queryKeys.overview, queryFn: getOverview, refetchInterval: 10_000 });

export function useOverview() {
  return useQuery(overviewQueryOptions);
}
