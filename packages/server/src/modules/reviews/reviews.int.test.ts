import { createHash, randomUUID } from "node:crypto";
import { canonicalJson } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture, unique } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { attemptRolledBack } from "../../test/tamper/chain.ts";
import { addDaysIso, todayUtc } from "../procedures/review-interval.ts";

const REVIEWS = "/api/security-profile/reviews";

describe("annual profile review", () => {
  let h: Harness;
  let owner: Caller;
  let manager: Caller;
  let analyst: Caller;
  let inspector: Caller;
  const today = todayUtc();

  const setAnniversary = async (date: string | null) => {
    const res = await owner.request("PATCH", "/api/tenant", { anniversaryDate: date });
    expect(res.statusCode).toBe(200);
  };
  const counts = async () =>
    (
      await h.rawQuery<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM profile_reviews WHERE tenant_id = $1) AS reviews,
          (SELECT md5(coalesce(string_agg(to_jsonb(r)::text, ',' ORDER BY id), '')) FROM profile_reviews r WHERE tenant_id = $1) AS r_digest,
          (SELECT md5(coalesce(string_agg(to_jsonb(t)::text, ',' ORDER BY review_id, category_id), '')) FROM profile_review_tasks t WHERE tenant_id = $1) AS t_digest,
          (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS events`,
        [owner.tenantId],
      )
    )[0];
  const finishTasks = async (id: string) => {
    const review = (await analyst.request("GET", `${REVIEWS}/${id}`)).json();
    for (const t of review.tasks) {
      const res = await analyst.request("PATCH", `${REVIEWS}/${id}/tasks/${t.categoryId}`, { status: "done" });
      expect(res.statusCode).toBe(200);
    }
  };
  const saveItem = (criterionId: string, narrative: string, ownerId: string) =>
    h.rawQuery(
      `INSERT INTO profile_items (tenant_id, criterion_id, status, narrative, owner_user_id, updated_by)
       VALUES ($1, $2, 'implemented', $3, $4, $4)
       ON CONFLICT (tenant_id, criterion_id) DO UPDATE SET narrative = EXCLUDED.narrative, owner_user_id = EXCLUDED.owner_user_id`,
      [owner.tenantId, criterionId, narrative, ownerId],
    );

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    manager = await addCaller(h, owner.tenantId, "security-manager");
    analyst = await addCaller(h, owner.tenantId, "analyst");
    inspector = await addCaller(h, owner.tenantId, "inspector");
    // Seal items mostly owned by the analyst, one by the manager: category 6 defaults to the analyst.
    await saveItem("6.1", "Seals are issued by the dock supervisor only.", analyst.userId);
    await saveItem("6.2", "ISO 17712 seals on every container.", analyst.userId);
    await saveItem("6.5", "Certificates on file.", manager.userId);
    await saveItem("10.1", "Badges issued by HR.", manager.userId);
    // A piece of evidence and an approved procedure on 6.1, so the snapshot carries a hash and a version.
    const evidenceId = randomUUID();
    await h.rawQuery("INSERT INTO evidence_items (id, tenant_id, title, current_version) VALUES ($1, $2, 'Seal log 2026', 1)", [
      evidenceId,
      owner.tenantId,
    ]);
    await h.rawQuery(
      `INSERT INTO evidence_versions (id, tenant_id, evidence_id, version, sha256, size_bytes, media_type, filename)
       VALUES ($1, $2, $3, 1, $4, 10, 'application/pdf', 'seal-log.pdf')`,
      [randomUUID(), owner.tenantId, evidenceId, "a".repeat(64)],
    );
    await h.rawQuery("INSERT INTO evidence_links (tenant_id, evidence_id, target_type, target_id) VALUES ($1, $2, 'criterion', '6.1')", [
      owner.tenantId,
      evidenceId,
    ]);
    const sop = (
      await analyst.request("POST", "/api/procedures", { code: "SOP-SEAL", title: "Seal control", body: "Text", criterionIds: ["6.1"] })
    ).json();
    await analyst.request("POST", `/api/procedures/${sop.id}/submit`);
    expect((await manager.request("POST", `/api/procedures/${sop.id}/approve`)).statusCode).toBe(200);
  }, 60_000);
  afterAll(() => h?.close(), 60_000);

  it("opens only inside the window of the next anniversary, once, with a task per category", async () => {
    expect((await inspector.request("GET", REVIEWS)).json()).toMatchObject({ anniversaryDate: null, windowOpen: false, items: [] });
    const before = await counts();
    const none = await owner.request("POST", REVIEWS, {});
    expect(none.statusCode).toBe(422);
    await setAnniversary(addDaysIso(today, 91));
    const early = await owner.request("POST", REVIEWS, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details).toMatchObject({ windowOpensOn: addDaysIso(today, 1) });
    expect((await inspector.request("POST", REVIEWS, {})).statusCode).toBe(403);
    const afterRefusals = await counts();
    expect({ ...afterRefusals, events: 0 }).toEqual({ ...before, events: 0 });

    // The anniversary's year does not matter: month and day recur.
    const anniversary = addDaysIso(today, 60);
    await setAnniversary(`2015${anniversary.slice(4)}`);
    const overview = (await inspector.request("GET", REVIEWS)).json();
    expect(overview).toMatchObject({ nextAnniversary: anniversary, windowOpensOn: addDaysIso(anniversary, -90), windowOpen: true });
    const opened = await analyst.request("POST", REVIEWS, {});
    expect(opened.statusCode).toBe(201);
    const review = opened.json();
    expect(review).toMatchObject({ anniversaryOn: anniversary, status: "open", version: null, tasksDone: 0, snapshot: null });
    expect(review.tasks.map((t: { categoryId: number }) => t.categoryId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const tasks = new Map(
      review.tasks.map((t: { categoryId: number; owner: { id: string } | null }) => [t.categoryId, t.owner?.id ?? null]),
    );
    expect(tasks.get(6)).toBe(analyst.userId);
    expect(tasks.get(10)).toBe(manager.userId);
    expect(tasks.get(1)).toBeNull();
    const again = await analyst.request("POST", REVIEWS, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
  });

  it("signs only when every task is done, freezing a hashed snapshot that nothing can change", async () => {
    const { items } = (await inspector.request("GET", REVIEWS)).json();
    const id = items[0].id;
    const before = await counts();
    const early = await manager.request("POST", `${REVIEWS}/${id}/sign`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.openCategories).toHaveLength(12);
    expect((await inspector.request("PATCH", `${REVIEWS}/${id}/tasks/6`, { status: "done" })).statusCode).toBe(403);
    expect((await analyst.request("PATCH", `${REVIEWS}/${id}/tasks/99`, { status: "done" })).statusCode).toBe(404);
    expect((await analyst.request("PATCH", `${REVIEWS}/${id}/tasks/6`, { ownerUserId: randomUUID() })).statusCode).toBe(422);
    expect((await analyst.request("PATCH", `${REVIEWS}/${id}/tasks/6`, { status: "closed" })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const noted = await analyst.request("PATCH", `${REVIEWS}/${id}/tasks/6`, {
      status: "done",
      note: "Seal audit done",
      ownerUserId: manager.userId,
    });
    expect(noted.json().tasks.find((t: { categoryId: number }) => t.categoryId === 6)).toMatchObject({
      status: "done",
      note: "Seal audit done",
      owner: { id: manager.userId },
      completedBy: { id: analyst.userId },
    });
    await finishTasks(id);
    expect((await analyst.request("POST", `${REVIEWS}/${id}/sign`, {})).statusCode).toBe(403);
    const signed = await manager.request("POST", `${REVIEWS}/${id}/sign`, { note: "Reviewed with the team" });
    expect(signed.statusCode).toBe(200);
    const s = signed.json();
    expect(s).toMatchObject({
      status: "signed",
      version: 1,
      signedBy: { id: manager.userId },
      signoffNote: "Reviewed with the team",
      tasksDone: 12,
    });
    expect(s.snapshot).toMatchObject({ version: 1, hashVerified: true, items: 93, evidenceFiles: 1, procedures: 1 });
    expect(s.snapshot.counts.implemented).toBe(4);

    const [row] = await h.rawQuery<{ snapshot: { items: Record<string, unknown>[] }; snapshot_hash: string }>(
      "SELECT snapshot, snapshot_hash FROM profile_reviews WHERE id = $1",
      [id],
    );
    expect(createHash("sha256").update(canonicalJson(row?.snapshot)).digest("hex")).toBe(row?.snapshot_hash);
    expect(s.snapshotHash).toBe(row?.snapshot_hash);
    expect(row?.snapshot.items.find((i) => i.criterionId === "6.1")).toEqual({
      criterionId: "6.1",
      categoryId: 6,
      level: "must",
      status: "implemented",
      narrative: "Seals are issued by the dock supervisor only.",
      owner: analyst.email,
      naJustification: null,
      lastReviewedOn: null,
      evidence: [{ title: "Seal log 2026", version: 1, sha256: "a".repeat(64) }],
      procedures: [{ code: "SOP-SEAL", title: "Seal control", approvedVersion: 1 }],
    });

    // Frozen: the database refuses even its owner, and the API refuses task changes and a second signature.
    for (const statement of [
      "UPDATE profile_reviews SET signoff_note = 'rewritten' WHERE id = $1",
      "UPDATE profile_reviews SET snapshot = '{}'::jsonb WHERE id = $1",
      "UPDATE profile_reviews SET status = 'open', snapshot = NULL, signed_at = NULL, version = NULL WHERE id = $1",
    ]) {
      await expect(attemptRolledBack(h, owner.tenantId, [], statement, [id]), statement).rejects.toThrow(/signed and frozen/);
    }
    const frozen = await counts();
    expect((await analyst.request("PATCH", `${REVIEWS}/${id}/tasks/6`, { status: "open" })).statusCode).toBe(409);
    expect((await manager.request("POST", `${REVIEWS}/${id}/sign`, {})).statusCode).toBe(409);
    expect(await counts()).toEqual(frozen);
    const events = (await owner.request("GET", `/api/audit/events?entityType=profile-review&entityId=${id}&limit=100`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain("review.sign");
    expect(events.filter((e: { action: string }) => e.action === "review.task")).toHaveLength(12);
  });

  it("compares a signed review with the live profile and with a later signed review", async () => {
    const first = (await inspector.request("GET", REVIEWS)).json().items[0];
    const unchanged = (await inspector.request("GET", `${REVIEWS}/compare?from=${first.id}&to=current`)).json();
    expect(unchanged).toMatchObject({ from: { id: first.id, version: 1 }, to: { id: "current", version: null }, changed: 0 });
    expect(unchanged.rows).toHaveLength(93);

    await saveItem("6.1", "Seals are issued by the dock supervisor and logged in the seal register.", analyst.userId);
    const live = (await inspector.request("GET", `${REVIEWS}/compare?from=${first.id}&to=current`)).json();
    expect(live.changed).toBe(1);
    const row = live.rows.find((r: { criterionId: string }) => r.criterionId === "6.1");
    expect(row).toMatchObject({
      changed: true,
      level: "must",
      from: { narrative: "Seals are issued by the dock supervisor only." },
      to: { narrative: "Seals are issued by the dock supervisor and logged in the seal register." },
    });

    // A second cycle: another anniversary inside the window, signed as version 2.
    await setAnniversary(addDaysIso(today, 10));
    const second = (await analyst.request("POST", REVIEWS, {})).json();
    expect((await inspector.request("GET", `${REVIEWS}/compare?from=${second.id}&to=current`)).statusCode).toBe(422);
    await finishTasks(second.id);
    const signed = (await owner.request("POST", `${REVIEWS}/${second.id}/sign`, {})).json();
    expect(signed.version).toBe(2);
    const between = (await inspector.request("GET", `${REVIEWS}/compare?from=${first.id}&to=${second.id}`)).json();
    expect(between).toMatchObject({ from: { version: 1 }, to: { version: 2 }, changed: 1 });
    expect((await inspector.request("GET", REVIEWS)).json().items.map((i: { version: number }) => i.version)).toEqual([1, 2]);

    const other = await createTenantFixture(h, { legalName: unique("Other") });
    const foreign = await other.request("GET", `${REVIEWS}/compare?from=${first.id}&to=current`);
    const missing = await other.request("GET", `${REVIEWS}/compare?from=${randomUUID()}&to=current`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    const foreignRead = await other.request("GET", `${REVIEWS}/${first.id}`);
    expect(foreignRead.statusCode).toBe(404);
    expect(foreignRead.json()).toEqual((await other.request("GET", `${REVIEWS}/${randomUUID()}`)).json());
    expect((await other.request("PATCH", `${REVIEWS}/${second.id}/tasks/6`, { note: "x" })).statusCode).toBe(404);
  });
});
