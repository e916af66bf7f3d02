import { RoleSchema } from "@portcullis/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AuthContext } from "../auth/context.ts";
import { safeEqual, sha256Hex } from "../auth/crypto.ts";
import { AppError } from "../errors.ts";

/** Cookie holding the session id (HttpOnly). */
export const SESSION_COOKIE = "pc_session";
/** Cookie the web app reads to send the CSRF header (not HttpOnly by design). */
export const CSRF_COOKIE = "pc_csrf";
/** Header carrying the CSRF token on session-authenticated writes. */
export const CSRF_HEADER = "x-csrf-token";
/** Cookie holding an outside partner's questionnaire session id (HttpOnly, SameSite=Strict, path /api/partner). */
export const PARTNER_COOKIE = "pc_partner";
/** Header carrying a partner session's own CSRF token on its writes. */
export const PARTNER_CSRF_HEADER = "x-partner-csrf-token";

/** An outside partner's session: bound to one questionnaire of one company, and to nothing else. */
export interface PartnerAuth {
  tenantId: string;
  questionnaireId: string;
  sessionHash: string;
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set only on `{ partner: true }` routes. */
    partner: PartnerAuth | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolve the caller from a Bearer token or the session cookie, then enforce the route's declared
 * access and, for cookie sessions, the CSRF token. Each credential is re-checked on every request,
 * so logout, revocation and deactivation take effect at once.
 *
 * Partner routes are a world apart: only the partner cookie is read there, and everywhere else the partner
 * cookie is simply not a credential (resolveAuth never looks at it), so a partner session gets 401.
 */
export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest("auth", null);
  app.decorateRequest("partner", null);
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) {
      return; // static files, docs, 404s
    }
    if ("partner" in access) {
      await enforcePartner(request);
      return;
    }
    request.auth = await resolveAuth(request);
    if ("public" in access) {
      return;
    }
    const auth = request.auth;
    if (!auth) {
      throw new AppError("unauthenticated", "Sign in or send a valid API token");
    }
    if (auth.via === "session" && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError("csrf_failed", `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if ("roles" in access) {
      if (!auth.tenantId || !auth.role || !access.roles.includes(auth.role)) {
        throw new AppError("forbidden", "Your role does not allow this");
      }
    }
  });
}

/** A partner route: the partner cookie must name a live partner session, and writes must carry its CSRF token. */
async function enforcePartner(request: FastifyRequest): Promise<void> {
  const cookie = request.cookies[PARTNER_COOKIE];
  // A user session or API token sent along is ignored: it is not what opens a partner route.
  const partner = cookie && cookie.length <= 200 ? await resolvePartner(request, cookie) : null;
  if (!partner) {
    throw new AppError("unauthenticated", "Open the questionnaire link you were sent to start a partner session");
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[PARTNER_CSRF_HEADER];
    if (typeof sent !== "string" || !safeEqual(sent, partner.csrfToken)) {
      throw new AppError("csrf_failed", `Missing or wrong ${PARTNER_CSRF_HEADER} header`);
    }
  }
  request.partner = partner;
}

async function resolvePartner(request: FastifyRequest, cookie: string): Promise<PartnerAuth | null> {
  const sessionHash = sha256Hex(cookie);
  const { rows } = await request.server.deps.db.pool.query("SELECT * FROM auth_partner_session($1)", [sessionHash]);
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, questionnaireId: row.questionnaire_id, sessionHash, csrfToken: row.csrf_token } : null;
}

async function resolveAuth(request: FastifyRequest): Promise<AuthContext | null> {
  const { pool } = request.server.deps.db;
  const header = request.headers.authorization;
  if (typeof header === "string" && header.length > 0) {
    const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
    if (!match?.[1]) {
      throw new AppError("unauthenticated", "Malformed Authorization header; expected 'Bearer <token>'");
    }
    const tokenHash = sha256Hex(match[1]);
    const { rows } = await pool.query("SELECT * FROM auth_token($1)", [tokenHash]);
    const row = rows[0];
    if (!row) {
      throw new AppError("unauthenticated", "Invalid, expired or revoked API token");
    }
    // "Last used" is shown in the token list; a minute's precision is enough and keeps reads read-only.
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
      pool.query("SELECT touch_token($1)", [row.token_id]).catch((err) => request.log.warn({ err }, "token last-used update failed"));
    }
    return {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      tenantId: row.tenant_id,
      role: RoleSchema.parse(row.role),
      via: "token",
      tokenId: row.token_id,
    };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie || cookie.length > 200) {
    return null;
  }
  const sessionHash = sha256Hex(cookie);
  const { rows } = await pool.query("SELECT * FROM auth_session($1)", [sessionHash]);
  const row = rows[0];
  if (!row) {
    return null;
  }
  const role = row.role ? RoleSchema.parse(row.role) : null;
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    tenantId: role ? row.tenant_id : null,
    role,
    via: "session",
    sessionHash,
    csrfToken: row.csrf_token,
  };
}
