import { randomUUID } from "node:crypto";
import { ROLES, type Role } from "@portcullis/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../modules/tokens/tokens.service.ts";
import { addCaller, type Caller, createSiteFixture, createTenantFixture, TEST_PASSWORD, unique } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";
import { openSession } from "./probes.ts";
import { type ApiRoute, collectApiRoutes } from "./routes.ts";

// ─── The expectation table ────────────────────────────────────────────────────────────────────────────
// Written from the product rules, NOT from the routes' config.access: the point is to catch a route whose
// declared access is wrong. Every route the router knows must appear here (see the meta-tests).

const ALL_ROLES = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor", "partner"] as const;
const INTERNAL: readonly Role[] = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor"];
const SITE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const COMPANY_ADMINS: readonly Role[] = ["owner", "admin"];
const PEOPLE_VIEWERS: readonly Role[] = ["owner", "admin", "security-manager"];
const AUDIT_READERS: readonly Role[] = ["owner", "admin", "security-manager", "auditor"];
const AUDIT_SIGNERS: readonly Role[] = ["owner", "admin", "security-manager"];

/** Who may call: anyone, any signed-in user (with or without a company), or these roles of the current company. */
type Allow = "public" | "authenticated" | readonly Role[];
/** The record a route's :id names; fixtures create a fresh one per request. */
type TargetKind = "site" | "user" | "token";

interface RouteSpec {
  allow: Allow;
  target?: TargetKind;
  /** A valid request body; built per request so writes never collide. */
  body?: (ctx: { world: World }) => unknown;
  /** The call ends or moves the session it is made with: use a fresh session each time. */
  freshSession?: true;
  /** What an allowed caller gets when authenticated with an API token, when that is not 2xx. */
  viaToken?: { status: number; code: string };
}

const TABLE: Record<string, RouteSpec> = {
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

// ─── Fixtures ─────────────────────────────────────────────────────────────────────────────────────────

/** One company and everything that identifies its data (a foreign response must contain none of it). */
interface World {
  name: "A" | "B";
  tenantId: string;
  owner: Caller;
  loginEmail: string;
  markers: Set<string>;
}

interface Principal {
  label: string;
  via: "anonymous" | "session" | "token";
  role: Role | null;
  /** The company the caller belongs to (anonymous: A, whose records it targets). */
  world: World;
  caller: Caller | null;
}

type Target = "own" | "foreign" | "missing";

interface Rec {
  id: string;
  /** The row as the owner sees it, to prove a refused write changed nothing. */
  read(): Promise<string>;
}

let h: Harness;
let routes: ApiRoute[] = [];
let A: World;
let B: World;
let principals: Principal[] = [];
const stats = { cells: 0, crossTenant: 0, leaks: 0, requests: 0, startedAt: 0 };

async function makeWorld(name: "A" | "B"): Promise<World> {
  const legalName = unique(`Company${name}`);
  const owner = await createTenantFixture(h, { legalName });
  const login = await addCaller(h, owner.tenantId, "analyst");
  const world: World = { name, tenantId: owner.tenantId, owner, loginEmail: login.email, markers: new Set() };
  for (const m of [owner.tenantId, legalName, owner.userId, owner.email, owner.token, login.userId, login.email, login.token]) {
    world.markers.add(m);
  }
  // A background site so list endpoints have something to leak.
  const siteName = unique(`Site${name}`);
  world.markers.add(siteName).add(await createSiteFixture(owner, { name: siteName }));
  return world;
}

async function makeRecord(kind: TargetKind, world: World, forPrincipal: Principal): Promise<Rec> {
  if (kind === "site") {
    const name = unique(`Site${world.name}`);
    const id = await createSiteFixture(world.owner, { name });
    world.markers.add(id).add(name);
    return { id, read: async () => JSON.stringify(await h.rawQuery("SELECT to_jsonb(s) AS row FROM sites s WHERE id = $1", [id])) };
  }
  if (kind === "user") {
    const id = randomUUID();
    const email = `${unique(`member${world.name}`)}@example.test`;
    await h.rawQuery("INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, 'not-a-hash')", [id, email, email]);
    await h.rawQuery("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'inspector')", [world.tenantId, id]);
    world.markers.add(id).add(email);
    return {
      id,
      read: async () =>
        JSON.stringify(
          await h.rawQuery(
            "SELECT to_jsonb(u) AS u, to_jsonb(m) AS m FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.id = $1",
            [id],
          ),
        ),
    };
  }
  // A token of the caller itself when it belongs to this company (non-admins may only revoke their own).
  const holder = forPrincipal.caller && forPrincipal.world === world ? forPrincipal.caller : world.owner;
  const created = await createToken({
    db: h.db.kysely,
    tenantId: world.tenantId,
    userId: holder.userId,
    actor: { id: holder.userId, label: holder.email },
    input: { name: unique(`tok${world.name}`) },
  });
  world.markers.add(created.item.id).add(created.item.name).add(created.token);
  const id = created.item.id;
  return {
    id,
    read: async () => JSON.stringify(await h.rawQuery("SELECT to_jsonb(t) - 'last_used_at' AS row FROM api_tokens t WHERE id = $1", [id])),
  };
}

// ─── Expectations and requests ────────────────────────────────────────────────────────────────────────

type Expected = { kind: "2xx" } | { kind: "error"; status: number; code: string };

function expectation(spec: RouteSpec, p: Principal, target: Target | null): Expected {
  if (spec.allow === "public") return { kind: "2xx" };
  if (p.via === "anonymous") return { kind: "error", status: 401, code: "unauthenticated" };
  const allowed = spec.allow === "authenticated" || (p.role !== null && spec.allow.includes(p.role));
  if (!allowed) return { kind: "error", status: 403, code: "forbidden" };
  if (target === "foreign" || target === "missing") return { kind: "error", status: 404, code: "not_found" };
  if (p.via === "token" && spec.viaToken) return { kind: "error", ...spec.viaToken };
  return { kind: "2xx" };
}

async function send(p: Principal, spec: RouteSpec, method: string, url: string): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (p.via === "session" && p.caller) {
    const s = spec.freshSession ? await openSession(h, p.caller.userId, p.caller.tenantId) : p.caller;
    headers.cookie = s.cookie;
    if (method !== "GET" && method !== "HEAD") headers["x-csrf-token"] = s.csrfToken;
  } else if (p.via === "token" && p.caller) {
    headers.authorization = `Bearer ${p.caller.token}`;
  }
  const body = method === "GET" || method === "HEAD" ? undefined : spec.body?.({ world: p.world });
  stats.requests += 1;
  return h.app.inject({ method: method as never, url, headers, ...(body === undefined ? {} : { payload: body as never }) });
}

