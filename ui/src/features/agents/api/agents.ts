import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { Agent } from '@/shared/api-client/types';

/** The Agents page polls as often as agents beat (each second) can matter to a person: online turns offline after 5 s. */
export const AGENTS_REFRESH_MS = 2_000;

export function getAgents(): Promise<Agent[]> {
  return apiRequest<Agent[]>('/agents');
}

export const agentsQueryOptions = queryOptions({ queryKey: queryKeys.agents, queryFn: getAgents, refetchInterval: AGENTS_REFRESH_MS });

export function useAgents() {
  return useQuery(agentsQueryOptions);
}
