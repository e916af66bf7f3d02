import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { runReminders } from "../notifications/reminders.job.ts";
import { seedQuestionnairesDemo } from "./questionnaires.demo.ts";
import { insertPartner, insertQuestionnaire } from "./questionnaires.fixtures.ts";

/** The questionnaires' daily reminders and their demo data. */
describe("questionnaire reminders and demo", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it("reminds 7 days before the due date and once overdue, only while the partner still has to answer", async () => {
    const company = await createTenantFixture(h);
    const partner = await insertPartner(h, company.tenantId, { name: "Transportes Frontera" });
    const make = async (status: "sent" | "in_progress" | "changes_requested" | "submitted" | "draft", due: number) => {
      const id = await insertQuestionnaire(h, { tenantId: company.tenantId, partnerId: partner.id, status });
      await h.rawQuery("UPDATE questionnaires SET due_on = current_date + $2::int WHERE id = $1", [id, due]);
      return id;
    };
    const soon = await make("sent", 7);
    const late = await make("changes_requested", -2);
    await make("in_progress", 8); // not yet
    await make("submitted", -5); // the reviewers' turn
    await make("draft", 1); // never sent
    const today = (await h.rawQuery<{ d: string }>("SELECT current_date::text AS d"))[0]?.d as string;
    await runReminders({ db: h.db.kysely, today });
    await runReminders({ db: h.db.kysely, today });
    const rows = await h.rawQuery<{ kind: string; subject_id: string; params: { partnerName: string } }>(
      "SELECT kind, subject_id, params FROM notifications WHERE tenant_id = $1 AND kind LIKE 'questionnaire.%' ORDER BY kind",
      [company.tenantId],
    );
    expect(rows.map((r) => [r.kind, r.subject_id])).toEqual([
      ["questionnaire.due-soon", soon],
      ["questionnaire.overdue", late],
    ]);
    expect(rows[0]?.params.partnerName).toBe("Transportes Frontera");
  });

  it("seeds the demo: an accepted questionnaire with a score, one awaiting review, one with an open link", async () => {
    const company = await createTenantFixture(h);
    const names = ["Maquila Uno", "Carrier Two", "Broker Three"];
    for (const [k, name] of names.entries()) {
      await insertPartner(h, company.tenantId, { name, type: ["manufacturer", "highway-carrier", "customs-broker"][k] as string });
      await h.rawQuery("UPDATE partners SET created_at = now() + make_interval(secs => $2) WHERE name = $1", [name, k]);
    }
    const result = await seedQuestionnairesDemo({
      db: h.db,
      tenantId: company.tenantId,
      actor: { id: company.userId, label: company.email },
    });
    expect(result.accepted).toMatchObject({ partner: "Maquila Uno", score: expect.any(Number) });
    expect(result.submitted).toMatchObject({ partner: "Carrier Two" });
    expect(result.open).toMatchObject({ partner: "Broker Three", url: expect.stringMatching(/^\/q\/[A-Za-z0-9_-]{43}$/) });
    const statuses = await h.rawQuery<{ name: string; status: string; round: number; vulnerability_score: number | null }>(
      `SELECT p.name, q.status, q.round, p.vulnerability_score FROM questionnaires q JOIN partners p ON p.id = q.partner_id
       WHERE q.tenant_id = $1 ORDER BY p.created_at`,
      [company.tenantId],
    );
    expect(statuses).toEqual([
      { name: "Maquila Uno", status: "accepted", round: 2, vulnerability_score: 100 - (result.accepted?.score ?? Number.NaN) },
      { name: "Carrier Two", status: "submitted", round: 1, vulnerability_score: null },
      { name: "Broker Three", status: "sent", round: 1, vulnerability_score: null },
    ]);
    const landing = await anonymous(h, "GET", `/api/partner-access/${result.open?.url.slice(3)}`);
    expect(landing.json()).toMatchObject({ partner: "Broker Three", status: "sent", lang: "es" });
    expect((await company.request("GET", "/api/audit/verify")).json()).toMatchObject({ ok: true });
  });
});
