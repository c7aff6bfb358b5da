import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';

export type Readiness = { status: string };

export const READINESS_POLL_MS = 10_000;

export function getReadiness(): Promise<Readiness> {
  return apiRequest<Readiness>('/actuator/health/readiness');
}

export const readinessQueryOptions = queryOptions({
  queryKey: queryKeys.readiness,
  queryFn: getReadiness,
  refetchInterval: READINESS_POLL_MS,
  refetchIntervalInBackground: false,
  retry: false,
  staleTime: 0,
});

export function useReadiness() {
  return useQuery(readinessQueryOptions);
}
