import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { Target } from '@/shared/api-client/types';

// The targets screen's cache key: a target created there shows up in this select at once.
export function getTargetOptions(): Promise<Target[]> {
  return apiRequest<Target[]>('/targets');
}

export const targetOptionsQueryOptions = queryOptions({ queryKey: queryKeys.targets, queryFn: getTargetOptions });

export function useTargetOptions() {
  return useQuery(targetOptionsQueryOptions);
}
