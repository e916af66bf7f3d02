import { MRA_PROGRAMS } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../../db/tx.ts";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { collectReminders } from "../notifications/reminders.job.ts";
import { addDaysIso, addMonthsIso, todayUtc } from "../procedures/review-interval.ts";
import { auditActions, createPartnerFixture, partnerState } from "./partners.fixtures.ts";

describe("partner registry: tiers, questionnaire waiver, MRA registry, reminders", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  const today = todayUtc();
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
  });
  afterAll(() => h?.close());

  const addSupplier = (customer: string, supplier: string) =>
    owner.request("POST", `/api/partners/${customer}/suppliers`, { supplierId: supplier });

  it("links suppliers across tiers and shows suppliers and customers on each side", async () => {
    const importerSupplier = await createPartnerFixture(owner, { name: "Shenzhen Assembly" });
    const tier2 = await createPartnerFixture(owner, { name: "Ningbo Tooling" });
    const res = await addSupplier(importerSupplier, tier2);
    expect(res.statusCode).toBe(200);
    expect(res.json().suppliers.map((p: { id: string }) => p.id)).toEqual([tier2]);
    const detail = (await owner.request("GET", `/api/partners/${tier2}`)).json();
    expect(detail.customers).toEqual([
      { id: importerSupplier, name: "Shenzhen Assembly", type: "manufacturer", countryCode: "MX", status: "prospect", archived: false },
    ]);
    // The same relation twice is a conflict, not a second row.
    const before = await partnerState(h, owner.tenantId);
    expect((await addSupplier(importerSupplier, tier2)).statusCode).toBe(409);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    expect(await auditActions(owner, "partner", importerSupplier)).toEqual(["partner.create", "partner.supplier-add"]);
    const removed = await owner.request("POST", `/api/partners/${importerSupplier}/suppliers/remove`, { supplierId: tier2 });
    expect(removed.json().suppliers).toEqual([]);
    const again = await owner.request("POST", `/api/partners/${importerSupplier}/suppliers/remove`, { supplierId: tier2 });
    expect(again.statusCode).toBe(404);
  });

  it("refuses a relation that closes a loop (422 with the cycle) and changes nothing", async () => {
    const [a, b, c, d] = [
      await createPartnerFixture(owner, { name: "A" }),
      await createPartnerFixture(owner, { name: "B" }),
      await createPartnerFixture(owner, { name: "C" }),
      await createPartnerFixture(owner, { name: "D" }),
    ];
    // d supplies c, c supplies b, b supplies a.
    expect((await addSupplier(a, b)).statusCode).toBe(200);
    expect((await addSupplier(b, c)).statusCode).toBe(200);
    expect((await addSupplier(c, d)).statusCode).toBe(200);
    const before = await partnerState(h, owner.tenantId);
    // a supplying d would close d → c → b → a → d.
    const loop = await addSupplier(d, a);
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error).toMatchObject({ code: "rule_violation", details: { cycle: [a, d, c, b, a] } });
    const short = await addSupplier(b, a);
    expect(short.json().error.details.cycle).toEqual([a, b, a]);
    const self = await addSupplier(a, a);
    expect(self.statusCode).toBe(422);
    expect(self.json().error.details.cycle).toEqual([a, a]);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    // A diamond is not a loop: a may also get d directly.
    expect((await addSupplier(a, d)).statusCode).toBe(200);
  });

  it("waives the questionnaire only for approvers and only on an active CTPAT/MRA certification of that partner", async () => {
    const id = await createPartnerFixture(owner);
    const post = async (path: string, body: unknown, c: Caller = owner) =>
      (await c.request("POST", `/api/partners/${id}${path}`, body)).json();
    const active = await post("/certifications", {
      program: "mx-oea",
      certificateId: "OEA-77",
      validTo: addDaysIso(today, 200),
      lastVerifiedOn: "2025-01-15",
    });
    const lapsed = await post("/certifications", { program: "ctpat", validFrom: "2020-01-01", validTo: addDaysIso(today, -1) });
    const suspended = await post("/certifications", { program: "ctpat", status: "suspended" });
    const otherPartner = await createPartnerFixture(owner);
    const notTheirs = (await owner.request("POST", `/api/partners/${otherPartner}/certifications`, { program: "ctpat" })).json();
    const waive = (certificationId: string, c: Caller = owner) =>
      c.request("POST", `/api/partners/${id}/questionnaire-waiver`, { certificationId, reason: "OEA holder, verified in the SAT portal" });
    const before = await partnerState(h, owner.tenantId);
    expect((await waive(active.id, analyst)).statusCode).toBe(403);
    for (const cert of [lapsed, suspended]) {
      const r = await waive(cert.id);
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe("rule_violation");
    }
    const wrong = await waive(notTheirs.id);
    expect(wrong.statusCode).toBe(404);
    expect((await owner.request("POST", `/api/partners/${id}/questionnaire-waiver`, { certificationId: active.id })).statusCode).toBe(400);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    const ok = await waive(active.id);
    expect(ok.statusCode).toBe(200);
    const p = ok.json();
    expect(p).toMatchObject({
      questionnaireWaived: true,
      certified: "mra",
      questionnaireWaiver: { reason: "OEA holder, verified in the SAT portal", waivedAt: expect.any(String) },
    });
    // Relying on the certification verifies it today: the next verification moves a year out.
    const cert = p.certifications.find((c: { id: string }) => c.id === active.id);
    expect(cert).toMatchObject({ lastVerifiedOn: today, nextVerificationOn: addMonthsIso(today, 12) });
    const events = await h.rawQuery<{ action: string; after: Record<string, unknown> }>(
      "SELECT action, after FROM audit_events WHERE tenant_id = $1 AND entity_id = $2 ORDER BY seq",
      [owner.tenantId, id],
    );
    expect(events.at(-1)).toMatchObject({
      action: "partner.questionnaire-waive",
      after: { certificationId: active.id, program: "mx-oea" },
    });
    // The waiver lapses with the certification.
    await owner.request("PATCH", `/api/partner-certifications/${active.id}`, { status: "revoked" });
    const later = (await owner.request("GET", `/api/partners/${id}`)).json();
    expect(later).toMatchObject({ questionnaireWaived: false, certified: "expired" });
    expect(later.questionnaireWaiver).not.toBeNull();
  });

  it("serves the MRA registry with provenance to every internal member", async () => {
    const inspector = await addCaller(h, owner.tenantId, "inspector");
    const res = await inspector.request("GET", "/api/mra-programs");
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(MRA_PROGRAMS.length);
    expect(items.find((p: { id: string }) => p.id === "mx-oea")).toMatchObject({
      countryCode: "MX",
      certainty: "verified",
      disputed: null,
    });
    expect(items.find((p: { id: string }) => p.id === "jo-golden-list")).toMatchObject({
      certainty: "uncertain",
      disputed: expect.stringMatching(/2007/),
      sources: expect.arrayContaining([expect.any(String)]),
    });
  });

  it("reminds of lapsed certifications, due re-verifications and due rescreens, and skips archived partners", async () => {
    const tenant = await createTenantFixture(h);
    const p = await createPartnerFixture(tenant, { name: "Reminded", riskLevel: "high" });
    const archived = await createPartnerFixture(tenant, { name: "Gone" });
    const post = async (id: string, path: string, body: unknown) =>
      (await tenant.request("POST", `/api/partners/${id}${path}`, body)).json();
    const lapsed = await post(p, "/certifications", { program: "ctpat", validFrom: "2020-01-01", validTo: addDaysIso(today, -3) });
    const verifiedOn = addDaysIso(addMonthsIso(today, -12), 20);
    const reverify = await post(p, "/certifications", { program: "mx-oea", lastVerifiedOn: verifiedOn });
    await post(p, "/certifications", { program: "jp-aeo", lastVerifiedOn: today });
    const screenedOn = addDaysIso(addMonthsIso(today, -6), 10);
    await post(p, "/screenings", { kind: "sanctions", result: "pass", performedOn: screenedOn });
    await post(archived, "/certifications", { program: "ctpat", validTo: addDaysIso(today, -3) });
    await tenant.request("POST", `/api/partners/${archived}/archive`);
    const reminders = await withScope(h.db.kysely, { tenantId: tenant.tenantId }, (tx) => collectReminders(tx, tenant.tenantId, today));
    const mine = reminders
      .filter((r) => r.kind.startsWith("certification.") || r.kind.startsWith("partner."))
      .map((r) => [r.kind, r.subjectId, r.dueOn])
      .sort();
    expect(mine).toEqual(
      [
        ["certification.expired", lapsed.id, addDaysIso(today, -3)],
        ["certification.reverify-due", reverify.id, addMonthsIso(verifiedOn, 12)],
        ["partner.rescreen-due", p, addMonthsIso(screenedOn, 6)],
      ].sort(),
    );
  });
});
