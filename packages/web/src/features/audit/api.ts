import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AuditEventsPage, Checkpoint, PublicKey, VerifyResult } from "../../api/types";

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  limit?: number;
}

export function useAuditEvents(f: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", "events", f],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditEventsPage>(
        "/audit/events",
        { entityType: f.entityType, entityId: f.entityId, limit: f.limit ?? 50, before: pageParam },
        signal,
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function verifyChain() {
  return api.get<VerifyResult>("/audit/verify");
}

export function useVerifyChain() {
  return useMutation({ mutationFn: verifyChain });
}

export function useCheckpoints() {
  return useQuery({
    queryKey: ["audit", "checkpoints"],
    queryFn: ({ signal }) => api.get<{ items: Checkpoint[] }>("/audit/checkpoints", undefined, signal),
  });
}

export function useCreateCheckpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Checkpoint>("/audit/checkpoints"),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["audit"] });
      void qc.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}

export function fetchPublicKey() {
  return api.get<PublicKey>("/audit/public-key");
}
