import { randomBytes, randomUUID } from "node:crypto";
import type { Role } from "@portcullis/domain";
import type { LightMyRequestResponse } from "fastify";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { hashPassword, randomToken, sha256Hex } from "../auth/crypto.ts";
import { createTenant } from "../modules/tenants/tenants.service.ts";
import { createToken } from "../modules/tokens/tokens.service.ts";
import type { Harness } from "./harness.ts";

/** Password every factory user has. */
export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

/** A random, unique label for test data. */
export function unique(prefix = "t"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/** An authenticated caller in tests: a user with a session (cookie + CSRF) and an API token. */
export interface Caller {
  userId: string;
  email: string;
  tenantId: string;
  role: Role;
  cookie: string;
  csrfToken: string;
  token: string;
  /** Call the API with the session cookie (and CSRF header on writes). */
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Call the API with the Bearer token. */
  requestWithToken(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Call the API without credentials. */
export function anonymous(h: Harness, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: method as never, url, ...(body === undefined ? {} : { payload: body as never }) });
}

/** Create a company with an owner; returns the owner as a caller. */
export async function createTenantFixture(h: Harness, input: { legalName?: string } = {}): Promise<Caller> {
  const email = `${unique("owner")}@example.test`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const { tenant, ownerUserId } = await createTenant({
    db: h.db.kysely,
    input: { legalName: input.legalName ?? unique("Company"), entityTypes: ["importer"] },
    owner: { email, password: TEST_PASSWORD },
    actor: SYSTEM_ACTOR,
  });
  return callerFor(h, { userId: ownerUserId, email, tenantId: tenant.id, role: "owner" });
}

/** Add a user with a role to a company; returns them as a caller. */
export async function addCaller(h: Harness, tenantId: string, role: Role): Promise<Caller> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const userId = randomUUID();
  const email = `${unique(role)}@example.test`;
  await h.rawQuery("INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)", [
    userId,
    email,
    email,
    await passwordHash,
  ]);
  await h.rawQuery("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)", [tenantId, userId, role]);
  return callerFor(h, { userId, email, tenantId, role });
}

async function callerFor(h: Harness, who: { userId: string; email: string; tenantId: string; role: Role }): Promise<Caller> {
  const sessionId = randomToken();
  const csrfToken = randomToken(24);
  await h.rawQuery(
    "INSERT INTO sessions (id_hash, user_id, tenant_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 hour')",
    [sha256Hex(sessionId), who.userId, who.tenantId, csrfToken],
  );
  const { token } = await createToken({
    db: h.db.kysely,
    tenantId: who.tenantId,
    userId: who.userId,
    actor: { id: who.userId, label: who.email },
    input: { name: unique("token") },
  });
  const cookie = `pc_session=${sessionId}`;
  const payloadOf = (body: unknown) => (body === undefined ? {} : { payload: body as never });
  return {
    ...who,
    cookie,
    csrfToken,
    token,
    request: (method, url, body, headers = {}) =>
      h.app.inject({
        method: method as never,
        url,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }), ...headers },
        ...payloadOf(body),
      }),
    requestWithToken: (method, url, body) =>
      h.app.inject({ method: method as never, url, headers: { authorization: `Bearer ${token}` }, ...payloadOf(body) }),
  };
}

/** Create a site through the API as the caller; returns its id. */
export async function createSiteFixture(caller: Caller, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await caller.request("POST", "/api/sites", { name: unique("Site"), kind: "warehouse", countryCode: "MX", ...overrides });
  if (res.statusCode !== 201) {
    throw new Error(`site fixture failed: ${res.statusCode} ${res.body}`);
  }
  return res.json().id;
}
