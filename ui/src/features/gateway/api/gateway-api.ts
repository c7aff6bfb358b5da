import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import type { Target } from '@/shared/api-client/types';
import type { GatewayConfig, GatewayConfigChange } from './gateway-types';

/** The one target (GET /targets/{id}); the page checks that it is a gateway. */
export type GatewayTarget = Target;

const keys = {
  target: (id: number) => ['gateway', id, 'target'] as const,
  config: (id: number) => ['gateway', id, 'config'] as const,
};

export function getGatewayTarget(id: number): Promise<GatewayTarget> {
  return apiRequest<GatewayTarget>(`/targets/${id}`);
}

export function getGatewayConfig(id: number): Promise<GatewayConfig> {
  return apiRequest<GatewayConfig>(`/targets/${id}/gateway/config`);
}

export function putGatewayConfig(id: number, change: GatewayConfigChange): Promise<GatewayConfig> {
  return apiRequest<GatewayConfig>(`/targets/${id}/gateway/config`, { method: 'PUT', body: change });
}

export const gatewayTargetQueryOptions = (id: number) => queryOptions({ queryKey: keys.target(id), queryFn: () => getGatewayTarget(id) });
export const gatewayConfigQueryOptions = (id: number) => queryOptions({ queryKey: keys.config(id), queryFn: () => getGatewayConfig(id), retry: false });

export function useGatewayTarget(id: number) {
  return useQuery(gatewayTargetQueryOptions(id));
}

export function useGatewayConfig(id: number) {
  return useQuery(gatewayConfigQueryOptions(id));
}

/** Saves a change; the config the gateway stored becomes the cached one. */
export function useSaveGatewayConfig(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: GatewayConfigChange) => putGatewayConfig(id, change),
    onSuccess: (stored) => queryClient.setQueryData(keys.config(id), stored),
  });
}
