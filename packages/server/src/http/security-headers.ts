import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const APP_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Set the security headers (and no-store for the API) on one reply. */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("x-request-id", request.id);
  reply.header("x-content-type-options", "nosniff");
  reply.header("referrer-policy", "no-referrer");
  reply.header("x-frame-options", "DENY");
  reply.header("cross-origin-opener-policy", "same-origin");
  reply.header("permissions-policy", "camera=(self), geolocation=(self), microphone=()");
  if (!reply.hasHeader("content-security-policy")) {
    reply.header("content-security-policy", APP_CSP);
  }
  if (request.url.startsWith("/api/")) {
    reply.header("cache-control", "no-store");
  }
}

/** Security headers on every response; API responses are never cached. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    setSecurityHeaders(request, reply);
    return payload;
  });
}
