import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';

type Named = { id: number; name: string };

// Same cache keys as the targets and scenarios screens, so the lists are fetched once.
export function getTargetNames(): Promise<Named[]> {
  return apiRequest<Named[]>('/targets');
}

export function getScenarioNames(): Promise<Named[]> {
  return apiRequest<Named[]>('/scenarios');
}

export const targetNamesQueryOptions = queryOptions({ queryKey: queryKeys.targets, queryFn: getTargetNames });
export const scenarioNamesQueryOptions = queryOptions({ queryKey: queryKeys.scenarios, queryFn: getScenarioNames });

export function useFilterOptions() {
  const targets = useQuery(targetNamesQueryOptions);
  const scenarios = useQuery(scenarioNamesQueryOptions);
  return { targets: targets.data ?? [], scenarios: scenarios.data ?? [] };
}
