import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '@/shared/api-client/api-client';
import type { components } from '@/shared/api-client/openapi';

export type ScenarioHistory = components['schemas']['ScenarioHistory'];
export type StepHistory = components['schemas']['StepHistory'];
export type HistoryPoint = components['schemas']['Point'];
export type MetricInfo = components['schemas']['MetricInfo'];
export type BaselineMark = components['schemas']['BaselineMark'];
export type Alert = components['schemas']['Alert'];
export type AlertStatus = Alert['status'];
export type TriageAction = 'acknowledge' | 'false-positive';

/** Server-side filters of a history: one branch, one `key:value` label. */
/** `limit`: how many of the newest runs (the server's default, 200, when absent). */
export type HistoryFilters = { branch?: string; label?: string; limit?: number };

const historyKeys = {
  all: ['history'] as const,
  history: (scenarioId: number, filters: HistoryFilters) => ['history', 'scenario', scenarioId, filters] as const,
  scenarioAlerts: (scenarioId: number, status: AlertStatus | 'any') => ['history', 'alerts', 'scenario', scenarioId, status] as const,
  runAlerts: (runId: number, runStatus: string | undefined) => ['history', 'alerts', 'run', runId, runStatus] as const,
  openAlerts: ['history', 'alerts', 'open'] as const,
};

/** Every metric per step over the scenario's completed runs (oldest first), with baselines and alert marks. */
export function useScenarioHistory(scenarioId: number, filters: HistoryFilters) {
  return useQuery({
    queryKey: historyKeys.history(scenarioId, filters),
    queryFn: () => apiRequest<ScenarioHistory>(`/scenarios/${scenarioId}/history${toQueryString({ branch: filters.branch, label: filters.label, limit: filters.limit })}`),
  });
}

/** The scenario's alerts, newest first: all of them, or those of one status. */
export function useScenarioAlerts(scenarioId: number, status: AlertStatus | 'any' = 'any') {
  return useQuery({
    queryKey: historyKeys.scenarioAlerts(scenarioId, status),
    queryFn: () => apiRequest<Alert[]>(`/scenarios/${scenarioId}/alerts${toQueryString({ status: status === 'any' ? undefined : status })}`),
  });
}

/**
 * The run's alerts. The detector stores them when the run completes, so the run's status is part of the key:
 * the page asks again when its live feed says the run has finished.
 */
export function useRunAlerts(runId: number, runStatus?: string) {
  return useQuery({ queryKey: historyKeys.runAlerts(runId, runStatus), queryFn: () => apiRequest<Alert[]>(`/runs/${runId}/alerts`) });
}

/** The overview's list: the open alerts of every scenario. */
export function useOpenAlerts() {
  return useQuery({ queryKey: historyKeys.openAlerts, queryFn: () => apiRequest<Alert[]>('/alerts?status=open'), refetchInterval: 30_000 });
}

/** Acknowledge (a real regression) or mark a false positive (a reason required); refreshes every alert list and trend. */
export function useTriageAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: number; action: TriageAction; reason: string }) =>
      apiRequest<Alert>(`/alerts/${id}/${action}`, { method: 'POST', body: { reason: reason.trim() === '' ? null : reason.trim() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}
