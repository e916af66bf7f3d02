import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSRF_COOKIE, SESSION_COOKIE } from "../../http/auth-hook.ts";
import { authOf } from "../../http/context.ts";
import { LoginBody, SessionSchema, SwitchTenantBody } from "./auth.schema.ts";
import { describeSession, login, logout, switchTenant } from "./auth.service.ts";

const tags = ["auth"];

/** Sign-in, sign-out, the current caller, and switching company. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  const setCookies = (reply: FastifyReply, sessionId: string, csrfToken: string) => {
    const common = { path: "/", secure: config.cookieSecure, maxAge: Math.floor(config.sessionTtlMs / 1000) };
    reply.setCookie(SESSION_COOKIE, sessionId, { ...common, httpOnly: true, sameSite: "lax" });
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false, sameSite: "strict" });
  };

  app.post("/auth/login", {
    schema: { tags, summary: "Sign in", body: LoginBody, response: { 200: SessionSchema } },
    config: { access: { public: true } },
    handler: async (req, reply) => {
      const result = await login({
        db: db.kysely,
        config,
        input: req.body,
        ip: req.ip,
        userAgent: req.headers["user-agent"] ?? null,
        requestId: req.id,
      });
      setCookies(reply, result.sessionId, result.csrfToken);
      return result.view;
    },
  });

  app.post("/auth/logout", {
    schema: { tags, summary: "Sign out (ends the session at once)", response: { 204: z.null() } },
    config: { access: { authenticated: true } },
    handler: async (req, reply) => {
      await logout({ db: db.kysely, auth: authOf(req), requestId: req.id });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  });

  app.get("/auth/me", {
    schema: { tags, summary: "The signed-in user, current company and role", response: { 200: SessionSchema } },
    config: { access: { authenticated: true } },
    handler: (req) => describeSession({ db: db.kysely, auth: authOf(req) }),
  });

  app.post("/auth/switch-tenant", {
    schema: { tags, summary: "Switch the session to another company", body: SwitchTenantBody, response: { 200: SessionSchema } },
    config: { access: { authenticated: true } },
    handler: (req) => switchTenant({ db: db.kysely, auth: authOf(req), tenantId: req.body.tenantId, requestId: req.id }),
  });
};
