import { criteriaFor, MSC_LIBRARY } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { insertEvidenceRows } from "./security-profile.fixtures.ts";

const STATUSES = ["implemented", "partial", "not_implemented", "not_applicable", "not_assessed"] as const;
type Status = (typeof STATUSES)[number];
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const counts = () => ({ total: 0, implemented: 0, partial: 0, not_implemented: 0, not_applicable: 0, not_assessed: 0 });

/** What the test itself decided for each criterion, to derive every expected number without the API. */
interface Planned {
  id: string;
  categoryId: number;
  level: "must" | "should";
  status: Status;
  approved: boolean;
  reviewed: "overdue" | "recent" | "never";
  links: number;
  /** False: no row at all (a criterion nobody answered yet), which must read as not assessed. */
  saved: boolean;
}

describe("security profile: gap dashboard and filters", () => {
  let h: Harness;
  let owner: Caller;
  let other: Caller;
  const types = ["importer", "highway-carrier"] as const;
  let plan: Planned[];

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    other = await createTenantFixture(h);
    await h.rawQuery("UPDATE tenants SET entity_types = $2, anniversary_date = '2026-03-15' WHERE id = $1", [owner.tenantId, types]);
    const applicable = criteriaFor(types, { on: today() });
    plan = applicable.map((c, n) => {
      const status = STATUSES[n % STATUSES.length] as Status;
      const saved = !(status === "not_assessed" && n % 2 === 0);
      return {
        id: c.criterion.id,
        categoryId: c.criterion.categoryId,
        level: c.level,
        status,
        // Every other N/A is approved (for a Should that is just a recorded approval).
        approved: n % 10 === 3,
        reviewed: !saved ? "never" : n % 3 === 0 ? "overdue" : n % 3 === 1 ? "recent" : "never",
        links: n % 4 === 0 ? 1 : n % 7 === 0 ? 2 : 0,
        saved,
      };
    });
    expect(plan.some((p) => !p.saved)).toBe(true);
    // One statement for every saved answer; the evidence rows one by one (few).
    const saved = plan.filter((p) => p.saved);
    await h.rawQuery(
      `INSERT INTO profile_items (tenant_id, criterion_id, status, narrative, na_justification, na_approved_at, last_reviewed_on)
       SELECT $1, id, status, 'How we do it.', CASE WHEN status = 'not_applicable' THEN 'Not part of our operation at all.' END,
         CASE WHEN status = 'not_applicable' AND approved THEN now() END, reviewed
       FROM unnest($2::text[], $3::text[], $4::boolean[], $5::date[]) AS x(id, status, approved, reviewed)`,
      [
        owner.tenantId,
        saved.map((p) => p.id),
        saved.map((p) => p.status),
        saved.map((p) => p.approved),
        saved.map((p) => (p.reviewed === "overdue" ? daysAgo(400) : p.reviewed === "recent" ? daysAgo(10) : null)),
      ],
    );
    for (const p of plan) {
      for (let k = 0; k < p.links; k += 1) {
        await insertEvidenceRows(h.rawQuery, { tenantId: owner.tenantId, title: `Proof ${p.id} ${k}`, criterionIds: [p.id] });
      }
    }
    // Noise that must not count: archived evidence, links to criteria that do not apply, another company's evidence.
    const first = plan.find((p) => p.links === 0) as Planned;
    await insertEvidenceRows(h.rawQuery, { tenantId: owner.tenantId, title: "Archived", criterionIds: [first.id], archived: true });
    await insertEvidenceRows(h.rawQuery, { tenantId: owner.tenantId, title: "Air only", criterionIds: ["6.4"] });
    await insertEvidenceRows(h.rawQuery, { tenantId: other.tenantId, title: "Theirs", criterionIds: plan.map((p) => p.id) });
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  const naPending = (p: Planned) => p.status === "not_applicable" && p.level === "must" && !p.approved;
  const isOverdue = (p: Planned) => p.reviewed === "overdue" || (p.reviewed === "never" && p.status !== "not_assessed");
  const mustNotMet = (p: Planned) => p.level === "must" && p.status !== "implemented" && !(p.status === "not_applicable" && p.approved);
  const noEvidence = (p: Planned) => (p.status === "implemented" || p.status === "partial") && p.links === 0;

  it("computes the dashboard from the company's answers", async () => {
    const res = await owner.request("GET", "/api/security-profile/gaps");
    expect(res.statusCode).toBe(200);
    const gaps = res.json();

    const totals = counts();
    for (const p of plan) {
      totals.total += 1;
      totals[p.status] += 1;
    }
    expect(gaps.totals).toEqual(totals);
    expect(totals.total).toBe(criteriaFor(types).length);
    for (const s of STATUSES) expect(totals[s]).toBeGreaterThan(0);

    const focusOf = new Map(MSC_LIBRARY.categories.map((c) => [c.id, c.focusAreaId]));
    for (const f of MSC_LIBRARY.focusAreas) {
      const must = counts();
      const should = counts();
      for (const p of plan.filter((x) => focusOf.get(x.categoryId) === f.id)) {
        const c = p.level === "must" ? must : should;
        c.total += 1;
        c[p.status] += 1;
      }
      expect(gaps.byFocusArea.find((x: { focusAreaId: string }) => x.focusAreaId === f.id)).toEqual({
        focusAreaId: f.id,
        name: f.name,
        must,
        should,
      });
    }
    expect(gaps.byCategory.map((c: { categoryId: number }) => c.categoryId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const cat of MSC_LIBRARY.categories) {
      const mine = plan.filter((p) => p.categoryId === cat.id);
      const entry = gaps.byCategory.find((c: { categoryId: number }) => c.categoryId === cat.id);
      expect(entry.must.total + entry.should.total).toBe(mine.length);
      expect(entry.must.implemented).toBe(mine.filter((p) => p.level === "must" && p.status === "implemented").length);
      expect(entry.should.not_applicable).toBe(mine.filter((p) => p.level === "should" && p.status === "not_applicable").length);
      expect(entry.evidenceLinks).toBe(mine.reduce((n, p) => n + p.links, 0));
    }

    expect(gaps.attention).toEqual({
      mustsNotMet: plan.filter(mustNotMet).length,
      noEvidence: plan.filter(noEvidence).length,
      reviewOverdue: plan.filter(isOverdue).length,
      naPending: plan.filter(naPending).length,
    });
    expect(gaps.attention.naPending).toBeGreaterThan(0);

    // Score: N/A that stands is out of the base; a pending Must N/A stays in it, not met; partial counts half.
    const base = plan.filter((p) => !(p.status === "not_applicable" && !naPending(p)));
    const met = base.filter((p) => p.status === "implemented").length + base.filter((p) => p.status === "partial").length / 2;
    expect(gaps.score).toBe(Math.round((met / base.length) * 1000) / 10);
  });

  it("filters the list by each shortcut, status, level, category, focus area and text", async () => {
    const ids = async (query: string) => {
      const res = await owner.request("GET", `/api/security-profile?${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.json().total).toBe(res.json().items.length);
      return res.json().items.map((i: { criterionId: string }) => i.criterionId);
    };
    const want = (f: (p: Planned) => boolean) => plan.filter(f).map((p) => p.id);
    expect(await ids("filter=musts-not-met")).toEqual(want(mustNotMet));
    expect(await ids("filter=no-evidence")).toEqual(want(noEvidence));
    expect(await ids("filter=review-overdue")).toEqual(want(isOverdue));
    expect(await ids("filter=na-pending")).toEqual(want(naPending));
    expect(await ids("status=partial")).toEqual(want((p) => p.status === "partial"));
    expect(await ids("status=not_assessed&level=should")).toEqual(want((p) => p.status === "not_assessed" && p.level === "should"));
    expect(await ids("categoryId=6")).toEqual(want((p) => p.categoryId === 6));
    const transport = new Set(MSC_LIBRARY.categories.filter((c) => c.focusAreaId === "transportation-security").map((c) => c.id));
    expect(await ids("focusAreaId=transportation-security")).toEqual(want((p) => transport.has(p.categoryId)));
    expect(await ids("q=6.")).toEqual(want((p) => p.id.startsWith("6.")));
    const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const texts = new Map(
      MSC_LIBRARY.criteria.map((c) => [c.id, fold(`${c.requirement.en} ${c.guidance.en} ${c.requirement.es} ${c.guidance.es}`)]),
    );
    const sealWords = await ids(`q=${encodeURIComponent("seal ISO 17712")}`);
    expect(sealWords.length).toBeGreaterThan(0);
    expect(sealWords).toEqual(want((p) => ["seal", "iso", "17712"].every((w) => texts.get(p.id)?.includes(w))));
    expect(await ids("q=zzzzqqq")).toEqual([]);
    for (const bad of ["filter=everything", "status=done", "level=may", "categoryId=0", "focusAreaId=space", "page=2"]) {
      expect((await owner.request("GET", `/api/security-profile?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it("gives another company its own, empty dashboard", async () => {
    const theirs = (await other.request("GET", "/api/security-profile/gaps")).json();
    const expected = criteriaFor(["importer"]).length;
    expect(theirs.totals).toEqual({ ...counts(), total: expected, not_assessed: expected });
    expect(theirs.score).toBe(0);
    expect(theirs.attention).toEqual({
      mustsNotMet: criteriaFor(["importer"]).filter((c) => c.level === "must").length,
      noEvidence: 0,
      reviewOverdue: 0,
      naPending: 0,
    });
    // Their evidence links show on their categories only.
    expect(theirs.byCategory.reduce((n: number, c: { evidenceLinks: number }) => n + c.evidenceLinks, 0)).toBe(
      plan.filter((p) => criteriaFor(["importer"]).some((c) => c.criterion.id === p.id)).length,
    );
  });
});
