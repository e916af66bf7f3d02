import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Actor } from "../audit/audit.service.ts";
import type { SigningKey } from "../audit/keys.ts";
import { type AuthContext, actorOf } from "../auth/context.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/open.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors.ts";

/** What every service operation receives about the caller. */
export interface TenantCtx {
  db: Kysely<Database>;
  tenantId: string;
  actor: Actor;
  userId: string | null;
  requestId: string | null;
}

/** Process-wide dependencies, created once at start and passed down. */
export interface AppDeps {
  config: Config;
  db: Db;
  key: SigningKey;
  version: string;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The authenticated caller; the access hook guarantees it on non-public routes. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw new AppError("unauthenticated", "Sign in first");
  }
  return request.auth;
}

/** Service context for a tenant-scoped route. */
export function tenantCtx(request: FastifyRequest): TenantCtx {
  const auth = authOf(request);
  if (!auth.tenantId) {
    throw new AppError("forbidden", "No current company: switch to one you belong to");
  }
  return {
    db: request.server.deps.db.kysely,
    tenantId: auth.tenantId,
    actor: actorOf(auth),
    userId: auth.userId,
    requestId: request.id,
  };
}
