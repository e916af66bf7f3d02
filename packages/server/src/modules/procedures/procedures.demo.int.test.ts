import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { runReminders } from "../notifications/reminders.job.ts";
import { seedReviewsDemo } from "../reviews/reviews.demo.ts";
import { seedProceduresDemo } from "./procedures.demo.ts";
import { addDaysIso, todayUtc } from "./review-interval.ts";

describe("procedures and reviews demo", () => {
  let h: Harness;
  let owner: Caller;
  let manager: Caller;
  let inspector: Caller;

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    manager = await addCaller(h, owner.tenantId, "security-manager");
    inspector = await addCaller(h, owner.tenantId, "inspector");
    await addCaller(h, owner.tenantId, "trainer");
    await h.rawQuery("UPDATE tenants SET anniversary_date = $2 WHERE id = $1", [owner.tenantId, addDaysIso(todayUtc(), 120)]);
    await h.rawQuery(
      `INSERT INTO profile_items (tenant_id, criterion_id, status, narrative) VALUES
         ($1, '6.1', 'implemented', 'Seal SOP in force.'), ($1, '10.1', 'implemented', 'Badges by HR.')`,
      [owner.tenantId],
    );
  }, 60_000);
  afterAll(() => h?.close(), 60_000);

  it("seeds six approved SOPs with acknowledgements, one overdue and under revision, audited like the API", async () => {
    const seeded = await seedProceduresDemo({ db: h.db, tenantId: owner.tenantId, authorId: manager.userId, approverId: owner.userId });
    expect(seeded.map((s) => s.code)).toEqual(["SOP-SEAL-01", "SOP-INSP-02", "SOP-CYB-03", "SOP-ACC-04", "SOP-TRN-05", "SOP-BP-06"]);
    const list = (await inspector.request("GET", "/api/procedures")).json();
    expect(list.total).toBe(6);
    expect(list.items.every((p: { currentVersion: number }) => p.currentVersion === 1)).toBe(true);
    const byCode = new Map(list.items.map((p: { code: string }) => [p.code, p]));
    expect(byCode.get("SOP-CYB-03")).toMatchObject({ reviewOverdue: true, pending: { version: 2, status: "in_review" } });
    expect(byCode.get("SOP-SEAL-01")).toMatchObject({ reviewDue: true, reviewOverdue: false, yearlyReview: true });
    expect(list.items.filter((p: { reviewOverdue: boolean }) => p.reviewOverdue)).toHaveLength(1);

    const seal = seeded[0]?.id;
    const acks = (await inspector.request("GET", `/api/procedures/${seal}/acknowledgements`)).json();
    expect(acks).toMatchObject({ version: 1, total: 4, acknowledged: 3 });
    const approvedAt = Date.parse((byCode.get("SOP-SEAL-01") as { approvedAt: string }).approvedAt);
    for (const item of acks.items.filter((i: { acknowledgedAt: string | null }) => i.acknowledgedAt)) {
      expect(Date.parse(item.acknowledgedAt)).toBeGreaterThan(approvedAt);
    }
    const events = (await owner.request("GET", `/api/audit/events?entityType=procedure&entityId=${seal}&limit=50`)).json().items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(
      ["procedure.create", "procedure.submit", "procedure.approve", ...Array(3).fill("procedure.acknowledge")].sort(),
    );
    expect((await owner.request("GET", "/api/audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("seeds last year's signed review, so comparing with today works at once", async () => {
    const id = await seedReviewsDemo({ db: h.db, tenantId: owner.tenantId, signerId: owner.userId });
    expect(id).toEqual(expect.any(String));
    const review = (await inspector.request("GET", `/api/security-profile/reviews/${id}`)).json();
    expect(review).toMatchObject({ status: "signed", version: 1, snapshot: { hashVerified: true, items: 93 } });
    expect(review.tasks.every((t: { status: string }) => t.status === "done")).toBe(true);
    expect(review.anniversaryOn < todayUtc()).toBe(true);
    const compare = (await inspector.request("GET", "/api/security-profile/reviews/compare")).json();
    expect(compare.from.id).toBe(id);
    expect(compare.rows.filter((r: { changed: boolean }) => r.changed).map((r: { criterionId: string }) => r.criterionId)).toEqual([
      "6.1",
      "10.1",
    ]);
    const reminders = await runReminders({ db: h.db.kysely, today: todayUtc() });
    expect(reminders.failed).toEqual([]);
    const kinds = await h.rawQuery<{ kind: string }>(
      "SELECT kind FROM notifications WHERE tenant_id = $1 AND subject_type = 'procedure' ORDER BY kind",
      [owner.tenantId],
    );
    expect(kinds.map((k) => k.kind)).toEqual(["procedure.review-due", "procedure.review-overdue"]);
  });
});
