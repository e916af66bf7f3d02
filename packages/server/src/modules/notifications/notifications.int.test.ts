import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foundationJobs } from "../../jobs/definitions.ts";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { runReminders } from "./reminders.job.ts";

const TODAY = "2030-06-15";

describe("reminders and notifications", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  let other: Caller;
  const ids: Record<string, string> = {};

  const evidence = async (
    key: string,
    tenantId: string,
    expiresOn: string | null,
    extra: { remindDays?: number; archived?: boolean } = {},
  ) => {
    ids[key] = randomUUID();
    await h.rawQuery(
      `INSERT INTO evidence_items (id, tenant_id, title, expires_on, remind_days, archived_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)`,
      [ids[key], tenantId, `Evidence ${key}`, expiresOn, extra.remindDays ?? 30, extra.archived ?? false],
    );
  };
  const procedure = async (key: string, nextReviewOn: string, archived = false) => {
    ids[key] = randomUUID();
    await h.rawQuery(
      `INSERT INTO procedures (id, tenant_id, code, title, next_review_on, archived_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)`,
      [ids[key], owner.tenantId, `SOP-${key}`, `Procedure ${key}`, nextReviewOn, archived],
    );
  };
  const item = (criterionId: string, status: string, lastReviewedOn: string | null) =>
    h.rawQuery(
      "INSERT INTO profile_items (tenant_id, criterion_id, status, narrative, last_reviewed_on) VALUES ($1, $2, $3, 'In place.', $4)",
      [owner.tenantId, criterionId, status, lastReviewedOn],
    );
  const rows = (tenantId: string) =>
    h.rawQuery<{ kind: string; subject_id: string; dedupe_key: string; due_on: string | null }>(
      "SELECT kind, subject_id, dedupe_key, due_on FROM notifications WHERE tenant_id = $1 ORDER BY dedupe_key",
      [tenantId],
    );

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
    other = await createTenantFixture(h);
    await evidence("expiring", owner.tenantId, "2030-07-01");
    await evidence("expired", owner.tenantId, "2030-06-01");
    await evidence("later", owner.tenantId, "2030-12-31");
    await evidence("longNotice", owner.tenantId, "2030-09-01", { remindDays: 90 });
    await evidence("archived", owner.tenantId, "2030-01-01", { archived: true });
    await evidence("noExpiry", owner.tenantId, null);
    await evidence("theirs", other.tenantId, "2030-01-01");
    await procedure("due", "2030-07-01");
    await procedure("overdue", "2030-05-01");
    await procedure("fine", "2031-01-01");
    await procedure("gone", "2030-01-01", true);
    await h.rawQuery("UPDATE tenants SET anniversary_date = '2020-08-01' WHERE id = $1", [owner.tenantId]);
    await item("6.1", "implemented", "2029-01-10");
    await item("4.6", "implemented", "2030-01-01");
    await item("2.3", "partial", null);
    await item("7.1", "implemented", null);
  }, 60_000);
  afterAll(() => h?.close(), 60_000);

  it("records each reminder once per company, with fixed dates; a second run adds nothing", async () => {
    const first = await runReminders({ db: h.db.kysely, today: TODAY });
    expect(first.failed).toEqual([]);
    const mine = await rows(owner.tenantId);
    expect(mine.map((r) => [r.kind, r.subject_id])).toEqual(
      [
        ["evidence.expired", ids.expired],
        ["evidence.expiring", ids.expiring],
        ["evidence.expiring", ids.longNotice],
        ["procedure.review-due", ids.due],
        ["procedure.review-overdue", ids.overdue],
        ["profile.review-overdue", "2.3"],
        ["profile.review-overdue", "6.1"],
        ["review.window-open", "2030-08-01"],
      ].sort((a, b) => `${a[0]}:${a[1]}`.localeCompare(`${b[0]}:${b[1]}`)),
    );
    expect(mine.find((r) => r.subject_id === "6.1")?.due_on).toBe("2030-01-10");
    // The other company only gets its own.
    expect((await rows(other.tenantId)).map((r) => [r.kind, r.subject_id])).toEqual([["evidence.expired", ids.theirs]]);
    expect(first.created).toBe(mine.length + 1);

    const second = await runReminders({ db: h.db.kysely, today: TODAY });
    expect(second).toMatchObject({ created: 0, failed: [] });
    expect(await rows(owner.tenantId)).toEqual(mine);
    const audit = await h.rawQuery<{ actor_label: string; after: { created: number } }>(
      "SELECT actor_label, after FROM audit_events WHERE tenant_id = $1 AND action = 'notification.create'",
      [owner.tenantId],
    );
    expect(audit).toEqual([{ actor_label: "system", after: expect.objectContaining({ created: 8, on: TODAY }) }]);
  });

  it("reminds again when the subject changes: a renewed file's new expiry, an opened review ends the window reminder", async () => {
    await h.rawQuery("UPDATE evidence_items SET expires_on = '2030-06-30' WHERE id = $1", [ids.expired]);
    await h.rawQuery(
      "INSERT INTO profile_reviews (id, tenant_id, anniversary_on, opens_on, status) VALUES ($1, $2, '2031-08-01', '2031-05-03', 'open')",
      [randomUUID(), owner.tenantId],
    );
    const next = await runReminders({ db: h.db.kysely, today: "2030-06-16" });
    expect(next.created).toBe(1);
    const fresh = (await rows(owner.tenantId)).filter((r) => r.subject_id === ids.expired);
    expect(fresh.map((r) => r.kind).sort()).toEqual(["evidence.expired", "evidence.expiring"]);
    // A year on, the window reminder comes back only if that year's review was not opened yet (it was).
    const yearOn = await runReminders({ db: h.db.kysely, today: "2031-06-01" });
    expect((await rows(owner.tenantId)).filter((r) => r.kind === "review.window-open").map((r) => r.subject_id)).toEqual(["2030-08-01"]);
    expect(yearOn.failed).toEqual([]);
  });

  it("lists, marks one read and marks all read; a member's own notifications stay theirs", async () => {
    const personal = randomUUID();
    await h.rawQuery(
      `INSERT INTO notifications (id, tenant_id, user_id, kind, subject_type, subject_id, dedupe_key)
       VALUES ($1, $2, $3, 'procedure.review-due', 'procedure', $4, 'personal-1')`,
      [personal, owner.tenantId, analyst.userId, ids.due],
    );
    const list = await owner.request("GET", "/api/notifications");
    expect(list.statusCode).toBe(200);
    const all = list.json();
    expect(all.items.map((n: { id: string }) => n.id)).not.toContain(personal);
    const companyWide = all.items.length;
    expect(all.unread).toBe(companyWide);
    const overdue = all.items.find(
      (n: { kind: string; subjectId: string }) => n.kind === "procedure.review-overdue" && n.subjectId === ids.overdue,
    );
    expect(overdue).toMatchObject({
      subjectType: "procedure",
      params: { code: "SOP-overdue", nextReviewOn: "2030-05-01" },
      dueOn: "2030-05-01",
      readAt: null,
    });
    expect((await analyst.request("GET", "/api/notifications?unread=true")).json().unread).toBe(companyWide + 1);

    const read = await owner.request("POST", `/api/notifications/${overdue.id}/read`);
    expect(read.statusCode).toBe(200);
    const readAt = read.json().readAt;
    expect(readAt).toEqual(expect.any(String));
    expect((await owner.request("POST", `/api/notifications/${overdue.id}/read`)).json().readAt).toBe(readAt);
    const unread = (await owner.request("GET", "/api/notifications?unread=true")).json();
    expect(unread).toMatchObject({ unread: companyWide - 1 });
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(overdue.id);
    expect((await owner.request("POST", `/api/notifications/${personal}/read`)).statusCode).toBe(404);

    const theirs = (await h.rawQuery<{ id: string }>("SELECT id FROM notifications WHERE tenant_id = $1", [other.tenantId]))[0]?.id;
    const foreign = await owner.request("POST", `/api/notifications/${theirs}/read`);
    const missing = await owner.request("POST", `/api/notifications/${randomUUID()}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect((await h.rawQuery("SELECT read_at FROM notifications WHERE id = $1", [theirs]))[0]).toEqual({ read_at: null });

    const partner = await addCaller(h, owner.tenantId, "partner");
    expect((await partner.request("GET", "/api/notifications")).statusCode).toBe(403);
    const marked = (await owner.request("POST", "/api/notifications/read-all")).json();
    expect(marked).toEqual({ marked: companyWide - 1, unread: 0 });
    expect((await owner.request("POST", "/api/notifications/read-all")).json()).toEqual({ marked: 0, unread: 0 });
    // The analyst's own notification is untouched by the owner's read-all.
    expect((await analyst.request("GET", "/api/notifications?unread=true")).json().items.map((n: { id: string }) => n.id)).toEqual([
      personal,
    ]);
    const events = await h.rawQuery<{ action: string }>(
      "SELECT action FROM audit_events WHERE tenant_id = $1 AND action LIKE 'notification.read%' ORDER BY seq",
      [owner.tenantId],
    );
    expect(events.map((e) => e.action)).toEqual(["notification.read", "notification.read-all"]);
  });

  it("is a job of the worker, named reminders.daily", async () => {
    const job = foundationJobs(h.key).find((j) => j.name === "reminders.daily");
    expect(job?.everyMs).toBe(24 * 60 * 60_000);
    await expect(job?.handler({}, { db: h.db.kysely, jobId: randomUUID(), tenantId: null, attempt: 1 })).resolves.toBeUndefined();
  });
});
