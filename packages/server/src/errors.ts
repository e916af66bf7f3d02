/**
 * Stable error codes. Each is part of the public API: clients branch on them, so never rename one.
 */
export const ERROR_STATUS = {
  /** The request body, query or path failed validation. */
  validation_failed: 400,
  /** The request could not be parsed (bad JSON, wrong content type). */
  bad_request: 400,
  /** No valid session or API token. */
  unauthenticated: 401,
  /** Authenticated, but the role does not allow this. */
  forbidden: 403,
  /** A session-authenticated write came without a matching CSRF token. */
  csrf_failed: 403,
  /** No such record in this tenant (also what another tenant's record looks like). */
  not_found: 404,
  /** The route does not exist. */
  route_not_found: 404,
  /** The method is not allowed on this route. */
  method_not_allowed: 405,
  /** The record changed or already exists. */
  conflict: 409,
  /** A business rule forbids this change. */
  rule_violation: 422,
  /** An imported file has bad rows; `details.errors` lists each as { row, column, message }. Nothing was saved. */
  import_invalid: 422,
  /** The record exists but its stored file is missing or damaged on the server; upload it again. */
  file_missing: 410,
  /** Body too large. */
  payload_too_large: 413,
  /** Unsupported media type. */
  unsupported_media_type: 415,
  /** Too many attempts; see Retry-After. */
  rate_limited: 429,
  /** Something failed on our side; details are in the server log under the request id. */
  internal_error: 500,
  /** The database is not reachable or is held by another process. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type the app throws on purpose; anything else becomes `internal_error`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Extra response headers, e.g. Retry-After. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details ?? null;
    this.headers = headers;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** True for errors that indicate a bug or outage rather than a client mistake. */
  get reportable(): boolean {
    return this.status >= 500;
  }
}

/** The standard 404 for a record that is missing or belongs to someone else. */
export function notFound(entity: string): AppError {
  return new AppError("not_found", `${entity} not found`);
}
