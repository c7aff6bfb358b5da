import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { ApiToken, CreatedToken, TokenScope, TotpEnrolment } from './types';

export type PasswordChange = { current_password: string; new_password: string };
export type NewToken = { name: string; scopes: TokenScope[]; expires_in_days: number | null };

function useRefreshingAuthState<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.authState }) });
}

export function useChangePassword() {
  return useRefreshingAuthState((input: PasswordChange) => apiRequest<void>('/account/password', { method: 'POST', body: input }));
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => apiRequest<TotpEnrolment>('/account/totp', { method: 'POST' }) });
}

export function useConfirmTotp() {
  return useRefreshingAuthState((code: string) =>
    apiRequest<{ recovery_codes: string[] }>('/account/totp/confirm', { method: 'POST', body: { code } }));
}

export function useDisableTotp() {
  return useRefreshingAuthState((password: string) => apiRequest<void>('/account/totp/disable', { method: 'POST', body: { password } }));
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: () => apiRequest<ApiToken[]>('/account/tokens') });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewToken) => apiRequest<CreatedToken>('/account/tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/account/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
