import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture, unique } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { addMonthsIso, todayUtc } from "./review-interval.ts";

const SEAL_SOP = "1. Seals are kept in a locked cabinet.\n2. Only the dock supervisor issues seals and logs each number.";

describe("procedures", () => {
  let h: Harness;
  let owner: Caller;
  let manager: Caller;
  let admin: Caller;
  let analyst: Caller;
  let inspector: Caller;

  const create = (caller: Caller, overrides: Record<string, unknown> = {}) =>
    caller.request("POST", "/api/procedures", {
      code: unique("SOP"),
      title: "High-security seal control",
      body: SEAL_SOP,
      criterionIds: ["6.1", "6.2"],
      ...overrides,
    });

  /** Rows a refused request must leave alone. */
  const counts = async () => {
    const [row] = await h.rawQuery<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM procedures WHERE tenant_id = $1) AS procedures,
        (SELECT count(*)::int FROM procedure_versions WHERE tenant_id = $1) AS versions,
        (SELECT count(*)::int FROM procedure_criteria WHERE tenant_id = $1) AS criteria,
        (SELECT count(*)::int FROM procedure_acks WHERE tenant_id = $1) AS acks,
        (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS events,
        (SELECT md5(string_agg(to_jsonb(p)::text, ',' ORDER BY id)) FROM procedures p WHERE tenant_id = $1) AS p_digest,
        (SELECT md5(string_agg(to_jsonb(v)::text, ',' ORDER BY id)) FROM procedure_versions v WHERE tenant_id = $1) AS v_digest`,
      [owner.tenantId],
    );
    return row;
  };

  const actions = async (id: string) =>
    (await owner.request("GET", `/api/audit/events?entityType=procedure&entityId=${id}&limit=100`))
      .json()
      .items.map((e: { action: string }) => e.action)
      .reverse();

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    manager = await addCaller(h, owner.tenantId, "security-manager");
    admin = await addCaller(h, owner.tenantId, "admin");
    analyst = await addCaller(h, owner.tenantId, "analyst");
    inspector = await addCaller(h, owner.tenantId, "inspector");
  }, 60_000);
  afterAll(() => h?.close(), 60_000);

  it("runs draft → review → approved, supersedes on the next approval, and audits every step", async () => {
    const res = await create(owner, { requiresAck: true });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      status: "draft",
      currentVersion: null,
      latestVersion: 1,
      pending: { version: 1, status: "draft" },
      criterionIds: ["6.1", "6.2"],
      yearlyReview: true,
      reviewIntervalMonths: 12,
      reviewIntervalDefault: true,
      nextReviewOn: null,
      body: SEAL_SOP,
      approvedBody: null,
    });
    expect(p.versions).toHaveLength(1);
    expect(p.versions[0].author.id).toBe(owner.userId);

    const edited = await owner.request("PUT", `/api/procedures/${p.id}/draft`, { body: `${SEAL_SOP}\n3. Broken seals are kept.` });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().body).toContain("Broken seals");
    expect((await owner.request("POST", `/api/procedures/${p.id}/submit`)).json().pending).toEqual({ version: 1, status: "in_review" });
    // A draft cannot be edited while under review, nor a new version started.
    expect((await owner.request("PUT", `/api/procedures/${p.id}/draft`, { body: "x" })).statusCode).toBe(409);
    expect((await owner.request("POST", `/api/procedures/${p.id}/versions`, { body: "x", changeNote: "n" })).statusCode).toBe(409);

    const approved = await manager.request("POST", `/api/procedures/${p.id}/approve`);
    expect(approved.statusCode).toBe(200);
    const a = approved.json();
    expect(a).toMatchObject({ status: "approved", currentVersion: 1, pending: null, approvedBy: { id: manager.userId } });
    expect(a.nextReviewOn).toBe(addMonthsIso(todayUtc(), 12));
    expect(a.approvedBody).toContain("Broken seals");

    const v2 = await analyst.request("POST", `/api/procedures/${p.id}/versions`, {
      body: `${SEAL_SOP}\n4. VVTT on every seal.`,
      changeNote: "VVTT",
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({ status: "draft", currentVersion: 1, latestVersion: 2, pending: { version: 2, status: "draft" } });
    expect((await analyst.request("POST", `/api/procedures/${p.id}/versions`, { body: "again", changeNote: "n" })).statusCode).toBe(409);
    await analyst.request("POST", `/api/procedures/${p.id}/submit`);
    const rejected = await manager.request("POST", `/api/procedures/${p.id}/reject`, { comment: "Name who checks VVTT." });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      pending: { version: 2, status: "draft" },
      rejection: { version: 2, comment: "Name who checks VVTT.", by: { id: manager.userId } },
      currentVersion: 1,
    });
    await analyst.request("POST", `/api/procedures/${p.id}/submit`);
    const second = (await owner.request("POST", `/api/procedures/${p.id}/approve`)).json();
    expect(second).toMatchObject({ status: "approved", currentVersion: 2, latestVersion: 2, rejection: null });
    expect(second.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, "approved"],
      [1, "superseded"],
    ]);
    expect(await actions(p.id)).toEqual([
      "procedure.create",
      "procedure.draft",
      "procedure.submit",
      "procedure.approve",
      "procedure.version",
      "procedure.submit",
      "procedure.reject",
      "procedure.submit",
      "procedure.approve",
    ]);
    expect((await owner.request("GET", "/api/audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("refuses bad links, intervals, owners and codes with a 4xx and changes nothing", async () => {
    const code = unique("SOP");
    expect((await create(owner, { code })).statusCode).toBe(201);
    const before = await counts();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ criterionIds: ["6.99"] }, 422, "rule_violation"],
      [{ criterionIds: ["6.1", "13.1"] }, 400, "validation_failed"],
      [{ criterionIds: ["seal"] }, 400, "validation_failed"],
      [{ criterionIds: ["6.1"], reviewIntervalMonths: 24 }, 422, "rule_violation"],
      [{ criterionIds: ["7.1", "9.8"], reviewIntervalMonths: 13 }, 422, "rule_violation"],
      [{ ownerUserId: "00000000-0000-4000-8000-000000000000" }, 422, "rule_violation"],
      [{ code }, 409, "conflict"],
      [{ reviewIntervalMonths: 0 }, 400, "validation_failed"],
      [{ title: "" }, 400, "validation_failed"],
      [{ extra: true }, 400, "validation_failed"],
    ];
    for (const [body, status, errorCode] of cases) {
      const res = await create(owner, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe(errorCode);
    }
    // Someone else's user is not a possible owner either.
    const stranger = await createTenantFixture(h);
    expect((await create(owner, { ownerUserId: stranger.userId })).statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("keeps a yearly-review procedure on at most 12 months, and recomputes the next review when links change", async () => {
    const p = (await create(owner, { criterionIds: ["7.1"] })).json();
    expect(p).toMatchObject({ reviewIntervalMonths: 24, yearlyReview: false, reviewIntervalDefault: true });
    await owner.request("POST", `/api/procedures/${p.id}/submit`);
    expect((await manager.request("POST", `/api/procedures/${p.id}/approve`)).json().nextReviewOn).toBe(addMonthsIso(todayUtc(), 24));
    expect((await owner.request("PATCH", `/api/procedures/${p.id}`, { reviewIntervalMonths: 36 })).json()).toMatchObject({
      reviewIntervalMonths: 36,
      nextReviewOn: addMonthsIso(todayUtc(), 36),
    });
    const before = await counts();
    const refused = await owner.request("PATCH", `/api/procedures/${p.id}`, { criterionIds: ["7.1", "4.6"] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toMatchObject({ max: 12, yearlyCriteria: ["4.6"] });
    expect(await counts()).toEqual(before);
    // Linking 4.6 with the interval cleared falls back to 12 months and brings the review forward.
    const linked = await owner.request("PATCH", `/api/procedures/${p.id}`, { criterionIds: ["7.1", "4.6"], reviewIntervalMonths: null });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({
      criterionIds: ["4.6", "7.1"],
      reviewIntervalMonths: 12,
      reviewIntervalDefault: true,
      yearlyReview: true,
      nextReviewOn: addMonthsIso(todayUtc(), 12),
    });
    expect((await owner.request("PATCH", `/api/procedures/${p.id}`, { reviewIntervalMonths: 6 })).json().reviewIntervalMonths).toBe(6);
    expect((await owner.request("PATCH", `/api/procedures/${p.id}`, { reviewIntervalMonths: 18 })).statusCode).toBe(422);
  });

  it("four eyes: neither the author nor an editor of the version may approve it", async () => {
    const p = (await create(analyst)).json();
    await manager.request("PUT", `/api/procedures/${p.id}/draft`, { body: `${SEAL_SOP}\nEdited by the manager.`, changeNote: "tightened" });
    await analyst.request("POST", `/api/procedures/${p.id}/submit`);
    const before = await counts();
    for (const who of [manager]) {
      const res = await who.request("POST", `/api/procedures/${p.id}/approve`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("rule_violation");
    }
    // The analyst wrote it but may not approve anything at all.
    expect((await analyst.request("POST", `/api/procedures/${p.id}/approve`)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const ok = await admin.request("POST", `/api/procedures/${p.id}/approve`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().versions[0]).toMatchObject({ status: "approved", changeNote: "tightened", author: { id: analyst.userId } });
    // Wrong-state steps answer 409 and change nothing.
    const after = await counts();
    expect((await admin.request("POST", `/api/procedures/${p.id}/approve`)).statusCode).toBe(409);
    expect((await admin.request("POST", `/api/procedures/${p.id}/reject`, { comment: "late" })).statusCode).toBe(409);
    expect((await admin.request("POST", `/api/procedures/${p.id}/submit`)).statusCode).toBe(409);
    expect((await admin.request("PUT", `/api/procedures/${p.id}/draft`, { body: "x" })).statusCode).toBe(409);
    expect(await counts()).toEqual(after);
  });

  it("lists every active internal member for acknowledgement; acknowledging twice is a harmless 200", async () => {
    const partner = await addCaller(h, owner.tenantId, "partner");
    const gone = await addCaller(h, owner.tenantId, "trainer");
    await h.rawQuery("UPDATE memberships SET deactivated_at = now() WHERE user_id = $1", [gone.userId]);
    const p = (await create(owner, { requiresAck: true })).json();
    expect((await inspector.request("POST", `/api/procedures/${p.id}/acknowledge`)).statusCode).toBe(409);
    const none = (await inspector.request("GET", `/api/procedures/${p.id}/acknowledgements`)).json();
    expect(none.version).toBeNull();
    await owner.request("POST", `/api/procedures/${p.id}/submit`);
    await manager.request("POST", `/api/procedures/${p.id}/approve`);

    const first = await inspector.request("POST", `/api/procedures/${p.id}/acknowledge`);
    expect(first.statusCode).toBe(200);
    const at = first.json().acknowledgedAt;
    expect(at).toEqual(expect.any(String));
    const again = await inspector.requestWithToken("POST", `/api/procedures/${p.id}/acknowledge`);
    expect(again.statusCode).toBe(200);
    expect(again.json().acknowledgedAt).toBe(at);
    expect((await actions(p.id)).filter((a: string) => a === "procedure.acknowledge")).toHaveLength(1);
    expect((await partner.request("POST", `/api/procedures/${p.id}/acknowledge`)).statusCode).toBe(403);

    const list = (await analyst.request("GET", `/api/procedures/${p.id}/acknowledgements`)).json();
    expect(list).toMatchObject({ version: 1, acknowledged: 1, total: 5 });
    const byUser = new Map(list.items.map((i: { user: { id: string }; acknowledgedAt: string | null }) => [i.user.id, i.acknowledgedAt]));
    expect(byUser.get(inspector.userId)).toBe(at);
    expect(byUser.get(owner.userId)).toBeNull();
    expect(byUser.has(partner.userId)).toBe(false);
    expect(byUser.has(gone.userId)).toBe(false);

    // A new approved version needs a fresh acknowledgement.
    await owner.request("POST", `/api/procedures/${p.id}/versions`, { body: "Revised", changeNote: "rev" });
    await owner.request("POST", `/api/procedures/${p.id}/submit`);
    await manager.request("POST", `/api/procedures/${p.id}/approve`);
    expect((await inspector.request("GET", `/api/procedures/${p.id}`)).json().acknowledgedAt).toBeNull();
    expect((await inspector.request("GET", `/api/procedures/${p.id}/acknowledgements`)).json()).toMatchObject({
      version: 2,
      acknowledged: 0,
    });
  });

  it("lists with filters, archives, and answers another company's procedure like a missing one", async () => {
    const code = unique("CYB");
    const p = (await create(owner, { code, title: "Cybersecurity policy", criterionIds: ["4.1", "4.6"] })).json();
    await owner.request("POST", `/api/procedures/${p.id}/submit`);
    await manager.request("POST", `/api/procedures/${p.id}/approve`);
    expect((await inspector.request("GET", `/api/procedures?q=${code}`)).json()).toMatchObject({ total: 1 });
    expect((await inspector.request("GET", "/api/procedures?criterionId=4.6")).json().items.map((i: { id: string }) => i.id)).toContain(
      p.id,
    );
    expect((await inspector.request("GET", "/api/procedures?reviewDue=true")).json().items.map((i: { id: string }) => i.id)).not.toContain(
      p.id,
    );
    await h.rawQuery("UPDATE procedures SET next_review_on = current_date - 3 WHERE id = $1", [p.id]);
    const due = (await inspector.request("GET", "/api/procedures?reviewDue=true")).json().items.find((i: { id: string }) => i.id === p.id);
    expect(due).toMatchObject({ reviewDue: true, reviewOverdue: true });
    expect(
      (await inspector.request("GET", "/api/procedures?status=approved"))
        .json()
        .items.every((i: { status: string }) => i.status === "approved"),
    ).toBe(true);

    const other = await createTenantFixture(h);
    const theirs = (await create(other)).json();
    const foreign = await owner.request("GET", `/api/procedures/${theirs.id}`);
    const missing = await owner.request("GET", "/api/procedures/00000000-0000-4000-8000-000000000000");
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect((await owner.request("POST", `/api/procedures/${theirs.id}/submit`)).statusCode).toBe(404);
    expect((await owner.request("GET", "/api/procedures/not-a-uuid")).statusCode).toBe(404);

    expect((await inspector.request("POST", `/api/procedures/${p.id}/archive`)).statusCode).toBe(403);
    const archived = await analyst.request("POST", `/api/procedures/${p.id}/archive`);
    expect(archived.json()).toMatchObject({ status: "archived", reviewDue: false });
    expect((await owner.request("PATCH", `/api/procedures/${p.id}`, { title: "New" })).statusCode).toBe(409);
    expect((await owner.request("GET", `/api/procedures?q=${code}`)).json().total).toBe(0);
    expect((await owner.request("GET", `/api/procedures?q=${code}&status=archived`)).json().total).toBe(1);
    expect((await actions(p.id)).at(-1)).toBe("procedure.archive");
  });
});
