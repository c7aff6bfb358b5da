import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, authRedirect } from '@/shared/api-client/api-client';
import { liveSocket } from '@/shared/api-client/live-socket';
import { queryKeys } from '@/shared/api-client/query-keys';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not get better by asking again; network blips and 5xx might.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/**
 * Sends the API client's "sign in first" / "change your password first" through the router; a 401
 * also marks the cached auth state stale, so the sign-in page asks the server who is signed in.
 */
export function useAuthRedirects(navigate: (to: string) => unknown) {
  const queryClient = useQueryClient();
  useEffect(() => {
    authRedirect.navigate = (to) => {
      if (to.startsWith('/sign-in')) {
        liveSocket.disconnect();
        void queryClient.invalidateQueries({ queryKey: queryKeys.authState });
      }
      void navigate(to);
    };
  }, [navigate, queryClient]);
}
