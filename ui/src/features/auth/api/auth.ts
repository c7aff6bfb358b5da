import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import { liveSocket } from '@/shared/api-client/live-socket';
import { queryKeys } from '@/shared/api-client/query-keys';
import type { User } from '@/shared/auth/current-user';
import type { AuthState } from './types';

export function getAuthState(): Promise<AuthState> {
  return apiRequest<AuthState>('/auth/state');
}

// Who is signed in changes only through this dashboard's own calls (or a 401, which resets it).
export const authStateQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.authState, queryFn: getAuthState, staleTime: 60_000 });

export function useAuthState() {
  return useQuery(authStateQueryOptions());
}

export type SignInInput = { username: string; password: string; totp_code?: string };
export type SetupInput = { token: string; username: string; password: string };

export const signIn = (input: SignInInput) => apiRequest<User>('/auth/sign-in', { method: 'POST', body: input });
export const completeSetup = (input: SetupInput) => apiRequest<User>('/auth/setup', { method: 'POST', body: input });
export const register = (input: { username: string; password: string }) => apiRequest<User>('/auth/register', { method: 'POST', body: input });
export const signOut = () => apiRequest<void>('/auth/sign-out', { method: 'POST' });
export const signOutEverywhere = () => apiRequest<void>('/auth/sign-out-everywhere', { method: 'POST' });

/**
 * After the session changed (signed in or out): everything cached belonged to the previous session,
 * and the auth state call also brings the new session's CSRF cookie.
 */
function useSessionChanged() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    await queryClient.refetchQueries({ queryKey: queryKeys.authState });
  };
}

export function useSignIn() {
  const changed = useSessionChanged();
  return useMutation({ mutationFn: signIn, onSuccess: changed });
}

export function useSetup() {
  const changed = useSessionChanged();
  return useMutation({ mutationFn: completeSetup, onSuccess: changed });
}

export function useRegister() {
  const changed = useSessionChanged();
  return useMutation({ mutationFn: register, onSuccess: changed });
}

export function useSignOut(everywhere = false) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: async () => {
      // first: once the session ends, the server closes the feed and a reconnect would be refused
      liveSocket.disconnect();
      await (everywhere ? signOutEverywhere : signOut)();
    },
    onSuccess: changed,
    onError: () => liveSocket.reconnectNow(),
  });
}

/** Where the "Sign in with …" link starts the OIDC flow (the server's oauth2Login, registration "oidc"). */
export const OIDC_SIGN_IN_PATH = '/oauth2/authorization/oidc';
