// TanStack Query set-up: no retries of answers the server meant (4xx), and one place that notices an ended session.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/** onSessionEnded runs when any request answers 401: the session expired or the account was deactivated. */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (error instanceof ApiError && error.sessionEnded) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The first load of /api/me is handled by the signed-in layout, which redirects to /login itself.
        if (query.queryKey[0] === 'me' && query.state.data === undefined) return;
        handle(error);
      },
    }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
