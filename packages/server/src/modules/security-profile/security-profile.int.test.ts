import { randomUUID } from "node:crypto";
import { criteriaFor, MSC_LIBRARY } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, anonymous, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { insertEvidenceRows, insertProcedureRows } from "./security-profile.fixtures.ts";

type Item = { criterionId: string; level: string; status: string; naStatus: string; evidenceCount: number; [k: string]: unknown };

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const JUSTIFICATION = "We never ship by this mode: all freight moves by road.";

describe("security profile: items, rules and N/A approval", () => {
  let h: Harness;
  let owner: Caller;
  let manager: Caller;
  let analyst: Caller;
  let auditor: Caller;
  const importer = () => criteriaFor(["importer"], { on: today() });
  const mustId = "6.2";
  let shouldId: string;
  let foreignId: string;

  /** Rows of the tenant's profile and audit chain, and the item as the API shows it: all must stay put on a refusal. */
  async function snapshot(caller: Caller, criterionId: string) {
    const [items] = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM profile_items WHERE tenant_id = $1", [caller.tenantId]);
    const [events] = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1", [caller.tenantId]);
    const row = await h.rawQuery("SELECT * FROM profile_items WHERE tenant_id = $1 AND criterion_id = $2", [caller.tenantId, criterionId]);
    return { items: items?.n, events: events?.n, row };
  }

  async function expectRefused(caller: Caller, method: string, url: string, body: unknown, status: number, code: string, rule?: string) {
    const criterionId = url.split("/")[4] ?? "";
    const before = await snapshot(caller, criterionId);
    const res = await caller.request(method, url, body);
    expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (rule) expect(res.json().error.details).toEqual({ rule });
    expect(await snapshot(caller, criterionId)).toEqual(before);
  }

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    manager = await addCaller(h, owner.tenantId, "security-manager");
    analyst = await addCaller(h, owner.tenantId, "analyst");
    auditor = await addCaller(h, owner.tenantId, "auditor");
    shouldId = importer().find((c) => c.level === "should")?.criterion.id ?? "";
    foreignId =
      MSC_LIBRARY.criteria.find((c) => c.applicability.importer === undefined && Object.keys(c.applicability).length > 0)?.id ?? "";
    expect(shouldId).not.toBe("");
    expect(foreignId).not.toBe("");
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("lists every applicable criterion as not assessed before anything is saved", async () => {
    const res = await auditor.request("GET", "/api/security-profile");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = importer();
    expect(body).toMatchObject({ entityTypes: ["importer"], anniversaryDate: null, total: expected.length });
    expect(body.items.map((i: Item) => i.criterionId)).toEqual(expected.map((c) => c.criterion.id));
    for (const [n, item] of (body.items as Item[]).entries()) {
      expect(item).toMatchObject({
        status: "not_assessed",
        level: expected[n]?.level,
        naStatus: "none",
        reviewOverdue: false,
        owner: null,
      });
      expect(item.provenance).toEqual(expected[n]?.criterion.provenance);
      expect(item.certainty).toBe(expected[n]?.certainty);
    }
  });

  it("saves an answer (upsert), shows it, and records before/after in the audit chain", async () => {
    const put = await analyst.request("PUT", `/api/security-profile/items/${mustId}`, {
      status: "partial",
      narrative: "Seals are applied at the dock but the seal log is kept on paper.",
      ownerUserId: manager.userId,
      lastReviewedOn: daysAgo(30),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      criterionId: mustId,
      level: "must",
      status: "partial",
      owner: { id: manager.userId, displayName: manager.email },
      updatedBy: { id: analyst.userId },
      lastReviewedOn: daysAgo(30),
      reviewOverdue: false,
    });
    const [y, m, d] = daysAgo(30).split("-").map(Number) as [number, number, number];
    const due = new Date(Date.UTC(y + 1, m - 1, d));
    if (due.getUTCMonth() !== m - 1) due.setUTCDate(0);
    expect(put.json().reviewDueOn).toBe(due.toISOString().slice(0, 10));

    // Omitted fields keep their value; the status changes.
    const again = await manager.request("PUT", `/api/security-profile/items/${mustId}`, { status: "implemented" });
    expect(again.json()).toMatchObject({
      status: "implemented",
      narrative: expect.stringContaining("seal log"),
      owner: { id: manager.userId },
    });
    const rows = await h.rawQuery("SELECT status FROM profile_items WHERE tenant_id = $1 AND criterion_id = $2", [owner.tenantId, mustId]);
    expect(rows).toEqual([{ status: "implemented" }]);

    const events = (await owner.request("GET", `/api/audit/events?entityType=profile_item&entityId=${mustId}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(["profile.item.update", "profile.item.update"]);
    expect(events[0]).toMatchObject({ before: { status: "partial" }, after: { status: "implemented" }, actor: { id: manager.userId } });
    expect(events[1]).toMatchObject({ before: null, after: { status: "partial", ownerUserId: manager.userId } });
    expect((await owner.request("GET", "/api/audit/verify")).json().ok).toBe(true);

    const detail = await auditor.request("GET", `/api/security-profile/items/${mustId}`);
    expect(detail.json()).toMatchObject({ criterionId: mustId, status: "implemented", evidence: [], procedures: [] });
  });

  it("refuses each rule with 422 and changes nothing", async () => {
    const url = (id: string) => `/api/security-profile/items/${id}`;
    await expectRefused(analyst, "PUT", url("1.1"), { status: "implemented" }, 422, "rule_violation", "narrative-required");
    await expectRefused(analyst, "PUT", url("1.1"), { status: "partial", narrative: "   " }, 422, "rule_violation", "narrative-required");
    // Clearing the narrative of a saved implemented item is refused too.
    await expectRefused(
      analyst,
      "PUT",
      url(mustId),
      { status: "implemented", narrative: null },
      422,
      "rule_violation",
      "narrative-required",
    );
    await expectRefused(analyst, "PUT", url("6.5"), { status: "not_applicable" }, 422, "rule_violation", "na-justification-required");
    await expectRefused(
      analyst,
      "PUT",
      url("6.5"),
      { status: "not_applicable", naJustification: "x".repeat(19) },
      422,
      "rule_violation",
      "na-justification-required",
    );
    await expectRefused(
      analyst,
      "PUT",
      url("6.5"),
      { status: "not_applicable", naJustification: `  ${"y".repeat(18)}  ` },
      422,
      "rule_violation",
      "na-justification-required",
    );
    await expectRefused(
      analyst,
      "PUT",
      url("1.1"),
      { status: "not_implemented", ownerUserId: randomUUID() },
      422,
      "rule_violation",
      "owner-not-member",
    );
    const stranger = await createTenantFixture(h);
    await expectRefused(
      analyst,
      "PUT",
      url("1.1"),
      { status: "not_implemented", ownerUserId: stranger.userId },
      422,
      "rule_violation",
      "owner-not-member",
    );
    const leaver = await addCaller(h, owner.tenantId, "inspector");
    await h.rawQuery("UPDATE memberships SET deactivated_at = now() WHERE tenant_id = $1 AND user_id = $2", [
      owner.tenantId,
      leaver.userId,
    ]);
    await expectRefused(
      analyst,
      "PUT",
      url("1.1"),
      { status: "not_implemented", ownerUserId: leaver.userId },
      422,
      "rule_violation",
      "owner-not-member",
    );
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await expectRefused(
      analyst,
      "PUT",
      url("1.1"),
      { status: "not_implemented", lastReviewedOn: future },
      422,
      "rule_violation",
      "review-date-future",
    );
    // Bad shapes are 400, unknown or inapplicable criteria 404: nothing saved either.
    await expectRefused(analyst, "PUT", url("1.1"), { status: "done" }, 400, "validation_failed");
    await expectRefused(analyst, "PUT", url("1.1"), { status: "not_implemented", color: "red" }, 400, "validation_failed");
    await expectRefused(analyst, "PUT", url("1.1"), { status: "not_implemented", ownerUserId: "nobody" }, 400, "validation_failed");
    await expectRefused(analyst, "PUT", url("1.1"), { status: "not_implemented", narrative: "a\u0000b" }, 400, "validation_failed");
    for (const id of ["99.1", "abc", "6.02", foreignId]) {
      await expectRefused(analyst, "PUT", url(id), { status: "not_implemented" }, 404, "not_found");
      await expectRefused(manager, "POST", `${url(id)}/approve-na`, undefined, 404, "not_found");
      const read = await analyst.request("GET", url(id));
      expect(read.statusCode).toBe(404);
      expect(read.json().error).toMatchObject({ code: "not_found", message: "Criterion not found" });
    }
    // Roles: an auditor reads but cannot answer; an analyst cannot approve.
    await expectRefused(auditor, "PUT", url("1.1"), { status: "not_implemented" }, 403, "forbidden");
    expect((await anonymous(h, "GET", "/api/security-profile")).statusCode).toBe(401);
  });

  it("runs a Must's N/A through four-eyes approval", async () => {
    const url = "/api/security-profile/items/6.5";
    const asked = await manager.request("PUT", url, {
      status: "not_applicable",
      naJustification: JUSTIFICATION,
      narrative: "No seal stock held.",
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ naStatus: "pending", naRequestedBy: { id: manager.userId }, naApprovedBy: null });
    const pending = (await auditor.request("GET", "/api/security-profile?filter=na-pending")).json();
    expect(pending.items.map((i: Item) => i.criterionId)).toEqual(["6.5"]);

    // The person who asked cannot approve, even after someone else touched the narrative; an analyst may not approve at all.
    await analyst.request("PUT", url, { status: "not_applicable", narrative: "No seal stock held at any site." });
    expect((await auditor.request("GET", url)).json().naRequestedBy.id).toBe(manager.userId);
    await expectRefused(manager, "POST", `${url}/approve-na`, undefined, 422, "rule_violation", "four-eyes");
    await expectRefused(analyst, "POST", `${url}/approve-na`, undefined, 403, "forbidden");

    const approved = await owner.request("POST", `${url}/approve-na`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ naStatus: "approved", naApprovedBy: { id: owner.userId }, naApprovedAt: expect.any(String) });
    const events = (await owner.request("GET", "/api/audit/events?entityType=profile_item&entityId=6.5")).json().items;
    expect(events[0]).toMatchObject({
      action: "profile.item.approve-na",
      before: { naStatus: "pending" },
      after: { naStatus: "approved" },
    });
    await expectRefused(owner, "POST", `${url}/approve-na`, undefined, 422, "rule_violation", "na-not-pending");

    // A narrative edit keeps the approval; a new justification withdraws it.
    const kept = await analyst.request("PUT", url, { status: "not_applicable", narrative: "Checked again this quarter." });
    expect(kept.json().naStatus).toBe("approved");
    const changed = await analyst.request("PUT", url, { status: "not_applicable", naJustification: `${JUSTIFICATION} Confirmed by ops.` });
    expect(changed.json()).toMatchObject({ naStatus: "pending", naApprovedBy: null, naRequestedBy: { id: analyst.userId } });
    // Leaving N/A drops the justification and any approval.
    const back = await analyst.request("PUT", url, { status: "not_implemented" });
    expect(back.json()).toMatchObject({ naStatus: "none", naJustification: null, naRequestedBy: null });

    // A Should needs neither justification nor approval; approving it is refused.
    const should = await analyst.request("PUT", `/api/security-profile/items/${shouldId}`, { status: "not_applicable" });
    expect(should.json()).toMatchObject({ level: "should", naStatus: "none" });
    await expectRefused(
      owner,
      "POST",
      `/api/security-profile/items/${shouldId}/approve-na`,
      undefined,
      422,
      "rule_violation",
      "na-not-pending",
    );
    await expectRefused(
      owner,
      "POST",
      `/api/security-profile/items/${mustId}/approve-na`,
      undefined,
      422,
      "rule_violation",
      "na-not-pending",
    );
  });

  it("counts live evidence and procedures, and lists them on the item", async () => {
    const evidenceId = await insertEvidenceRows(h.rawQuery, {
      tenantId: owner.tenantId,
      title: "Seal log 2026",
      criterionIds: ["6.1", "6.2"],
    });
    await insertEvidenceRows(h.rawQuery, { tenantId: owner.tenantId, title: "Old seal log", criterionIds: ["6.2"], archived: true });
    await insertEvidenceRows(h.rawQuery, { tenantId: owner.tenantId, title: "Expired cert", criterionIds: ["6.2"], expiresOn: daysAgo(1) });
    await insertProcedureRows(h.rawQuery, { tenantId: owner.tenantId, code: "SOP-6", title: "Seal control", criterionIds: ["6.1", "6.2"] });
    await insertProcedureRows(h.rawQuery, {
      tenantId: owner.tenantId,
      code: "SOP-OLD",
      title: "Old",
      criterionIds: ["6.2"],
      archived: true,
    });
    const item = (await auditor.request("GET", "/api/security-profile/items/6.2")).json();
    expect(item).toMatchObject({ evidenceCount: 2, procedureCount: 1 });
    expect(item.evidence).toEqual([
      expect.objectContaining({ title: "Expired cert", status: "expired", expiresOn: daysAgo(1) }),
      expect.objectContaining({
        id: evidenceId,
        title: "Seal log 2026",
        status: "no-expiry",
        currentVersion: 1,
        filename: "Seal log 2026.pdf",
      }),
    ]);
    expect(item.evidence[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(item.procedures).toEqual([expect.objectContaining({ code: "SOP-6", title: "Seal control", status: "approved" })]);
    // The list shows the same counts; a never-saved criterion with evidence is still "not assessed".
    const list = (await auditor.request("GET", "/api/security-profile?categoryId=6")).json();
    expect(list.items.find((i: Item) => i.criterionId === "6.1")).toMatchObject({
      status: "not_assessed",
      evidenceCount: 1,
      procedureCount: 1,
    });
  });

  it("keeps companies apart", async () => {
    const other = await createTenantFixture(h);
    await h.rawQuery("UPDATE tenants SET entity_types = '{highway-carrier}' WHERE id = $1", [other.tenantId]);
    await insertEvidenceRows(h.rawQuery, { tenantId: other.tenantId, title: "Theirs", criterionIds: ["6.2", "6.3"] });
    await other.request("PUT", "/api/security-profile/items/6.3", { status: "implemented", narrative: "Padlocks on LTL pickups." });
    await other.request("PUT", "/api/security-profile/items/6.2", { status: "not_implemented" });
    // Ours is untouched by theirs, theirs by ours.
    const ours = (await owner.request("GET", "/api/security-profile/items/6.2")).json();
    expect(ours).toMatchObject({ status: "implemented", evidenceCount: 2 });
    const theirs = (await other.request("GET", "/api/security-profile/items/6.2")).json();
    expect(theirs).toMatchObject({ status: "not_implemented", evidenceCount: 1, evidence: [expect.objectContaining({ title: "Theirs" })] });
    expect((await other.request("GET", "/api/security-profile")).json().entityTypes).toEqual(["highway-carrier"]);
    // 6.3 applies to them, not to us: the same 404 as an unknown ID.
    const foreign = await owner.request("GET", "/api/security-profile/items/6.3");
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toEqual({
      ...(await owner.request("GET", "/api/security-profile/items/99.9")).json().error,
      requestId: foreign.json().error.requestId,
    });
    // Their people cannot own our items.
    await expectRefused(
      owner,
      "PUT",
      "/api/security-profile/items/1.1",
      { status: "not_implemented", ownerUserId: other.userId },
      422,
      "rule_violation",
      "owner-not-member",
    );
  });
});
