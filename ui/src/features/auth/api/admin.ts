import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { Role, User } from '@/shared/auth/current-user';
import type { AuditPage, AuthSettings } from './types';

export type NewUser = { username: string; password: string; role: Role };
export type UserChange = { id: number; role?: Role; enabled?: boolean };
export type AuditFilters = { actor?: string; action?: string; from?: string; to?: string };

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => apiRequest<User[]>('/users') });
}

function useUsersMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }) });
}

export function useCreateUser() {
  return useUsersMutation((input: NewUser) => apiRequest<User>('/users', { method: 'POST', body: input }));
}

export function useUpdateUser() {
  return useUsersMutation(({ id, ...change }: UserChange) => apiRequest<User>(`/users/${id}`, { method: 'PATCH', body: change }));
}

export function useResetPassword() {
  return useUsersMutation(({ id, password }: { id: number; password: string }) =>
    apiRequest<void>(`/users/${id}/reset-password`, { method: 'POST', body: { password } }));
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => apiRequest<AuthSettings>('/settings') });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AuthSettings) => apiRequest<AuthSettings>('/settings', { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      return queryClient.invalidateQueries({ queryKey: queryKeys.authState });
    },
  });
}

export const AUDIT_LIMIT = 200;

export function getAudit(filters: AuditFilters): Promise<AuditPage> {
  // The date inputs pick whole days in the viewer's time zone; the API takes instants.
  const from = filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined;
  const to = filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined;
  return apiRequest<AuditPage>(`/audit${toQueryString({ actor: filters.actor, action: filters.action, from, to, limit: AUDIT_LIMIT })}`);
}

export function useAudit(filters: AuditFilters) {
  return useQuery({ queryKey: queryKeys.audit(filters), queryFn: () => getAudit(filters), placeholderData: keepPreviousData });
}
