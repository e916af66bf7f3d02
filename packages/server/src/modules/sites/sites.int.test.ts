import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createSiteFixture, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

describe("sites", () => {
  let h: Harness;
  let owner: Caller;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
  });
  afterAll(() => h?.close());

  it("creates a site, returns it with an id, and records an audit event in the same chain", async () => {
    const res = await owner.request("POST", "/api/sites", {
      name: "Laredo DC",
      kind: "distribution-center",
      countryCode: "US",
      latitude: 27.5,
      longitude: -99.5,
    });
    expect(res.statusCode).toBe(201);
    const site = res.json();
    expect(site).toMatchObject({ name: "Laredo DC", kind: "distribution-center", countryCode: "US", latitude: 27.5, archived: false });
    const events = await owner.request("GET", `/api/audit/events?entityType=site&entityId=${site.id}`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual(["site.create"]);
    const verify = await owner.request("GET", "/api/audit/verify");
    expect(verify.json()).toMatchObject({ ok: true, break: null });
  });

  it("rejects an unknown country, unknown fields and NUL bytes with 400 and writes nothing", async () => {
    const before = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM sites WHERE tenant_id = $1", [owner.tenantId]);
    for (const body of [
      { name: "A", kind: "office", countryCode: "XX" },
      { name: "A", kind: "office", countryCode: "MX", color: "red" },
      { name: "A\u0000B", kind: "office", countryCode: "MX" },
      { name: "A", kind: "castle", countryCode: "MX" },
      // One coordinate alone cannot be put on the map.
      { name: "A", kind: "office", countryCode: "MX", latitude: 25.7 },
    ]) {
      const res = await owner.request("POST", "/api/sites", body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const after = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM sites WHERE tenant_id = $1", [owner.tenantId]);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("lists with paging and search, updates, archives and restores", async () => {
    const a = await createSiteFixture(owner, { name: "Zeta Yard" });
    await createSiteFixture(owner, { name: "Zeta Office", kind: "office" });
    const list = await owner.request("GET", "/api/sites?q=zeta&limit=1");
    expect(list.json()).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(list.json().items).toHaveLength(1);
    const upd = await owner.request("PATCH", `/api/sites/${a}`, { address: "Av. Reforma 1" });
    expect(upd.json().address).toBe("Av. Reforma 1");
    const half = await owner.request("PATCH", `/api/sites/${a}`, { longitude: -100.3 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details.issues[0].path).toEqual(["body", "latitude"]);
    expect((await owner.request("PATCH", `/api/sites/${a}`, { latitude: 25.7, longitude: -100.3 })).json()).toMatchObject({
      latitude: 25.7,
    });
    expect((await owner.request("POST", `/api/sites/${a}/archive`)).json().archived).toBe(true);
    expect((await owner.request("GET", "/api/sites?q=zeta")).json().total).toBe(1);
    expect((await owner.request("GET", "/api/sites?q=zeta&includeArchived=true")).json().total).toBe(2);
    expect((await owner.request("POST", `/api/sites/${a}/restore`)).json().archived).toBe(false);
  });

  it("answers another tenant's site exactly like a missing one", async () => {
    const other = await createTenantFixture(h);
    const theirs = await createSiteFixture(other);
    const foreign = await owner.request("GET", `/api/sites/${theirs}`);
    const missing = await owner.request("GET", "/api/sites/00000000-0000-4000-8000-000000000000");
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    const patch = await owner.request("PATCH", `/api/sites/${theirs}`, { name: "mine now" });
    expect(patch.statusCode).toBe(404);
  });

  it("lets an auditor read but not write, and refuses writes without the CSRF header", async () => {
    const auditor = await addCaller(h, owner.tenantId, "auditor");
    expect((await auditor.request("GET", "/api/sites")).statusCode).toBe(200);
    expect((await auditor.request("POST", "/api/sites", { name: "x", kind: "office", countryCode: "MX" })).statusCode).toBe(403);
    const noCsrf = await h.app.inject({
      method: "POST",
      url: "/api/sites",
      headers: { cookie: owner.cookie },
      payload: { name: "x", kind: "office", countryCode: "MX" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe("csrf_failed");
    const viaToken = await owner.requestWithToken("POST", "/api/sites", { name: "via token", kind: "office", countryCode: "MX" });
    expect(viaToken.statusCode).toBe(201);
  });
});
