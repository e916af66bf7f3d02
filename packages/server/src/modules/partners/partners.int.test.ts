import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { auditActions, createPartnerFixture, partnerState } from "./partners.fixtures.ts";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("partner registry: partners", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
  });
  afterAll(() => h?.close());

  it("creates a prospect with normalized identifiers, contacts and a first history row, audited", async () => {
    const res = await owner.request("POST", "/api/partners", {
      name: "Maquiladora Norteña",
      legalName: "Maquiladora Norteña S.A. de C.V.",
      type: "manufacturer",
      countryCode: "MX",
      externalKey: "SUP-001",
      riskLevel: "high",
      identifiers: [
        { kind: "rfc", value: "mno-940512-ab1" },
        { kind: "mid", value: "1234567890123456" },
        { kind: "rfc", value: "MNO940512AB1" },
      ],
      contacts: [{ name: "Ana Ruiz", email: "ana@norte.example", role: "Security" }, { name: "Luis Paz" }],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: "Maquiladora Norteña",
      status: "prospect",
      riskLevel: "high",
      certified: "none",
      questionnaireWaived: false,
      rescreenDueOn: null,
      rescreenOverdue: false,
      externalKey: "SUP-001",
    });
    // The duplicate RFC collapsed; the MID that does not fit the uncertain format is kept with a warning.
    expect(p.identifiers).toEqual([
      { kind: "mid", value: "1234567890123456", warning: expect.stringMatching(/not confirmed/) },
      { kind: "rfc", value: "MNO940512AB1", warning: null },
    ]);
    expect(p.contacts.map((c: { name: string }) => c.name)).toEqual(["Ana Ruiz", "Luis Paz"]);
    expect(p.statusHistory).toEqual([
      { from: null, to: "prospect", reason: null, by: { id: owner.userId, displayName: expect.any(String) }, at: expect.any(String) },
    ]);
    expect(await auditActions(owner, "partner", p.id)).toEqual(["partner.create"]);
    const again = await owner.request("GET", `/api/partners/${p.id}`);
    expect(again.json().identifiers).toEqual(p.identifiers);
  });

  it("refuses an identifier that breaks a format we are sure of: 400 naming it, nothing written", async () => {
    const before = await partnerState(h, owner.tenantId);
    const res = await owner.request("POST", "/api/partners", {
      name: "Carrier",
      type: "highway-carrier",
      countryCode: "US",
      identifiers: [
        { kind: "scac", value: "ABCD" },
        { kind: "scac", value: "AB1" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.message).toMatch(/scac "AB1"/);
    expect(res.json().error.details.issues[0].path).toEqual(["body", "identifiers", 1, "value"]);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
  });

  it("rejects every bad body with 400 and writes nothing", async () => {
    const id = await createPartnerFixture(owner);
    const before = await partnerState(h, owner.tenantId);
    const bodies = [
      { name: "A", type: "manufacturer", countryCode: "XX" },
      { name: "A", type: "shipyard", countryCode: "MX" },
      { name: "", type: "manufacturer", countryCode: "MX" },
      { name: "A\u0000B", type: "manufacturer", countryCode: "MX" },
      { name: "A", type: "manufacturer", countryCode: "MX", color: "red" },
      { name: "A", type: "manufacturer", countryCode: "MX", riskLevel: "extreme" },
      { name: "A", type: "manufacturer", countryCode: "MX", contacts: [{ name: "X", email: "not-an-email" }] },
      { name: "A", type: "manufacturer", countryCode: "MX", identifiers: [{ kind: "passport", value: "X1" }] },
      { name: "A", type: "manufacturer", countryCode: "MX", identifiers: [{ kind: "duns", value: "12345678" }] },
    ];
    for (const body of bodies) {
      const res = await owner.request("POST", "/api/partners", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const patch = await owner.request("PATCH", `/api/partners/${id}`, { identifiers: [{ kind: "fmc", value: "12345" }] });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.message).toMatch(/fmc "12345"/);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
  });

  it("keeps external keys unique per company (409, nothing written)", async () => {
    const key = `K-${Date.now()}`;
    const first = await createPartnerFixture(owner, { externalKey: key });
    const other = await createPartnerFixture(owner);
    const before = await partnerState(h, owner.tenantId);
    const dup = await owner.request("POST", "/api/partners", { name: "Dup", type: "3pl", countryCode: "US", externalKey: key });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("conflict");
    const steal = await owner.request("PATCH", `/api/partners/${other}`, { externalKey: key });
    expect(steal.statusCode).toBe(409);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    // Its own key again is fine.
    expect((await owner.request("PATCH", `/api/partners/${first}`, { externalKey: key })).statusCode).toBe(200);
  });

  it("updates fields, replaces identifier and contact lists, and audits before/after", async () => {
    const id = await createPartnerFixture(owner, {
      identifiers: [{ kind: "duns", value: "150483782" }],
      contacts: [{ name: "Old Contact" }],
    });
    const res = await owner.request("PATCH", `/api/partners/${id}`, {
      website: "https://norte.example",
      notes: "Visited in May",
      identifiers: [{ kind: "ein", value: "12-3456789" }],
      contacts: [{ name: "New One", phone: "+52 656 555 0101" }, { name: "New Two" }],
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ website: "https://norte.example", notes: "Visited in May" });
    expect(p.identifiers).toEqual([{ kind: "ein", value: "123456789", warning: null }]);
    expect(p.contacts.map((c: { name: string }) => c.name)).toEqual(["New One", "New Two"]);
    const rows = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM partner_contacts WHERE partner_id = $1", [id]);
    expect(rows[0]?.n).toBe(2);
    // Omitted lists stay as they are.
    const keep = await owner.request("PATCH", `/api/partners/${id}`, { name: "Renamed" });
    expect(keep.json().contacts).toHaveLength(2);
    expect(await auditActions(owner, "partner", id)).toEqual(["partner.create", "partner.update", "partner.update"]);
  });

  it("lists with search (name or identifier), filters and paging; archived partners only on request", async () => {
    const tag = `Zq${Date.now()}`;
    const a = await createPartnerFixture(owner, { name: `${tag} Alpha`, type: "sea-carrier", countryCode: "CN", riskLevel: "low" });
    await createPartnerFixture(owner, { name: `${tag} Beta`, type: "manufacturer", countryCode: "VN" });
    await createPartnerFixture(owner, { name: "Unrelated", identifiers: [{ kind: "tax-id", value: `${tag}-TAX` }] });
    const all = await owner.request("GET", `/api/partners?q=${tag}&limit=2`);
    expect(all.json()).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(all.json().items).toHaveLength(2);
    const byType = await owner.request("GET", `/api/partners?q=${tag}&type=sea-carrier`);
    expect(byType.json().items.map((p: { id: string }) => p.id)).toEqual([a]);
    expect((await owner.request("GET", `/api/partners?q=${tag}&countryCode=vn`)).json().total).toBe(1);
    expect((await owner.request("GET", `/api/partners?q=${tag}&risk=low`)).json().total).toBe(1);
    expect((await owner.request("GET", `/api/partners?q=${tag}&status=prospect&certified=none`)).json().total).toBe(3);
    expect((await owner.request("GET", `/api/partners?q=${tag}&status=approved`)).json().total).toBe(0);
    const archived = await owner.request("POST", `/api/partners/${a}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await owner.request("GET", `/api/partners?q=${tag}`)).json().total).toBe(2);
    expect((await owner.request("GET", `/api/partners?q=${tag}&includeArchived=true`)).json().total).toBe(3);
    expect(await auditActions(owner, "partner", a)).toEqual(["partner.create", "partner.archive"]);
    for (const bad of ["certified=gold", "risk=extreme", "status=lost", "limit=0", "rescreenDue=maybe"]) {
      expect((await owner.request("GET", `/api/partners?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it("moves through the status machine, with history, approver roles and 422 for illegal moves", async () => {
    const id = await createPartnerFixture(owner);
    const move = (c: Caller, to: string, reason = `to ${to}`) => c.request("POST", `/api/partners/${id}/status`, { to, reason });
    // prospect → approved skips screening.
    let before = await partnerState(h, owner.tenantId);
    const skip = await move(owner, "approved");
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error).toMatchObject({ code: "rule_violation", details: { from: "prospect", to: "approved" } });
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    expect((await move(analyst, "screening")).statusCode).toBe(200);
    // An analyst may edit but not approve.
    before = await partnerState(h, owner.tenantId);
    const denied = await move(analyst, "approved");
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("forbidden");
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    expect((await move(owner, "approved", "Screened and cleared")).json().status).toBe("approved");
    expect((await move(analyst, "suspended")).statusCode).toBe(403);
    expect((await move(owner, "suspended")).json().status).toBe("suspended");
    // A suspended partner comes back only through a new screening.
    expect((await move(owner, "approved")).statusCode).toBe(422);
    expect((await move(analyst, "screening")).statusCode).toBe(200);
    expect((await move(analyst, "terminated")).statusCode).toBe(403);
    const end = await move(owner, "terminated", "Contract ended");
    expect(end.json().status).toBe("terminated");
    // Terminated is final, even for the owner; the same status is no move either.
    expect((await move(owner, "screening")).statusCode).toBe(422);
    expect((await move(owner, "terminated")).statusCode).toBe(422);
    expect(end.json().statusHistory.map((x: { from: string | null; to: string }) => `${x.from}>${x.to}`)).toEqual([
      "null>prospect",
      "prospect>screening",
      "screening>approved",
      "approved>suspended",
      "suspended>screening",
      "screening>terminated",
    ]);
    expect(end.json().statusHistory[2]).toMatchObject({ reason: "Screened and cleared", by: { id: owner.userId } });
    expect((await auditActions(owner, "partner", id)).filter((a) => a === "partner.status")).toHaveLength(5);
    // Reasons are required.
    expect((await owner.request("POST", `/api/partners/${id}/status`, { to: "screening" })).statusCode).toBe(400);
  });

  it("lets auditors read but not write; inspectors and partners get 403 on writes", async () => {
    const auditor = await addCaller(h, owner.tenantId, "auditor");
    const partnerRole = await addCaller(h, owner.tenantId, "partner");
    const id = await createPartnerFixture(owner);
    expect((await auditor.request("GET", `/api/partners/${id}`)).statusCode).toBe(200);
    expect((await auditor.request("GET", "/api/mra-programs")).statusCode).toBe(200);
    const before = await partnerState(h, owner.tenantId);
    expect((await auditor.request("PATCH", `/api/partners/${id}`, { name: "x" })).statusCode).toBe(403);
    expect((await partnerRole.request("GET", `/api/partners/${id}`)).statusCode).toBe(403);
    expect((await partnerRole.request("GET", "/api/partners")).statusCode).toBe(403);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
  });

  it("answers another company's partner exactly like a missing one, on every route, and changes nothing there", async () => {
    const other = await createTenantFixture(h);
    const theirs = await createPartnerFixture(other, { name: "Their Secret Supplier" });
    const mine = await createPartnerFixture(owner);
    const theirState = await partnerState(h, other.tenantId);
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/partners/:id"],
      ["PATCH", "/api/partners/:id", { name: "mine now" }],
      ["POST", "/api/partners/:id/status", { to: "screening", reason: "x" }],
      ["POST", "/api/partners/:id/archive"],
      ["GET", "/api/partners/:id/sites"],
      ["POST", "/api/partners/:id/sites", { name: "S", kind: "factory", countryCode: "MX" }],
      ["POST", "/api/partners/:id/certifications", { program: "ctpat" }],
      ["POST", "/api/partners/:id/screenings", { kind: "sanctions", result: "pass", indicators: [], performedOn: "2026-01-05" }],
      ["POST", "/api/partners/:id/suppliers", { supplierId: mine }],
      ["POST", "/api/partners/:id/suppliers/remove", { supplierId: mine }],
    ];
    for (const [method, path, body] of calls) {
      const foreign = await owner.request(method, path.replace(":id", theirs), body);
      const missing = await owner.request(method, path.replace(":id", MISSING), body);
      expect(foreign.statusCode, `${method} ${path}`).toBe(404);
      expect(foreign.body, `${method} ${path}`).toBe(missing.body);
      expect(foreign.body).not.toContain("Secret");
    }
    // Their partner as my supplier looks like a missing supplier.
    const asSupplier = await owner.request("POST", `/api/partners/${mine}/suppliers`, { supplierId: theirs });
    const missingSupplier = await owner.request("POST", `/api/partners/${mine}/suppliers`, { supplierId: MISSING });
    expect(asSupplier.statusCode).toBe(404);
    expect(asSupplier.body).toBe(missingSupplier.body);
    const list = await owner.request("GET", "/api/partners?q=Secret");
    expect(list.json().total).toBe(0);
    expect(await partnerState(h, other.tenantId)).toEqual(theirState);
    expect((await owner.request("GET", "/api/partners/not-a-uuid")).statusCode).toBe(404);
  });
});
