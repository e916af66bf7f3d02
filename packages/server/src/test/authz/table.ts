/** The expectation table of the authorization matrix (authz-matrix.int.test.ts). */
import type { Role } from "@portcullis/domain";
import { TEST_PASSWORD, unique } from "../factories.ts";
import type { World } from "./world.ts";

// ─── The expectation table ────────────────────────────────────────────────────────────────────────────
// Written from the product rules, NOT from the routes' config.access: the point is to catch a route whose
// declared access is wrong. Every route the router knows must appear here (see the meta-tests).

/** Every role, placed by hand (a meta-test compares it with the domain's list). */
export const ALL_ROLES = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor", "partner"] as const;
const INTERNAL: readonly Role[] = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor"];
const SITE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const COMPANY_ADMINS: readonly Role[] = ["owner", "admin"];
const PEOPLE_VIEWERS: readonly Role[] = ["owner", "admin", "security-manager"];
const AUDIT_READERS: readonly Role[] = ["owner", "admin", "security-manager", "auditor"];
const AUDIT_SIGNERS: readonly Role[] = ["owner", "admin", "security-manager"];

/** Who may call: anyone, any signed-in user (with or without a company), or these roles of the current company. */
export type Allow = "public" | "authenticated" | readonly Role[];
/** The record a route's :id names; fixtures create a fresh one per request (./world.ts, ./records.ts). */
export type TargetKind = "site" | "user" | "token" | "evidence" | "procedure" | "review" | "framework" | "notification";

/** What the product rules say about one route. */
export interface RouteSpec {
  allow: Allow;
  target?: TargetKind;
  /** Values for path parameters other than :id that name no tenant record (e.g. criterionId: "6.2"). */
  params?: Record<string, string>;
  /**
   * A valid request body; built per request so writes never collide. Return a `Multipart` (../multipart.ts)
   * for upload routes. `recordId` is the :id of this request's record (own, foreign or missing).
   */
  body?: (ctx: { world: World; recordId?: string }) => unknown;
  /** The call ends or moves the session it is made with: use a fresh session each time. */
  freshSession?: true;
  /** What an allowed caller gets when authenticated with an API token, when that is not 2xx. */
  viaToken?: { status: number; code: string };
}

/** Every route of the router, by "METHOD /path", with who may call it. */
export const TABLE: Record<string, RouteSpec> = {
  "GET /api/health": { allow: "public" },
  "POST /api/auth/login": { allow: "public", body: ({ world }) => ({ email: world.loginEmail, password: TEST_PASSWORD }) },
  "POST /api/auth/logout": { allow: "authenticated", freshSession: true },
  "GET /api/auth/me": { allow: "authenticated" },
  "POST /api/auth/switch-tenant": {
    allow: "authenticated",
    freshSession: true,
    body: ({ world }) => ({ tenantId: world.tenantId }),
    // API tokens are bound to one company.
    viaToken: { status: 422, code: "rule_violation" },
  },
  "GET /api/tenants": { allow: "authenticated" },
  "POST /api/tenants": { allow: "authenticated", body: () => ({ legalName: unique("Spawned"), entityTypes: ["importer"] }) },
  "GET /api/tenant": { allow: INTERNAL },
  "PATCH /api/tenant": { allow: COMPANY_ADMINS, body: () => ({ ctpatAccountNumber: unique("acct") }) },
  "GET /api/users": { allow: PEOPLE_VIEWERS },
  "GET /api/users/:id": { allow: PEOPLE_VIEWERS, target: "user" },
  "POST /api/users": {
    allow: COMPANY_ADMINS,
    body: () => ({
      email: `${unique("new")}@example.test`,
      displayName: "New Person",
      role: "analyst",
      password: "a long enough password",
    }),
  },
  "PATCH /api/users/:id": { allow: COMPANY_ADMINS, target: "user", body: () => ({ displayName: unique("Renamed") }) },
  "GET /api/tokens": { allow: INTERNAL },
  "POST /api/tokens": { allow: INTERNAL, body: () => ({ name: unique("tok") }) },
  "DELETE /api/tokens/:id": { allow: INTERNAL, target: "token" },
  "GET /api/sites": { allow: INTERNAL },
  "POST /api/sites": { allow: SITE_EDITORS, body: () => ({ name: unique("Site"), kind: "warehouse", countryCode: "MX" }) },
  "GET /api/sites/:id": { allow: INTERNAL, target: "site" },
  "PATCH /api/sites/:id": { allow: SITE_EDITORS, target: "site", body: () => ({ address: "Av. Reforma 1" }) },
  "POST /api/sites/:id/archive": { allow: SITE_EDITORS, target: "site" },
  "POST /api/sites/:id/restore": { allow: SITE_EDITORS, target: "site" },
  "GET /api/audit/events": { allow: AUDIT_READERS },
  "GET /api/audit/verify": { allow: AUDIT_READERS },
  "GET /api/audit/checkpoints": { allow: AUDIT_READERS },
  "POST /api/audit/checkpoints": { allow: AUDIT_SIGNERS },
  "GET /api/audit/public-key": { allow: AUDIT_READERS },
};