function describeCell(method: string, url: string, p: Principal, target: Target | null): string {
  return `${method} ${url} as ${p.label} via ${p.via}${target ? ` on ${target} record` : ""}`;
}

/** Check one response against the expectation; returns problems (empty when fine). */
function judge(res: LightMyRequestResponse, exp: Expected, method: string, cell: string): string[] {
  const got = `${res.statusCode} ${res.body.slice(0, 160)}`;
  if (exp.kind === "2xx") {
    return res.statusCode >= 200 && res.statusCode < 300 ? [] : [`${cell}: expected 2xx, got ${got}`];
  }
  if (res.statusCode !== exp.status) {
    return [`${cell}: expected ${exp.status} ${exp.code}, got ${got}`];
  }
  if (method === "HEAD") {
    return res.body === "" ? [] : [`${cell}: HEAD answered with a body`];
  }
  let code: unknown;
  try {
    code = res.json().error?.code;
  } catch {
    code = undefined;
  }
  return code === exp.code ? [] : [`${cell}: expected code ${exp.code}, got ${got}`];
}

/** Any identifier of the other company in a response is a leak. */
function leaksIn(res: LightMyRequestResponse, p: Principal): string[] {
  const other = p.world === A ? B : A;
  return [...other.markers].filter((m) => res.body.includes(m));
}

/** Run every caller × target for one route (method may be HEAD, judged by its GET twin's rule). */
async function runRoute(method: string, path: string, spec: RouteSpec): Promise<string[]> {
  const problems: string[] = [];
  for (const p of principals) {
    const targets: (Target | null)[] = spec.target ? ["own", "foreign", "missing"] : [null];
    const responses = new Map<Target, LightMyRequestResponse>();
    for (const target of targets) {
      let rec: Rec | null = null;
      let url = path;
      if (spec.target && target) {
        const world = target === "own" ? p.world : target === "foreign" ? (p.world === A ? B : A) : null;
        rec = world ? await makeRecord(spec.target, world, p) : null;
        url = path.replace(":id", rec ? rec.id : randomUUID());
      }
      const before = rec ? await rec.read() : null;
      const res = await send(p, spec, method, url);
      const exp = expectation(spec, p, target);
      const cell = describeCell(method, url, p, target);
      stats.cells += 1;
      problems.push(...judge(res, exp, method, cell));
      const leaked = leaksIn(res, p);
      const crossTenant = target === "foreign";
      if (crossTenant) stats.crossTenant += 1;
      if (leaked.length > 0 || (crossTenant && res.statusCode >= 200 && res.statusCode < 300)) {
        stats.leaks += 1;
        problems.push(`${cell}: LEAK (status ${res.statusCode}; other company's identifiers in body: ${JSON.stringify(leaked)})`);
      }
      if (rec && before !== null && (res.statusCode < 200 || res.statusCode >= 300)) {
        const after = await rec.read();
        if (after !== before) problems.push(`${cell}: refused with ${res.statusCode} but the record changed`);
      }
      if (target) responses.set(target, res);
    }
    const foreign = responses.get("foreign");
    const missing = responses.get("missing");
    if (foreign && missing && (foreign.statusCode !== missing.statusCode || foreign.body !== missing.body)) {
      problems.push(
        `${describeCell(method, path, p, null)}: another company's record is distinguishable from a missing one: ` +
          `${foreign.statusCode} ${foreign.body.slice(0, 120)} vs ${missing.statusCode} ${missing.body.slice(0, 120)}`,
      );
    }
  }
  return problems;
}

