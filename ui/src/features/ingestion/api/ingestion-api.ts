import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import type { Target } from '@/shared/api-client/types';
import type { IngestorMessages, IngestorSeries, IngestorSimulation, IngestorStats } from './ingestion-types';
import type { SimulationRequest } from './simulation-form';

/** The server samples each ingestor once a second; the page asks as often, so it moves with the ingestor. */
export const REFRESH_MS = 1000;

const keys = {
  target: (id: number) => ['ingestion', id, 'target'] as const,
  stats: (id: number) => ['ingestion', id, 'stats'] as const,
  series: (id: number) => ['ingestion', id, 'series'] as const,
  messages: (id: number) => ['ingestion', id, 'messages'] as const,
};

const base = (id: number) => `/targets/${id}/ingestor`;

export const getIngestorTarget = (id: number) => apiRequest<Target>(`/targets/${id}`);
export const getIngestorStats = (id: number) => apiRequest<IngestorStats>(`${base(id)}/stats`);
export const getIngestorSeries = (id: number) => apiRequest<IngestorSeries>(`${base(id)}/series`);
export const getIngestorMessages = (id: number) => apiRequest<IngestorMessages>(`${base(id)}/messages?limit=50`);
export const postSimulation = (id: number, request: SimulationRequest) =>
  apiRequest<IngestorSimulation>(`${base(id)}/simulate`, { method: 'POST', body: request });

const live = { refetchInterval: REFRESH_MS, retry: false } as const;

export const ingestorTargetQueryOptions = (id: number) => queryOptions({ queryKey: keys.target(id), queryFn: () => getIngestorTarget(id) });
export const ingestorStatsQueryOptions = (id: number) => queryOptions({ queryKey: keys.stats(id), queryFn: () => getIngestorStats(id), ...live });
export const ingestorSeriesQueryOptions = (id: number) => queryOptions({ queryKey: keys.series(id), queryFn: () => getIngestorSeries(id), ...live });
export const ingestorMessagesQueryOptions = (id: number) =>
  queryOptions({ queryKey: keys.messages(id), queryFn: () => getIngestorMessages(id), ...live });

export const useIngestorTarget = (id: number) => useQuery(ingestorTargetQueryOptions(id));
/** Only once the target is known to be an ingestor: other kinds answer 422. */
export const useIngestorStats = (id: number, enabled: boolean) => useQuery({ ...ingestorStatsQueryOptions(id), enabled });
export const useIngestorSeries = (id: number, enabled: boolean) => useQuery({ ...ingestorSeriesQueryOptions(id), enabled });
export const useIngestorMessages = (id: number, enabled: boolean) => useQuery({ ...ingestorMessagesQueryOptions(id), enabled });

/** Starts a burst; the cards, series and feed are asked again at once instead of at their next second. */
export function useStartSimulation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SimulationRequest) => postSimulation(id, request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ingestion', id] }),
  });
}
