import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type ErrorCode } from "../errors.ts";
import { setSecurityHeaders } from "./security-headers.ts";
import { multipartAppError } from "./upload.ts";

/** Map every thrown error to the one error shape; never leak a stack or internal message. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let appError: AppError;
    if (err instanceof AppError) {
      appError = err;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      appError = new AppError("validation_failed", "The request is not valid", {
        issues: err.validation.map((v) => ({
          path: [err.validationContext, ...pathOf(v.instancePath)].filter(Boolean),
          message: v.message,
        })),
      });
    } else if (isResponseSerializationError(err)) {
      request.log.error({ err }, "response did not match its schema");
      appError = new AppError("internal_error", "Internal error; quote the request id to an administrator");
    } else if (multipartAppError(err)) {
      // @fastify/multipart's own errors (file too large, not multipart, too many parts): our codes and messages.
      appError = multipartAppError(err) as AppError;
    } else if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
      appError = new AppError(codeForStatus(err.statusCode), clientMessage(err));
    } else {
      request.log.error({ err }, "unhandled error");
      appError = new AppError("internal_error", "Internal error; quote the request id to an administrator");
    }
    if (appError.reportable && err instanceof AppError) {
      request.log.error({ err }, "server error");
    }
    void reply
      .status(appError.status)
      .headers(appError.headers)
      .send({ error: { code: appError.code, message: appError.message, details: appError.details } });
  });
}

/**
 * Fastify's router answers a malformed URL (bad percent-encoding) or an over-long path parameter itself,
 * before any route runs; pass this as the `frameworkErrors` option so those answers keep the error shape.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // These replies skip the route hooks, so the security headers are set here.
  setSecurityHeaders(request, reply);
  const appError = new AppError(
    "bad_request",
    err.code === "FST_ERR_MAX_PARAM_LENGTH" ? "A path parameter is too long" : "The URL is not valid",
  );
  void reply.status(appError.status).send({ error: { code: appError.code, message: appError.message, details: appError.details } });
}

function pathOf(instancePath: string): string[] {
  return instancePath.split("/").filter(Boolean);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "rate_limited";
    default:
      return "bad_request";
  }
}

// Fastify's own 4xx messages (bad JSON, wrong content type) are safe to show; truncate to be sure.
function clientMessage(err: FastifyError): string {
  return String(err.message ?? "Bad request").slice(0, 300);
}
