import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../auth/crypto.ts";
import { addCaller, type Caller, createTenantFixture, TEST_PASSWORD, unique } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";
import { collectApiRoutes, toOpenApiPath } from "./routes.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("authentication, sessions and HTTP hygiene", () => {
  let h: Harness;
  let owner: Caller;

  const login = (email: string, password: string, remoteAddress = "127.0.0.1") =>
    h.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress });

  /** The session a successful login set, as request headers. */
  const sessionOf = (res: LightMyRequestResponse) => {
    const session = res.cookies.find((c) => c.name === "pc_session");
    const csrf = res.cookies.find((c) => c.name === "pc_csrf");
    if (!session || !csrf) throw new Error(`login set no session cookies: ${res.statusCode} ${res.body}`);
    return {
      read: { cookie: `pc_session=${session.value}` },
      write: { cookie: `pc_session=${session.value}`, "x-csrf-token": csrf.value },
    };
  };

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  describe("login", () => {
    it("sets an HttpOnly SameSite session cookie and a readable CSRF cookie; only the session's hash is stored", async () => {
      const res = await login(owner.email, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      const session = res.cookies.find((c) => c.name === "pc_session");
      const csrf = res.cookies.find((c) => c.name === "pc_csrf");
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(session?.value.length).toBeGreaterThanOrEqual(32);
      expect(csrf?.httpOnly).not.toBe(true);
      expect(csrf).toMatchObject({ sameSite: "Strict", path: "/" });
      const body = res.json();
      expect(body).toMatchObject({ user: { email: owner.email }, tenant: { id: owner.tenantId }, role: "owner", via: "session" });
      expect(body.csrfToken).toBe(csrf?.value);
      expect(res.body).not.toContain(session?.value);

      const stored = await h.rawQuery<{ id_hash: string }>("SELECT id_hash FROM sessions WHERE user_id = $1", [owner.userId]);
      const hashes = stored.map((s) => s.id_hash);
      expect(hashes).toContain(sha256Hex(session?.value ?? ""));
      expect(hashes).not.toContain(session?.value);

      const { read, write } = sessionOf(res);
      expect((await h.app.inject({ method: "GET", url: "/api/auth/me", headers: read })).json().user.email).toBe(owner.email);
      const created = await h.app.inject({ method: "POST", url: "/api/tokens", headers: write, payload: { name: "from login" } });
      expect(created.statusCode).toBe(201);
      const noCsrf = await h.app.inject({ method: "POST", url: "/api/tokens", headers: read, payload: { name: "no csrf" } });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().error.code).toBe("csrf_failed");
      const wrongCsrf = await h.app.inject({
        method: "POST",
        url: "/api/tokens",
        headers: { ...read, "x-csrf-token": "x".repeat(32) },
        payload: { name: "wrong csrf" },
      });
      expect(wrongCsrf.statusCode).toBe(403);
    });

    it("answers a wrong password and an unknown e-mail with the same 401 body", async () => {
      const wrong = await login(owner.email, "not the password", "10.1.0.1");
      const unknown = await login(`${unique("nobody")}@example.test`, "not the password", "10.1.0.1");
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe("unauthenticated");
      expect(unknown.body).toBe(wrong.body);
      expect(wrong.cookies.filter((c) => c.name === "pc_session")).toEqual([]);
    });

    it("rate-limits 5 failures per address and e-mail with 429 + Retry-After, without locking the user out elsewhere", async () => {
      expect(h.config.loginMaxFailures).toBe(5);
      const victim = await addCaller(h, owner.tenantId, "analyst");
      const attacker = "10.66.0.1";
      for (let i = 0; i < 5; i += 1) {
        const res = await login(victim.email, `wrong-${i}`, attacker);
        expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
      }
      // Even the right password is refused from that address now.
      const limited = await login(victim.email, TEST_PASSWORD, attacker);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("rate_limited");
      const retryAfter = Number(limited.headers["retry-after"]);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(h.config.loginWindowMs / 1000);
      expect(limited.json().error.details).toEqual({ retryAfterSeconds: retryAfter });

      // The real user, from their own address, still signs in.
      const elsewhere = await login(victim.email, TEST_PASSWORD, "10.77.0.1");
      expect(elsewhere.statusCode).toBe(200);
      // And the attacker's address can still sign in someone else (the count is per address + e-mail).
      const other = await login(owner.email, TEST_PASSWORD, attacker);
      expect(other.statusCode).toBe(200);
    });
  });

  describe("ending access at once", () => {
    it("logout ends the session: the very next request is 401", async () => {
      const s = sessionOf(await login(owner.email, TEST_PASSWORD));
      expect((await h.app.inject({ method: "GET", url: "/api/auth/me", headers: s.read })).statusCode).toBe(200);
      const out = await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: s.write });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === "pc_session")?.value).toBe("");
      const after = await h.app.inject({ method: "GET", url: "/api/auth/me", headers: s.read });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe("unauthenticated");
    });

    it("an expired session is refused", async () => {
      const res = await login(owner.email, TEST_PASSWORD);
      const s = sessionOf(res);
      const id = res.cookies.find((c) => c.name === "pc_session")?.value ?? "";
      await h.rawQuery("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1", [sha256Hex(id)]);
      expect((await h.app.inject({ method: "GET", url: "/api/auth/me", headers: s.read })).statusCode).toBe(401);
    });

    it("deactivating a member ends their session and their API token at once", async () => {
      const member = await addCaller(h, owner.tenantId, "inspector");
      expect((await member.request("GET", "/api/sites")).statusCode).toBe(200);
      expect((await member.requestWithToken("GET", "/api/sites")).statusCode).toBe(200);
      const res = await owner.request("PATCH", `/api/users/${member.userId}`, { active: false });
      expect(res.statusCode).toBe(200);
      expect(res.json().active).toBe(false);
      const bySession = await member.request("GET", "/api/sites");
      const byToken = await member.requestWithToken("GET", "/api/sites");
      expect([bySession.statusCode, byToken.statusCode]).toEqual([401, 401]);
      // Signing in again gives no way back into the company.
      const again = await login(member.email, TEST_PASSWORD, "10.2.0.1");
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ tenant: null, role: null, memberships: [] });
      const s = sessionOf(again);
      expect((await h.app.inject({ method: "GET", url: "/api/sites", headers: s.read })).statusCode).toBe(403);
    });

    it("a revoked API token is refused on its next use", async () => {
      const created = await owner.request("POST", "/api/tokens", { name: "short-lived" });
      expect(created.statusCode).toBe(201);
      const { token, item } = created.json();
      const use = () => h.app.inject({ method: "GET", url: "/api/sites", headers: { authorization: `Bearer ${token}` } });
      expect((await use()).statusCode).toBe(200);
      expect((await owner.request("DELETE", `/api/tokens/${item.id}`)).statusCode).toBe(204);
      const after = await use();
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe("unauthenticated");
    });

    it("a malformed Authorization header is 401, not a fallback to the cookie", async () => {
      const res = await h.app.inject({ method: "GET", url: "/api/sites", headers: { cookie: owner.cookie, authorization: "Basic abc" } });
      expect(res.statusCode).toBe(401);
    });
  });

  describe("switching company", () => {
    it("refuses a company the user does not belong to with 404, indistinguishable from a missing one", async () => {
      const stranger = await createTenantFixture(h);
      const foreign = await owner.request("POST", "/api/auth/switch-tenant", { tenantId: stranger.tenantId });
      const missing = await owner.request("POST", "/api/auth/switch-tenant", { tenantId: randomUUID() });
      const junk = await owner.request("POST", "/api/auth/switch-tenant", { tenantId: "not-a-uuid" });
      expect(foreign.statusCode).toBe(404);
      expect(missing.body).toBe(foreign.body);
      expect(junk.body).toBe(foreign.body);
      expect((await owner.request("GET", "/api/auth/me")).json().tenant.id).toBe(owner.tenantId);
    });

    it("moves the session to a company the user belongs to", async () => {
      const s = sessionOf(await login(owner.email, TEST_PASSWORD));
      const created = await h.app.inject({
        method: "POST",
        url: "/api/tenants",
        headers: s.write,
        payload: { legalName: unique("Second Co"), entityTypes: ["highway-carrier"] },
      });
      expect(created.statusCode).toBe(201);
      const second = created.json().id;
      const switched = await h.app.inject({
        method: "POST",
        url: "/api/auth/switch-tenant",
        headers: s.write,
        payload: { tenantId: second },
      });
      expect(switched.statusCode).toBe(200);
      expect(switched.json()).toMatchObject({ tenant: { id: second }, role: "owner" });
      const me = await h.app.inject({ method: "GET", url: "/api/tenant", headers: s.read });
      expect(me.json().id).toBe(second);
    });
  });

  describe("HTTP hygiene", () => {
    it("sends security headers and no-store on every API response, success or error", async () => {
      const responses = [
        await owner.request("GET", "/api/sites"),
        await h.app.inject({ method: "GET", url: "/api/sites" }),
        await h.app.inject({ method: "GET", url: "/api/nope" }),
        await h.app.inject({ method: "GET", url: "/api/health" }),
      ];
      for (const res of responses) {
        const csp = String(res.headers["content-security-policy"] ?? "");
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["x-frame-options"]).toBe("DENY");
        expect(res.headers["referrer-policy"]).toBe("no-referrer");
        expect(res.headers["cache-control"]).toBe("no-store");
      }
    });

    it("gives every response its own x-request-id and ignores one sent by the client", async () => {
      const a = await h.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "chosen-by-client" } });
      const b = await h.app.inject({ method: "GET", url: "/api/health" });
      expect(String(a.headers["x-request-id"])).toMatch(UUID);
      expect(String(b.headers["x-request-id"])).toMatch(UUID);
      expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"]);
    });

    it("GET /api/health answers ok with exactly its documented fields", async () => {
      const res = await h.app.inject({ method: "GET", url: "/api/health" });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(["database", "status", "uptimeSeconds", "version"]);
      expect(body).toMatchObject({ status: "ok", database: h.kind === "pglite" ? "embedded" : "postgres", version: "test" });
      expect(Number.isInteger(body.uptimeSeconds) && body.uptimeSeconds >= 0).toBe(true);
    });

    it("/api/openapi.json is OpenAPI 3.1 and documents every API route of the router", async () => {
      const res = await h.app.inject({ method: "GET", url: "/api/openapi.json" });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\.1\./);
      const routes = (await collectApiRoutes(h.app.deps)).filter((r) => r.method !== "HEAD");
      expect(routes.length).toBeGreaterThan(20);
      const undocumented = routes.filter((r) => !doc.paths?.[toOpenApiPath(r.url)]?.[r.method.toLowerCase()]).map((r) => r.key);
      expect(undocumented).toEqual([]);
      // And nothing documented that the router does not serve.
      const served = new Set(routes.map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.url)}`));
      const phantom = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
          .map((m) => `${m} ${p}`)
          .filter((k) => !served.has(k)),
      );
      expect(phantom).toEqual([]);
    });

    it("answers a malformed URL or an over-long path id in the error shape, with the security headers", async () => {
      for (const url of ["/api/sites/%zz", "/api/sites/%ED%A0%80", `/api/sites/${"x".repeat(250)}`]) {
        const res = await owner.request("GET", url);
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toEqual({ error: { code: "bad_request", message: expect.any(String), details: null } });
        expect(res.body).not.toContain(url.slice(11));
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["cache-control"]).toBe("no-store");
        expect(String(res.headers["content-security-policy"])).toContain("default-src 'self'");
        expect(String(res.headers["x-request-id"])).toMatch(UUID);
      }
    });

    it("answers an unknown route or method with a JSON 404 route_not_found", async () => {
      for (const [method, url] of [
        ["GET", "/api/does-not-exist"],
        ["PUT", "/api/sites"],
        ["GET", "/api/sites/a/b/c"],
      ] as const) {
        const res = await owner.request(method, url);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers["content-type"]).toMatch(/application\/json/);
        expect(res.json()).toEqual({ error: { code: "route_not_found", message: expect.any(String), details: null } });
      }
    });
  });
});
