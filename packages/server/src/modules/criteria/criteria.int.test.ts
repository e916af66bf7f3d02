import { type Criterion, MSC_LIBRARY } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, anonymous, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

type View = { id: string; level: string | null; certainty: string; provenance: { sources: string[]; certainty: string } };

// Expected values come from the raw library data, not from the domain's search helpers the endpoint uses.
const ids = (list: readonly Criterion[]) => list.map((c) => c.id).sort();
const idsOf = (items: View[]) => items.map((v) => v.id).sort();

describe("criteria library API", () => {
  let h: Harness;
  let owner: Caller;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("lists the whole library with its edition, structure, and provenance and certainty on every item", async () => {
    const res = await owner.request("GET", "/api/criteria");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.library).toEqual({ version: MSC_LIBRARY.version, edition: MSC_LIBRARY.edition, publishedOn: MSC_LIBRARY.publishedOn });
    expect(body.focusAreas.map((f: { id: string }) => f.id)).toEqual(MSC_LIBRARY.focusAreas.map((f) => f.id));
    expect(body.categories).toHaveLength(12);
    expect(body.categories[5]).toMatchObject({ id: 6, focusAreaId: "transportation-security", nameEsCertainty: expect.any(String) });
    expect(body.total).toBe(MSC_LIBRARY.criteria.length);
    expect(idsOf(body.items)).toEqual(ids(MSC_LIBRARY.criteria));
    for (const item of body.items as View[]) {
      expect(item.certainty).toMatch(/^(verified|secondary|uncertain)$/);
      expect(item.provenance.sources.length).toBeGreaterThan(0);
      expect(item.provenance.certainty).toMatch(/^(verified|secondary|uncertain)$/);
    }
    // CBP order, numeric: 1.2 before 1.10 and 9.x before 10.x.
    const keys = (body.items as View[]).map((v) => v.id.split(".").map(Number) as [number, number]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
    expect(keys[0]).toEqual([1, 1]);
  });

  it("shows the strictest level without an entity type, and null where no source gives one", async () => {
    const body = (await owner.request("GET", "/api/criteria")).json();
    const byId = new Map((body.items as View[]).map((v) => [v.id, v]));
    for (const c of MSC_LIBRARY.criteria) {
      const levels = Object.values(c.applicability).map((a) => a?.level);
      const expected = levels.includes("must") ? "must" : levels.includes("should") ? "should" : null;
      expect(byId.get(c.id)?.level, c.id).toBe(expected);
    }
    expect(byId.get("6.4")).toMatchObject({ level: null, levelUnknown: [{ entityTypes: ["air-carrier"] }], certainty: "verified" });
  });

  it("filters by entity type, level and category", async () => {
    const carrier = (await owner.request("GET", "/api/criteria?entityType=highway-carrier&level=must")).json();
    const expected = MSC_LIBRARY.criteria.filter((c) => c.applicability["highway-carrier"]?.level === "must");
    expect(expected.length).toBeGreaterThan(5);
    expect(idsOf(carrier.items)).toEqual(ids(expected));
    expect(carrier.total).toBe(expected.length);
    for (const v of carrier.items as (View & { appliesTo: string[] })[]) {
      expect(v.level).toBe("must");
      expect(v.appliesTo).toContain("highway-carrier");
    }

    const importerShould = (await owner.request("GET", "/api/criteria?entityType=importer&level=should")).json();
    expect(idsOf(importerShould.items)).toEqual(ids(MSC_LIBRARY.criteria.filter((c) => c.applicability.importer?.level === "should")));

    // An entity type lists criteria with a known level and those tied to it without one (6.4 for air carriers).
    const air = (await owner.request("GET", "/api/criteria?entityType=air-carrier")).json();
    const airExpected = MSC_LIBRARY.criteria.filter(
      (c) => c.applicability["air-carrier"] || c.levelUnknown.some((u) => u.entityTypes.includes("air-carrier")),
    );
    expect(idsOf(air.items)).toEqual(ids(airExpected));

    const seals = (await owner.request("GET", "/api/criteria?categoryId=6")).json();
    expect(idsOf(seals.items)).toEqual(ids(MSC_LIBRARY.criteria.filter((c) => c.categoryId === 6)));
  });

  it("searches by ID prefix and by words in any order, accent-insensitive, per language", async () => {
    const prefix = (await owner.request("GET", "/api/criteria?q=6.")).json();
    expect(idsOf(prefix.items)).toEqual(ids(MSC_LIBRARY.criteria.filter((c) => c.id.startsWith("6."))));
    const exact = (await owner.request("GET", `/api/criteria?q=${encodeURIComponent("5.1")}`)).json();
    expect(exact.items[0].id).toBe("5.1");
    expect((exact.items as View[]).every((v) => v.id.startsWith("5.1"))).toBe(true);

    const accented = (await owner.request("GET", `/api/criteria?q=${encodeURIComponent("inspección")}`)).json();
    const plain = (await owner.request("GET", "/api/criteria?q=INSPECCION")).json();
    expect(accented.total).toBeGreaterThan(0);
    expect(idsOf(accented.items)).toEqual(idsOf(plain.items));

    const es = (await owner.request("GET", `/api/criteria?q=${encodeURIComponent("seguridad alta sello")}&lang=es`)).json();
    const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const esExpected = MSC_LIBRARY.criteria.filter((c) => {
      const cat = MSC_LIBRARY.categories.find((k) => k.id === c.categoryId);
      const hay = fold(`${c.requirement.es} ${c.guidance.es} ${cat?.name.es ?? ""}`);
      return ["seguridad", "alta", "sello"].every((w) => hay.includes(w));
    });
    expect(esExpected.length).toBeGreaterThan(0);
    expect(idsOf(es.items)).toEqual(ids(esExpected));
    // The same Spanish words searched in English find nothing that is not also in the English text.
    const en = (await owner.request("GET", `/api/criteria?q=${encodeURIComponent("sello")}&lang=en`)).json();
    expect(en.total).toBe(0);

    const none = (await owner.request("GET", "/api/criteria?q=zzzzqqq")).json();
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it("reads one criterion, with 404 for unknown or malformed IDs", async () => {
    const res = await owner.request("GET", "/api/criteria/6.2");
    expect(res.statusCode).toBe(200);
    const c = MSC_LIBRARY.criteria.find((x) => x.id === "6.2");
    expect(res.json()).toMatchObject({
      id: "6.2",
      categoryId: 6,
      focusAreaId: "transportation-security",
      level: "must",
      requirement: c?.requirement,
      provenance: c?.provenance,
      yearlyReview: false,
    });
    expect((await owner.request("GET", "/api/criteria/6.1")).json().yearlyReview).toBe(true);
    const missing = await owner.request("GET", "/api/criteria/99.1");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
    for (const bad of ["6.02", "abc", "%206.2", "6.2.1", "3.2", "x".repeat(90)]) {
      const r = await owner.request("GET", `/api/criteria/${bad}`);
      expect(r.statusCode, bad).toBe(404);
      expect(r.json().error.message).toBe(missing.json().error.message);
    }
  });

  it("answers any signed-in user, partners included, and refuses anonymous callers and bad queries", async () => {
    const partner = await addCaller(h, owner.tenantId, "partner");
    expect((await partner.request("GET", "/api/criteria/6.2")).statusCode).toBe(200);
    expect((await partner.requestWithToken("GET", "/api/criteria?categoryId=1")).statusCode).toBe(200);
    expect((await anonymous(h, "GET", "/api/criteria")).statusCode).toBe(401);
    expect((await anonymous(h, "GET", "/api/criteria/6.2")).statusCode).toBe(401);
    for (const q of ["level=maybe", "entityType=pirate", "categoryId=13", "lang=fr", "color=red"]) {
      const r = await owner.request("GET", `/api/criteria?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe("validation_failed");
    }
  });
});
