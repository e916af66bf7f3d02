import type { TFunction } from "i18next";
import { isApiError } from "./client";

const KNOWN_CODES = [
  "validation_failed",
  "bad_request",
  "unauthenticated",
  "forbidden",
  "csrf_failed",
  "not_found",
  "conflict",
  "rule_violation",
  "payload_too_large",
  "unsupported_media_type",
  "import_invalid",
  "file_missing",
  "rate_limited",
  "internal_error",
  "unavailable",
  "network_error",
] as const;

/** A translated, user-facing message for any error thrown by the API client. */
export function errorMessage(t: TFunction, e: unknown): string {
  if (isApiError(e)) {
    if (e.code === "rate_limited" && e.retryAfter !== null) {
      return t("errors.rateLimitedIn", { count: e.retryAfter });
    }
    const code = (KNOWN_CODES as readonly string[]).includes(e.code) ? e.code : "unknown";
    const base = t(`errors.codes.${code}`);
    // Business-rule and conflict messages carry the useful detail; show it after the translated text.
    if ((e.code === "rule_violation" || e.code === "conflict" || e.code === "unsupported_media_type") && e.message) {
      return t("errors.withDetail", { message: base, detail: e.message });
    }
    return base;
  }
  return t("errors.codes.unknown");
}

/**
 * Map `validation_failed` issues onto form field names. The first path segment that names a known
 * field wins; issues for other paths are returned under "_form".
 */
export function fieldErrors(t: TFunction, e: unknown, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e) || e.code !== "validation_failed") return out;
  for (const issue of e.issues) {
    const field = issue.path.find((p): p is string => typeof p === "string" && fields.includes(p)) ?? "_form";
    const msg = t("errors.fieldInvalid", { message: issue.message });
    out[field] = out[field] ? `${out[field]}; ${msg}` : msg;
  }
  return out;
}

/**
 * The message to show above a form: nothing when every validation issue landed on a field,
 * otherwise the unmapped issues or the translated error.
 */
export function formError(t: TFunction, e: unknown, fieldErrs: Record<string, string>): string | null {
  if (!e) return null;
  if (isApiError(e) && e.code === "validation_failed") {
    if (fieldErrs._form) return fieldErrs._form;
    return Object.keys(fieldErrs).length > 0 ? null : errorMessage(t, e);
  }
  return errorMessage(t, e);
}
