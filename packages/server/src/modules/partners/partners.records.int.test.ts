import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";
import { addDaysIso, addMonthsIso, todayUtc } from "../procedures/review-interval.ts";
import { auditActions, createPartnerFixture, partnerState } from "./partners.fixtures.ts";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("partner registry: sites, certifications, screenings", () => {
  let h: Harness;
  let owner: Caller;
  const today = todayUtc();
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
  });
  afterAll(() => h?.close());

  it("adds, lists, updates and archives a partner's sites; coordinates go together", async () => {
    const id = await createPartnerFixture(owner);
    const res = await owner.request("POST", `/api/partners/${id}/sites`, {
      name: "Planta Juárez",
      kind: "factory",
      countryCode: "MX",
      latitude: 31.7,
      longitude: -106.4,
      externalKey: `PS-${id}`,
    });
    expect(res.statusCode).toBe(201);
    const site = res.json();
    expect(site).toMatchObject({ partnerId: id, name: "Planta Juárez", latitude: 31.7, longitude: -106.4, archived: false });
    const before = await partnerState(h, owner.tenantId);
    for (const body of [
      { name: "S", kind: "factory", countryCode: "MX", latitude: 91, longitude: 0 },
      { name: "S", kind: "factory", countryCode: "MX", latitude: 10, longitude: -181 },
      { name: "S", kind: "factory", countryCode: "MX", latitude: 10 },
      { name: "S", kind: "castle", countryCode: "MX" },
      { name: "S", kind: "factory", countryCode: "ZZ" },
    ]) {
      const bad = await owner.request("POST", `/api/partners/${id}/sites`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    // Clearing one coordinate of a placed site leaves half a point.
    const half = await owner.request("PATCH", `/api/partner-sites/${site.id}`, { longitude: null });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details.issues[0].path).toEqual(["body", "longitude"]);
    const dupKey = await owner.request("POST", `/api/partners/${id}/sites`, {
      name: "S",
      kind: "yard",
      countryCode: "MX",
      externalKey: `PS-${id}`,
    });
    expect(dupKey.statusCode).toBe(409);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    const moved = await owner.request("PATCH", `/api/partner-sites/${site.id}`, {
      latitude: null,
      longitude: null,
      address: "Parque Industrial",
    });
    expect(moved.json()).toMatchObject({ latitude: null, longitude: null, address: "Parque Industrial" });
    await owner.request("POST", `/api/partners/${id}/sites`, { name: "Bodega", kind: "warehouse", countryCode: "MX" });
    expect((await owner.request("POST", `/api/partner-sites/${site.id}/archive`)).json().archived).toBe(true);
    expect((await owner.request("GET", `/api/partners/${id}/sites`)).json()).toMatchObject({ total: 1, items: [{ name: "Bodega" }] });
    expect((await owner.request("GET", `/api/partners/${id}/sites?includeArchived=true`)).json().total).toBe(2);
    expect((await owner.request("GET", `/api/partners/${id}`)).json().sites.map((s: { name: string }) => s.name)).toEqual([
      "Bodega",
      "Planta Juárez",
    ]);
    expect(await auditActions(owner, "partner-site", site.id)).toEqual([
      "partner-site.create",
      "partner-site.update",
      "partner-site.archive",
    ]);
  });

  it("records certifications: program from the registry, next verification 12 months on, bad input refused", async () => {
    const id = await createPartnerFixture(owner);
    const res = await owner.request("POST", `/api/partners/${id}/certifications`, {
      program: "mx-oea",
      certificateId: "OEA-2024-0193",
      validFrom: "2024-03-01",
      validTo: addDaysIso(today, 400),
      lastVerifiedOn: "2025-02-28",
    });
    expect(res.statusCode).toBe(201);
    const cert = res.json();
    expect(cert).toMatchObject({
      program: "mx-oea",
      scheme: "mra",
      programName: expect.stringMatching(/NEEC/),
      status: "active",
      nextVerificationOn: "2026-02-28",
      active: true,
      expired: false,
    });
    const before = await partnerState(h, owner.tenantId);
    const bad = [
      { program: "iso-28000" },
      { program: "CTPAT" },
      { program: "ctpat", validFrom: "2025-05-01", validTo: "2025-04-30" },
      { program: "ctpat", lastVerifiedOn: addDaysIso(today, 5) },
      { program: "ctpat", status: "pending" },
      { program: "ctpat", validTo: "2025-02-30" },
    ];
    for (const body of bad) {
      const r = await owner.request("POST", `/api/partners/${id}/certifications`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe("validation_failed");
    }
    // validTo moved before the stored validFrom.
    expect((await owner.request("PATCH", `/api/partner-certifications/${cert.id}`, { validTo: "2024-01-01" })).statusCode).toBe(400);
    // Evidence of nobody (or of another company) is missing.
    const noEvidence = await owner.request("POST", `/api/partners/${id}/certifications`, { program: "ctpat", evidenceId: MISSING });
    expect(noEvidence.statusCode).toBe(404);
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
    const patched = await owner.request("PATCH", `/api/partner-certifications/${cert.id}`, { lastVerifiedOn: "2025-08-31" });
    expect(patched.json()).toMatchObject({ lastVerifiedOn: "2025-08-31", nextVerificationOn: "2026-08-31" });
    expect(await auditActions(owner, "partner-certification", cert.id)).toEqual([
      "partner-certification.create",
      "partner-certification.update",
    ]);
  });

  it("links a certification to the company's own evidence, and refuses another company's like a missing one", async () => {
    const upload = async (c: Caller) => {
      const m = new Multipart({
        title: "OEA certificate",
        file: { filename: "oea.txt", contentType: "text/plain", data: "certificate\n" },
      });
      return (await c.request("POST", "/api/evidence", m.payload, { "content-type": m.contentType })).json().id as string;
    };
    const other = await createTenantFixture(h);
    const theirs = await upload(other);
    const mine = await upload(owner);
    const id = await createPartnerFixture(owner);
    const ok = await owner.request("POST", `/api/partners/${id}/certifications`, { program: "ctpat", evidenceId: mine });
    expect(ok.json().evidenceId).toBe(mine);
    const foreign = await owner.request("POST", `/api/partners/${id}/certifications`, { program: "ctpat", evidenceId: theirs });
    const missing = await owner.request("POST", `/api/partners/${id}/certifications`, { program: "ctpat", evidenceId: MISSING });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    const patchForeign = await owner.request("PATCH", `/api/partner-certifications/${ok.json().id}`, { evidenceId: theirs });
    expect(patchForeign.body).toBe(missing.body);
  });

  it("derives the certified flag (ctpat > mra > expired > none), and the list filter agrees", async () => {
    const tag = `Cert${Date.now()}`;
    const mk = async (suffix: string, certs: Record<string, unknown>[]) => {
      const id = await createPartnerFixture(owner, { name: `${tag} ${suffix}` });
      for (const c of certs) expect((await owner.request("POST", `/api/partners/${id}/certifications`, c)).statusCode).toBe(201);
      return id;
    };
    const past = addDaysIso(today, -1);
    const ids = {
      ctpat: await mk("ctpat", [{ program: "mx-oea" }, { program: "ctpat", validTo: today }]),
      mra: await mk("mra", [
        { program: "jp-aeo", validTo: addDaysIso(today, 30) },
        { program: "ctpat", status: "revoked" },
      ]),
      expired: await mk("expired", [{ program: "ctpat", validFrom: "2020-01-01", validTo: past }]),
      expiredStatus: await mk("expired-status", [{ program: "eu-aeo", status: "expired" }]),
      none: await mk("none", [
        { program: "ctpat", status: "suspended" },
        { program: "kr-aeo", validFrom: addDaysIso(today, 10) },
      ]),
      bare: await mk("bare", []),
    };
    const flag = async (id: string) => (await owner.request("GET", `/api/partners/${id}`)).json().certified;
    expect(await flag(ids.ctpat)).toBe("ctpat");
    expect(await flag(ids.mra)).toBe("mra");
    expect(await flag(ids.expired)).toBe("expired");
    expect(await flag(ids.expiredStatus)).toBe("expired");
    expect(await flag(ids.none)).toBe("none");
    expect(await flag(ids.bare)).toBe("none");
    const filtered = async (certified: string) =>
      (await owner.request("GET", `/api/partners?q=${tag}&certified=${certified}`))
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort();
    expect(await filtered("ctpat")).toEqual([ids.ctpat]);
    expect(await filtered("mra")).toEqual([ids.mra]);
    expect(await filtered("expired")).toEqual([ids.expired, ids.expiredStatus].sort());
    expect(await filtered("none")).toEqual([ids.none, ids.bare].sort());
    const expiredCert = (await owner.request("GET", `/api/partners/${ids.expired}`)).json().certifications[0];
    expect(expiredCert).toMatchObject({ active: false, expired: true });
  });

  it("records screenings with indicator codes and moves the rescreen date by risk (6/12/24 months)", async () => {
    const high = await createPartnerFixture(owner, { riskLevel: "high" });
    const performedOn = addDaysIso(today, -10);
    const res = await owner.request("POST", `/api/partners/${high}/screenings`, {
      kind: "tbml",
      result: "concern",
      indicators: ["tbml.price-mismatch", "tbml.third-party-payments", "tbml.price-mismatch"],
      notes: "Invoices 40% under market",
      performedOn,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: "tbml",
      result: "concern",
      indicators: ["tbml.price-mismatch", "tbml.third-party-payments"],
      performedBy: { id: owner.userId },
      performedOn,
      rescreenDueOn: addMonthsIso(performedOn, 6),
    });
    // An older record entered late does not pull the date back.
    await owner.request("POST", `/api/partners/${high}/screenings`, {
      kind: "sanctions",
      result: "pass",
      performedOn: "2024-01-10",
    });
    const detail = (await owner.request("GET", `/api/partners/${high}`)).json();
    expect(detail.rescreenDueOn).toBe(addMonthsIso(performedOn, 6));
    expect(detail.screenings.map((s: { performedOn: string }) => s.performedOn)).toEqual([performedOn, "2024-01-10"]);
    // Lowering the risk stretches the interval from the latest screening.
    const low = await owner.request("PATCH", `/api/partners/${high}`, { riskLevel: "low" });
    expect(low.json().rescreenDueOn).toBe(addMonthsIso(performedOn, 24));
    const medium = await createPartnerFixture(owner);
    const m = await owner.request("POST", `/api/partners/${medium}/screenings`, {
      kind: "forced-labor",
      result: "fail",
      indicators: ["fl.retained-documents", "fl.no-code-of-conduct"],
      performedOn: "2025-01-31",
    });
    expect(m.json().rescreenDueOn).toBe("2026-01-31");
    expect((await owner.request("GET", `/api/partners/${medium}`)).json()).toMatchObject({ rescreenOverdue: "2026-01-31" < today });
    expect(await auditActions(owner, "partner-screening", m.json().id)).toEqual(["partner-screening.create"]);
  });

  it("refuses unknown indicator codes, kinds, results and future dates, writing nothing", async () => {
    const id = await createPartnerFixture(owner);
    const before = await partnerState(h, owner.tenantId);
    const base = { kind: "due-diligence", result: "pass", indicators: [], performedOn: today };
    for (const body of [
      { ...base, indicators: ["tbml.made-up"] },
      { ...base, indicators: ["TBML.PRICE-MISMATCH"] },
      { ...base, kind: "astrology" },
      { ...base, result: "maybe" },
      { ...base, performedOn: addDaysIso(today, 3) },
      { ...base, performedOn: "1899-12-31" },
      { kind: "due-diligence", result: "pass" },
    ]) {
      const r = await owner.request("POST", `/api/partners/${id}/screenings`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await partnerState(h, owner.tenantId)).toEqual(before);
  });

  it("filters partners whose rescreen is due within 30 days or overdue", async () => {
    const tag = `Due${Date.now()}`;
    const due = await createPartnerFixture(owner, { name: `${tag} due`, riskLevel: "high" });
    const later = await createPartnerFixture(owner, { name: `${tag} later`, riskLevel: "low" });
    await createPartnerFixture(owner, { name: `${tag} never` });
    await owner.request("POST", `/api/partners/${due}/screenings`, {
      kind: "sanctions",
      result: "pass",
      performedOn: addMonthsIso(today, -6),
    });
    await owner.request("POST", `/api/partners/${later}/screenings`, { kind: "sanctions", result: "pass", performedOn: today });
    const ids = async (q: string) =>
      (await owner.request("GET", `/api/partners?q=${tag}&${q}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids("rescreenDue=true")).toEqual([due]);
    expect(await ids("rescreenDue=false")).toHaveLength(2);
  });

  it("answers another company's site or certification exactly like a missing one", async () => {
    const other = await createTenantFixture(h);
    const theirPartner = await createPartnerFixture(other);
    const site = (
      await other.request("POST", `/api/partners/${theirPartner}/sites`, { name: "Their yard", kind: "yard", countryCode: "MX" })
    ).json();
    const cert = (await other.request("POST", `/api/partners/${theirPartner}/certifications`, { program: "ctpat" })).json();
    const theirState = await partnerState(h, other.tenantId);
    for (const [method, path, body] of [
      ["PATCH", `/api/partner-sites/:id`, { name: "mine" }],
      ["POST", `/api/partner-sites/:id/archive`, undefined],
      ["PATCH", `/api/partner-certifications/:id`, { status: "revoked" }],
    ] as const) {
      const target = path.startsWith("/api/partner-sites") ? site.id : cert.id;
      const foreign = await owner.request(method, path.replace(":id", target), body);
      const missing = await owner.request(method, path.replace(":id", MISSING), body);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).toBe(missing.body);
    }
    expect(await partnerState(h, other.tenantId)).toEqual(theirState);
  });
});
