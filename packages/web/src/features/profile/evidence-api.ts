import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ApiError, api, apiUrl } from "../../api/client";
import type { Page } from "../../api/types";
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
  csrfToken: string | null;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(";")) {
    const c = part.trim();
    if (c.startsWith(prefix)) return decodeURIComponent(c.slice(prefix.length));
  }
  return null;
}

function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = null;
  }
  const retry = Number(xhr.getResponseHeader("retry-after"));
  return new ApiError(
    xhr.status,
    body?.error?.code ?? `http_${xhr.status}`,
    body?.error?.message ?? xhr.statusText,
    body?.error?.details ?? null,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

/**
 * Upload a file to the vault and link it to one criterion (POST /api/evidence, multipart). Uses
 * XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadEvidence(o: UploadOptions): Promise<EvidenceSummary> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // Text fields first: the server may read them before the file stream.
    form.append("title", o.title);
    form.append("criterionIds", o.criterionId);
    form.append("file", o.file, o.file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl("/evidence"));
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    const token = o.csrfToken ?? readCookie("pc_csrf");
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) o.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        o.onProgress(1);
        try {
          resolve(JSON.parse(xhr.responseText) as EvidenceSummary);
        } catch {
          reject(new ApiError(xhr.status, "bad_response", "unreadable response", null, null));
        }
      } else {
        reject(errorFromXhr(xhr));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "network error", null, null));
    xhr.onabort = () => reject(new DOMException("upload cancelled", "AbortError"));
    o.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
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
