import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError, setCsrfToken } from "../../api/client";
import type { Session } from "../../api/types";

export const SESSION_KEY = ["session"] as const;

function remember(s: Session): Session {
  setCsrfToken(s.csrfToken);
  return s;
}

/** The current session, or null when not logged in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return remember(await api.get<Session>("/auth/me"));
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The logged-in session; only call below RequireAuth. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentSession used outside an authenticated route");
  return data;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>("/auth/login", body),
    onSuccess: (s) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, remember(s));
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>("/auth/logout");
      } catch (e) {
        // Already logged out on the server: fine, we are leaving anyway.
        if (!isApiError(e) || e.status !== 401) throw e;
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}

/** Switch the active tenant, then drop every cached tenant-scoped query so pages reload. */
export function useSwitchTenant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tenantId: string) => api.post<Session>("/auth/switch-tenant", { tenantId }),
    onSuccess: async (s) => {
      qc.setQueryData(SESSION_KEY, remember(s));
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0], type: "inactive" });
      await qc.resetQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}