function cellsFor(route: ApiRoute): number {
  return principals.length * (route.params.length > 0 ? 3 : 1);
}

// ─── Tests ────────────────────────────────────────────────────────────────────────────────────────────

describe("authorization matrix", () => {
  beforeAll(async () => {
    const t0 = Date.now();
    h = await createHarness();
    console.info(`harness ${Date.now() - t0} ms`);
    routes = await collectApiRoutes(h.app.deps);
    A = await makeWorld("A");
    B = await makeWorld("B");
    const members: Principal[] = [];
    for (const role of ALL_ROLES) {
      const caller = role === "owner" ? A.owner : await addCaller(h, A.tenantId, role);
      A.markers.add(caller.userId).add(caller.email).add(caller.token);
      members.push({ label: `A ${role}`, via: "session", role, world: A, caller });
    }
    members.push({ label: "B owner", via: "session", role: "owner", world: B, caller: B.owner });
    principals = [
      { label: "anonymous", via: "anonymous", role: null, world: A, caller: null },
      ...members,
      ...members.map((m) => ({ ...m, via: "token" as const })),
    ];
    stats.startedAt = Date.now();
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  describe("meta", () => {
    it("the role list is the domain's: a new role must be placed in the table", () => {
      expect([...ROLES].sort()).toEqual([...ALL_ROLES].sort());
    });

    it("the table names every route of the router, and no route that no longer exists", () => {
      const routerKeys = new Set(routes.filter((r) => r.method !== "HEAD").map((r) => r.key));
      expect(routerKeys.size).toBeGreaterThan(0);
      const missingFromTable = [...routerKeys].filter((k) => !(k in TABLE)).sort();
      const notInRouter = Object.keys(TABLE)
        .filter((k) => !routerKeys.has(k))
        .sort();
      expect({ missingFromTable, notInRouter }).toEqual({ missingFromTable: [], notInRouter: [] });
    });

    it("every HEAD route is the twin of a GET route in the table", () => {
      const orphans = routes.filter((r) => r.method === "HEAD" && !(`GET ${r.url}` in TABLE)).map((r) => r.key);
      expect(orphans).toEqual([]);
    });

    it("every API route declares config.access (the hook lets undeclared routes through)", () => {
      expect(routes.filter((r) => r.access === undefined).map((r) => r.key)).toEqual([]);
    });

    it("routes with path parameters name the fixture that creates their record", () => {
      const bad = routes
        .filter((r) => r.params.length > 0)
        .filter((r) => r.params.join(",") !== "id" || !TABLE[r.key.startsWith("HEAD ") ? `GET ${r.url}` : r.key]?.target)
        .map((r) => r.key);
      expect(bad).toEqual([]);
    });
  });

  describe("every route × every caller × every target", () => {
    for (const [key, spec] of Object.entries(TABLE)) {
      it(key, async () => {
        const [method = "", path = ""] = key.split(" ");
        expect(
          routes.some((r) => r.key === key),
          `${key} is not a route of the router`,
        ).toBe(true);
        const problems = await runRoute(method, path, spec);
        expect(problems).toEqual([]);
      });
    }

    it("HEAD twins of GET routes obey the GET rule", async () => {
      const heads = routes.filter((r) => r.method === "HEAD");
      expect(heads.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const route of heads) {
        const spec = TABLE[`GET ${route.url}`];
        if (!spec) {
          problems.push(`${route.key} has no GET twin in the table`);
          continue;
        }
        problems.push(...(await runRoute("HEAD", route.url, spec)));
      }
      expect(problems).toEqual([]);
    });
  });

  it("covered every cell with zero cross-tenant leaks", () => {
    const expectedCells = routes.reduce((n, r) => n + cellsFor(r), 0);
    const seconds = ((Date.now() - stats.startedAt) / 1000).toFixed(1);
    console.info(
      `[authz-matrix ${h.kind}] ${routes.length} routes (${routes.filter((r) => r.method === "HEAD").length} HEAD) × ` +
        `${principals.length} callers; ${stats.cells} cells (${stats.crossTenant} cross-tenant), ${stats.requests} requests, ` +
        `${stats.leaks} leaks, ${seconds} s`,
    );
    expect(stats.cells).toBe(expectedCells);
    expect(stats.crossTenant).toBeGreaterThan(0);
    expect(stats.leaks).toBe(0);
  });
});
