import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { uploadMultipart } from "../evidence/upload";
import { useRefreshProfile } from "./api";

/** The evidence record as the vault presents it (the fields this screen uses). */
export interface EvidenceSummary {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  currentVersion: number;
  expiresOn: string | null;
  status: "valid" | "expiring" | "expired" | "no-expiry";
  archivedAt: string | null;
  linkCount: number;
  latest: { version: number; sha256: string; sizeBytes: number; mediaType: string; filename: string; uploadedAt: string } | null;
}

export interface UploadOptions {
  file: File;
  title: string;
  criterionId: string;
  /** Called with 0–1 while the body is sent. */
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Upload a file to the vault and link it to one criterion (POST /api/evidence, multipart, with progress). */
export function uploadEvidence(o: UploadOptions): Promise<EvidenceSummary> {
  return uploadMultipart<EvidenceSummary>({
    path: "/evidence",
    fields: { title: o.title, criterionIds: o.criterionId },
    file: o.file,
    onProgress: (percent) => o.onProgress(percent / 100),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

/** Search the vault for evidence to link (GET /api/evidence?q=). */
export function useEvidenceSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["evidence", "search-for-link", q],
    queryFn: ({ signal }) =>
      api.get<Page<EvidenceSummary>>("/evidence", { q: q.trim() || undefined, archived: "false", limit: 10, offset: 0 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Link (or unlink) an evidence record to a criterion. */
export function useEvidenceLink(criterionId: string) {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: ({ evidenceId, unlink }: { evidenceId: string; unlink?: boolean }) =>
      api.post<EvidenceSummary>(`/evidence/${encodeURIComponent(evidenceId)}/${unlink ? "unlink" : "links"}`, {
        targetType: "criterion",
        targetId: criterionId,
      }),
    onSuccess: () => refresh(criterionId),
  });
}
