import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, setCsrfToken } from "./api/client";
import { SESSION_KEY } from "./features/auth/session";

/** A 401 on any call means the session ended: forget it so RequireAuth sends the user to /login. */
function onError(error: unknown): void {
  if (isApiError(error) && error.status === 401 && queryClient.getQueryData(SESSION_KEY)) {
    setCsrfToken(null);
    queryClient.setQueryData(SESSION_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => {
        if (isApiError(error) && error.status > 0 && error.status < 500) return false;
        return count < 2;
      },
    },
    mutations: { retry: false },
  },
});
