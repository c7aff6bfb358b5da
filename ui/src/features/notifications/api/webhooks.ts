import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import type { components } from '@/shared/api-client/openapi';

export type Webhook = components['schemas']['Webhook'];
export type WebhookRequest = components['schemas']['WebhookRequest'];
export type WebhookCreated = components['schemas']['WebhookCreated'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];

export const WEBHOOK_EVENTS = ['run_finished', 'thresholds_failed', 'regression_alert'] as const;

const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: number) => ['webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: () => apiRequest<Webhook[]>('/webhooks') });
}

export function useDeliveries(id: number) {
  // pending deliveries are retried in the background: follow them
  return useQuery({ queryKey: webhookKeys.deliveries(id), queryFn: () => apiRequest<WebhookDelivery[]>(`/webhooks/${id}/deliveries`),
    refetchInterval: 3_000 });
}

function useWebhookMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }) });
}

export function useCreateWebhook() {
  return useWebhookMutation((input: WebhookRequest) => apiRequest<WebhookCreated>('/webhooks', { method: 'POST', body: input }));
}

export function useDeleteWebhook() {
  return useWebhookMutation((id: number) => apiRequest<void>(`/webhooks/${id}`, { method: 'DELETE' }));
}

export function useTestWebhook() {
  return useWebhookMutation((id: number) => apiRequest<WebhookDelivery>(`/webhooks/${id}/test`, { method: 'POST' }));
}
