import type { TFunction } from "i18next";
import { ApiError, apiUrl, isApiError } from "../../api/client";
import { errorMessage } from "../../api/errors";
import type { ApiErrorBody, Session } from "../../api/types";
import { queryClient } from "../../queryClient";
import { SESSION_KEY } from "../auth/session";

/**
 * The CSRF token the API client sends: the one of the current session, else the pc_csrf cookie.
 * The client keeps its copy private, so read the same sources it reads.
 */
function csrfToken(): string | null {
  const fromSession = queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken;
  if (fromSession) return fromSession;
  for (const part of document.cookie.split(";")) {
    const c = part.trim();
    if (c.startsWith("pc_csrf=")) return decodeURIComponent(c.slice("pc_csrf=".length));
  }
  return null;
}

export interface UploadOptions {
  /** API path such as "/evidence" (without the /api prefix). */
  path: string;
  /** Text fields, sent before the file so a streaming parser sees them first. */
  fields: Record<string, string | undefined>;
  file: File;
  /** Called with 0–100 while the body is sent. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Send this CSRF header instead of the user session's (the partner portal has a session of its own). */
  csrf?: { header: string; token: string | null };
}

function toApiError(xhr: XMLHttpRequest): ApiError {
  let body: ApiErrorBody | null = null;
  try {
    body = JSON.parse(xhr.responseText) as ApiErrorBody;
  } catch {
    body = null;
  }
  const err = body?.error;
  // A proxy may answer 413/415 without our error shape: keep the status meaningful anyway.
  const fallback = xhr.status === 413 ? "payload_too_large" : xhr.status === 415 ? "unsupported_media_type" : `http_${xhr.status}`;
  const retry = Number(xhr.getResponseHeader("retry-after"));
  return new ApiError(
    xhr.status,
    err?.code ?? fallback,
    // Empty when the answer is not ours (a proxy page): callers then show only their own sentence.
    err?.message ?? "",
    err?.details ?? null,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

/**
 * POST a multipart form with XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the JSON answer; rejects with ApiError (status 0 for a network failure) or an
 * AbortError DOMException when `signal` aborts.
 */
export function uploadMultipart<T>({ path, fields, file, onProgress, signal, csrf }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== "") form.append(k, v);
    form.append("file", file, file.name);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    const sent = csrf ?? { header: "x-csrf-token", token: csrfToken() };
    if (sent.token) xhr.setRequestHeader(sent.header, sent.token);

    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError(xhr.status, "bad_response", "Unreadable answer from the server", null, null));
        }
      } else {
        reject(toApiError(xhr));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "Upload failed", null, null));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));

    if (signal) {
      if (signal.aborted) {
        reject(new DOMException("Upload cancelled", "AbortError"));
        return;
      }
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

/** A user-facing message for an upload failure, spelling out the size and type refusals. */
export function uploadErrorMessage(t: TFunction, e: unknown): string {
  if (isApiError(e)) {
    // The server's own sentence names the limit, or what the content really is: worth showing after ours.
    const withServerDetail = (base: string) => (e.message ? t("errors.withDetail", { message: base, detail: e.message }) : base);
    if (e.status === 413 || e.code === "payload_too_large") return withServerDetail(t("evidence.upload.errors.tooLarge"));
    if (e.status === 415 || e.code === "unsupported_media_type") return withServerDetail(t("evidence.upload.errors.unsupported"));
    if (e.status === 0) return t("evidence.upload.errors.network");
  }
  return errorMessage(t, e);
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}
