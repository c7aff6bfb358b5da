import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { Target, TargetInput, TargetTestReport } from '@/shared/api-client/types';

export function getTargets(mine = false): Promise<Target[]> {
  return apiRequest<Target[]>(mine ? '/targets?mine=true' : '/targets');
}

export const targetsQueryOptions = (mine = false) =>
  queryOptions({ queryKey: mine ? [...queryKeys.targets, 'mine'] : queryKeys.targets, queryFn: () => getTargets(mine) });

export function useTargets(mine = false) {
  return useQuery(targetsQueryOptions(mine));
}

export function saveTarget({ id, input }: { id?: number; input: TargetInput }): Promise<Target> {
  return id === undefined
    ? apiRequest<Target>('/targets', { method: 'POST', body: input })
    : apiRequest<Target>(`/targets/${id}`, { method: 'PUT', body: input });
}

export function deleteTarget(id: number): Promise<void> {
  return apiRequest<void>(`/targets/${id}`, { method: 'DELETE' });
}

export function useSaveTarget() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.targets }) });
}

export function useDeleteTarget() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.targets }) });
}

export function testTarget(id: number): Promise<TargetTestReport> {
  return apiRequest<TargetTestReport>(`/targets/${id}/test`, { method: 'POST' });
}

/** Runs the target's connection check; the answer (ok or not) is the mutation's data. */
export function useTestTarget() {
  return useMutation({ mutationFn: testTarget });
}
