import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { RunSummary, Scenario, ScenarioInput } from '@/shared/api-client/types';

export function getScenarios(mine = false): Promise<Scenario[]> {
  return apiRequest<Scenario[]>(mine ? '/scenarios?mine=true' : '/scenarios');
}

export const scenariosQueryOptions = (mine = false) =>
  queryOptions({ queryKey: mine ? [...queryKeys.scenarios, 'mine'] : queryKeys.scenarios, queryFn: () => getScenarios(mine) });

export function useScenarios(mine = false) {
  return useQuery(scenariosQueryOptions(mine));
}

export function getScenario(id: number): Promise<Scenario> {
  return apiRequest<Scenario>(`/scenarios/${id}`);
}

export const scenarioQueryOptions = (id: number) =>
  queryOptions({ queryKey: queryKeys.scenario(id), queryFn: () => getScenario(id) });

export function useScenario(id: number | undefined) {
  return useQuery({ ...scenarioQueryOptions(id ?? 0), enabled: id !== undefined });
}

export function saveScenario({ id, input }: { id?: number; input: ScenarioInput }): Promise<Scenario> {
  return id === undefined
    ? apiRequest<Scenario>('/scenarios', { method: 'POST', body: input })
    : apiRequest<Scenario>(`/scenarios/${id}`, { method: 'PUT', body: input });
}

export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveScenario, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.scenarios }) });
}

export function deleteScenario(id: number): Promise<void> {
  return apiRequest<void>(`/scenarios/${id}`, { method: 'DELETE' });
}

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteScenario, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.scenarios }) });
}

export function startRun(scenarioId: number): Promise<RunSummary> {
  return apiRequest<RunSummary>(`/scenarios/${scenarioId}/runs`, { method: 'POST' });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startRun, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.runs }) });
}
