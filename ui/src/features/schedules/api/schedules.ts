import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '@/shared/api-client/api-client';
import type { components } from '@/shared/api-client/openapi';

export type Schedule = components['schemas']['Schedule'];
export type ScheduleRequest = components['schemas']['ScheduleRequest'];
export type SchedulePreview = components['schemas']['SchedulePreview'];

const scheduleKeys = {
  all: ['schedules'] as const,
  ofScenario: (scenarioId: number) => ['schedules', 'scenario', scenarioId] as const,
  preview: (cron: string, zone: string) => ['schedules', 'preview', cron, zone] as const,
};

export function useScenarioSchedules(scenarioId: number) {
  return useQuery({
    queryKey: scheduleKeys.ofScenario(scenarioId),
    queryFn: () => apiRequest<Schedule[]>(`/scenarios/${scenarioId}/schedules`),
    // the next fire time moves on as schedules fire
    refetchInterval: 15_000,
  });
}

/** The next fire times of what is typed, or its problems, for the form. */
export function useSchedulePreview(cron: string, zone: string) {
  return useQuery({
    queryKey: scheduleKeys.preview(cron, zone),
    queryFn: () => apiRequest<SchedulePreview>(`/schedules/preview${toQueryString({ cron, time_zone: zone })}`),
    enabled: cron.trim().length > 0,
  });
}

function useScheduleMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}

export function useCreateSchedule(scenarioId: number) {
  return useScheduleMutation((input: ScheduleRequest) =>
    apiRequest<Schedule>(`/scenarios/${scenarioId}/schedules`, { method: 'POST', body: input }));
}

export function usePauseSchedule() {
  return useScheduleMutation(({ id, paused }: { id: number; paused: boolean }) =>
    apiRequest<Schedule>(`/schedules/${id}/${paused ? 'pause' : 'resume'}`, { method: 'POST' }));
}

export function useDeleteSchedule() {
  return useScheduleMutation((id: number) => apiRequest<void>(`/schedules/${id}`, { method: 'DELETE' }));
}
