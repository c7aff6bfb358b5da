import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';

export type Readiness = { status: string };

/** How often readiness is asked while all is well, and while the server or the live feed is down. */
export const READINESS_POLL_MS = 10_000;
export const READINESS_POLL_DOWN_MS = 500;

export function getReadiness(): Promise<Readiness> {
  return apiRequest<Readiness>('/actuator/health/readiness');
}

export const readinessQueryOptions = queryOptions({
  queryKey: queryKeys.readiness,
  queryFn: getReadiness,
  refetchIntervalInBackground: false,
  retry: false,
  staleTime: 0,
});
