import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ApiToken, CreatedToken } from "../../api/types";

const KEY = ["tokens"] as const;

export function useTokens() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>("/tokens", undefined, signal),
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) => api.post<CreatedToken>("/tokens", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
