import { criteriaFor, getCriterion } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { seedProfileDemo } from "./security-profile.demo.ts";
import { DEMO_ANSWERS } from "./security-profile.demo-text.ts";

describe("security profile demo", () => {
  let h: Harness;
  let owner: Caller;
  let manager: Caller;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    manager = await addCaller(h, owner.tenantId, "security-manager");
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("answers only real criteria, each Must N/A with a long enough justification", () => {
    for (const [id, answer] of Object.entries(DEMO_ANSWERS)) {
      expect(getCriterion(id), id).toBeDefined();
      expect(answer.narrative.length, id).toBeGreaterThan(20);
    }
  });

  it("fills an importer profile through the service, with an audit event per answer", async () => {
    const { saved } = await seedProfileDemo({
      db: h.db.kysely,
      tenantId: owner.tenantId,
      actor: { id: null, label: "demo" },
      ownerUserIds: [owner.userId, manager.userId],
    });
    const applicable = criteriaFor(["importer"]).map((c) => c.criterion.id);
    expect(saved).toBe(Object.keys(DEMO_ANSWERS).filter((id) => applicable.includes(id)).length);

    const profile = (await owner.request("GET", "/api/security-profile")).json();
    const byStatus = (s: string) => profile.items.filter((i: { status: string }) => i.status === s).length;
    expect(byStatus("implemented")).toBeGreaterThan(applicable.length / 2);
    expect(byStatus("partial")).toBeGreaterThan(2);
    expect(byStatus("not_implemented")).toBeGreaterThan(1);
    expect(byStatus("not_assessed")).toBe(applicable.length - saved);
    const na = profile.items.filter((i: { status: string }) => i.status === "not_applicable");
    expect(na).toEqual([expect.objectContaining({ level: "should", naStatus: "none", naJustification: expect.stringContaining("ACE") })]);
    const seal = profile.items.find((i: { criterionId: string }) => i.criterionId === "6.2");
    expect(seal.narrative).toMatch(/ISO 17712/);
    expect(seal.owner).toEqual({ id: expect.any(String), displayName: expect.any(String) });
    const overdue = (await owner.request("GET", "/api/security-profile?filter=review-overdue")).json();
    const never = overdue.items.filter((i: { lastReviewedOn: string | null }) => i.lastReviewedOn === null);
    expect(never.length).toBeGreaterThan(0);
    expect(overdue.total).toBeGreaterThan(never.length);

    const events = await h.rawQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND action = 'profile.item.update' AND actor_label = 'demo'",
      [owner.tenantId],
    );
    expect(events[0]?.n).toBe(saved);
    expect((await owner.request("GET", "/api/audit/verify")).json().ok).toBe(true);
  });
});
