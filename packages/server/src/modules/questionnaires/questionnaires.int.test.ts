import { criteriaFor, getCriterion } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../auth/crypto.ts";
import { addCaller, anonymous, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart, samplePdf } from "../../test/multipart.ts";
import {
  criterionIdsFor,
  insertPartner,
  insertPartnerSession,
  insertQuestionnaire,
  partnerCaller,
  questionnaireState,
} from "./questionnaires.fixtures.ts";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("questionnaires", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  let inspector: Caller;
  let other: Caller;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
    inspector = await addCaller(h, owner.tenantId, "inspector");
    other = await createTenantFixture(h);
  });
  afterAll(() => h?.close());

  const count = async (table: string) => (await h.rawQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

  it("runs the whole round trip: create in Spanish, invite, answer, send back one item, fix it, accept, score the partner", async () => {
    const partner = await insertPartner(h, owner.tenantId, { name: "Maquiladora del Norte", type: "manufacturer" });
    const created = await analyst.request("POST", "/api/questionnaires", { partnerId: partner.id, dueOn: inDays(21), lang: "es" });
    expect(created.statusCode).toBe(201);
    const q = created.json();
    const expectedIds = criteriaFor(["foreign-manufacturer"]).map((c) => c.criterion.id);
    expect(q).toMatchObject({ status: "draft", lang: "es", round: 1, entityType: "foreign-manufacturer", score: null });
    expect(q.items.map((i: { criterionId: string }) => i.criterionId)).toEqual(expectedIds);
    const must = q.items.find((i: { level: string }) => i.level === "must");
    const should = q.items.find((i: { level: string }) => i.level === "should");
    expect(must.levelLabel).toBe("Debe");
    expect(should.levelLabel).toBe("Debería");
    expect(must.requirement).toBe(getCriterion(must.criterionId)?.requirement.es);

    // Invite: the link carries a 256-bit token; only its SHA-256 is stored; the draft becomes sent.
    const invited = await analyst.request("POST", `/api/questionnaires/${q.id}/invitations`, {
      email: "calidad@maquiladora.example",
      expiresInDays: 10,
    });
    expect(invited.statusCode).toBe(201);
    const { url } = invited.json();
    const token = /^\/q\/([A-Za-z0-9_-]{43})$/.exec(url)?.[1] as string;
    expect(token).toBeDefined();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await h.rawQuery<{ token_hash: string; row: string }>(
      "SELECT token_hash, to_jsonb(i)::text AS row FROM questionnaire_invitations i WHERE questionnaire_id = $1",
      [q.id],
    );
    expect(stored[0]?.token_hash).toBe(sha256Hex(token));
    expect(stored[0]?.row).not.toContain(token);
    expect((await owner.request("GET", `/api/questionnaires/${q.id}`)).json()).toMatchObject({
      status: "sent",
      invitations: [{ state: "open" }],
    });

    // A mail scanner opens the link: the landing answers and the link stays unspent.
    for (let k = 0; k < 3; k++) {
      const landing = await anonymous(h, "GET", `/api/partner-access/${token}`);
      expect(landing.statusCode).toBe(200);
      expect(landing.json()).toMatchObject({ partner: "Maquiladora del Norte", status: "sent", lang: "es" });
    }
    expect((await h.rawQuery("SELECT used_at FROM questionnaire_invitations WHERE questionnaire_id = $1", [q.id]))[0]?.used_at).toBeNull();

    const exchanged = await anonymous(h, "POST", "/api/partner-access/exchange", { token });
    expect(exchanged.statusCode).toBe(200);
    const cookie = exchanged.cookies.find((c) => c.name === "pc_partner");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/partner" });
    const p = partnerCaller(h, cookie?.value as string, exchanged.json().csrfToken);

    // The partner answers in Spanish, attaches a file, and submits.
    const view = (await p.request("GET", "/api/partner/questionnaire")).json();
    expect(view).toMatchObject({ partner: "Maquiladora del Norte", status: "sent", canSubmit: false, progress: { answered: 0 } });
    expect(view.items.every((i: { editable: boolean }) => i.editable)).toBe(true);
    const [first, second, third, ...rest] = expectedIds as [string, string, string, ...string[]];
    const answers: Record<string, string> = { [first]: "partial", [second]: "no", [third]: "not_applicable" };
    for (const id of rest) answers[id] = "yes";
    for (const [criterionId, answer] of Object.entries(answers)) {
      const saved = await p.request("PUT", `/api/partner/questionnaire/answers/${criterionId}`, {
        answer,
        comment: answer === "yes" ? null : "Lo estamos implementando en la planta de Monterrey.",
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ criterionId, answer });
    }
    const m = new Multipart({
      criterionId: first,
      file: { filename: "declaracion.pdf", contentType: "application/pdf", data: samplePdf() },
    });
    const uploaded = await p.request("POST", "/api/partner/questionnaire/evidence", m.payload, { "content-type": m.contentType });
    expect(uploaded.statusCode).toBe(201);
    const evidenceId = uploaded.json().evidence[0].id;
    expect((await owner.request("GET", `/api/evidence/${evidenceId}`)).json().links).toEqual([
      expect.objectContaining({ targetType: "questionnaire", targetId: q.id }),
    ]);
    expect((await p.request("GET", "/api/partner/questionnaire")).json()).toMatchObject({ status: "in_progress", canSubmit: true });
    expect((await p.request("POST", "/api/partner/questionnaire/submit")).json()).toMatchObject({ status: "submitted" });
    expect((await p.request("PUT", `/api/partner/questionnaire/answers/${first}`, { answer: "yes" })).statusCode).toBe(422);

    // The reviewer sends one item back.
    const review1 = await analyst.request("POST", `/api/questionnaires/${q.id}/review`, {
      items: expectedIds.map((criterionId) =>
        criterionId === second
          ? { criterionId, decision: "change", comment: "Adjunta el procedimiento de sellos." }
          : { criterionId, decision: "accept" },
      ),
    });
    expect(review1.statusCode).toBe(200);
    const r1 = review1.json();
    expect(r1).toMatchObject({ status: "changes_requested", round: 2, score: null });
    expect(r1.rounds).toHaveLength(1);
    expect(r1.rounds[0].items).toHaveLength(expectedIds.length);
    expect(r1.rounds[0].items.find((i: { criterionId: string }) => i.criterionId === second)).toMatchObject({
      review: "change_requested",
      reviewComment: "Adjunta el procedimiento de sellos.",
    });
    expect(r1.items.find((i: { criterionId: string }) => i.criterionId === second)).toMatchObject({ round: 2, answer: "no", review: null });

    // The partner may change only that item.
    const back = (await p.request("GET", "/api/partner/questionnaire")).json();
    expect(back.items.filter((i: { editable: boolean }) => i.editable).map((i: { criterionId: string }) => i.criterionId)).toEqual([
      second,
    ]);
    expect(back.items.find((i: { criterionId: string }) => i.criterionId === second).changeRequest).toBe(
      "Adjunta el procedimiento de sellos.",
    );
    const refused = await p.request("PUT", `/api/partner/questionnaire/answers/${first}`, { answer: "yes" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.rule).toBe("not-sent-back");
    expect(
      (await p.request("PUT", `/api/partner/questionnaire/answers/${second}`, { answer: "yes", comment: "Procedimiento adjunto." }))
        .statusCode,
    ).toBe(200);
    expect((await p.request("POST", "/api/partner/questionnaire/submit")).statusCode).toBe(200);

    // Round 2 is decided item by item: the whole list is refused, the one item accepted.
    const wrong = await analyst.request("POST", `/api/questionnaires/${q.id}/review`, {
      items: expectedIds.map((criterionId) => ({ criterionId, decision: "accept" })),
    });
    expect(wrong.statusCode).toBe(422);
    const accepted = await analyst.request("POST", `/api/questionnaires/${q.id}/review`, {
      items: [{ criterionId: second, decision: "accept" }],
    });
    expect(accepted.statusCode).toBe(200);
    const levels = new Map(criteriaFor(["foreign-manufacturer"]).map((c) => [c.criterion.id, c.level]));
    const final = { ...answers, [second]: "yes" };
    let points = 0;
    let weight = 0;
    for (const [id, answer] of Object.entries(final)) {
      if (answer === "not_applicable") continue;
      const w = levels.get(id) === "must" ? 2 : 1;
      points += w * ({ yes: 100, partial: 50, no: 0 } as Record<string, number>)[answer]!;
      weight += w;
    }
    const score = Math.round(points / weight);
    expect(score).toBeLessThan(100);
    expect(accepted.json()).toMatchObject({ status: "accepted", score, round: 2 });
    const partnerRow = await h.rawQuery("SELECT vulnerability_score FROM partners WHERE id = $1", [partner.id]);
    expect(partnerRow[0]?.vulnerability_score).toBe(100 - score);

    // Every write is in the chain, the partner's under its own label, and the chain verifies.
    const events = (await owner.request("GET", `/api/audit/events?entityType=questionnaire&entityId=${q.id}&limit=200`)).json().items;
    const actions = events.map((e: { action: string }) => e.action);
    for (const a of [
      "questionnaire.create",
      "questionnaire.invite",
      "questionnaire.partner_access",
      "questionnaire.answer",
      "questionnaire.evidence",
      "questionnaire.submit",
      "questionnaire.review",
    ]) {
      expect(actions).toContain(a);
    }
    const partnerEvent = events.find((e: { action: string }) => e.action === "questionnaire.submit");
    expect(partnerEvent.actor).toMatchObject({ id: null, label: "partner:Maquiladora del Norte" });
    expect((await owner.request("GET", "/api/audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("refuses bad creations (unknown, foreign or archived partner, past due date, bad fields) and writes nothing", async () => {
    const mine = await insertPartner(h, owner.tenantId);
    const archived = await insertPartner(h, owner.tenantId, { archived: true });
    const theirs = await insertPartner(h, other.tenantId);
    const before = await count("questionnaires");
    const missing = await analyst.request("POST", "/api/questionnaires", { partnerId: crypto.randomUUID(), dueOn: inDays(5) });
    const foreign = await analyst.request("POST", "/api/questionnaires", { partnerId: theirs.id, dueOn: inDays(5) });
    expect(missing.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect(
      (await analyst.request("POST", "/api/questionnaires", { partnerId: archived.id, dueOn: inDays(5) })).json().error.details.rule,
    ).toBe("partner-archived");
    expect((await analyst.request("POST", "/api/questionnaires", { partnerId: mine.id, dueOn: inDays(-1) })).statusCode).toBe(422);
    for (const body of [
      { partnerId: mine.id, dueOn: inDays(5), lang: "fr" },
      { partnerId: mine.id, dueOn: "tomorrow" },
      { partnerId: mine.id, dueOn: inDays(5), status: "accepted" },
    ]) {
      expect((await analyst.request("POST", "/api/questionnaires", body)).statusCode).toBe(400);
    }
    expect((await inspector.request("POST", "/api/questionnaires", { partnerId: mine.id, dueOn: inDays(5) })).statusCode).toBe(403);
    expect(await count("questionnaires")).toBe(before);
  });

  it("lists by partner and status, and hides another company's questionnaires", async () => {
    const partner = await insertPartner(h, owner.tenantId);
    const a = (await analyst.request("POST", "/api/questionnaires", { partnerId: partner.id, dueOn: inDays(9) })).json();
    await analyst.request("POST", `/api/questionnaires/${a.id}/invitations`, {});
    const theirPartner = await insertPartner(h, other.tenantId);
    const theirs = await insertQuestionnaire(h, { tenantId: other.tenantId, partnerId: theirPartner.id });
    const list = (await inspector.request("GET", `/api/questionnaires?partnerId=${partner.id}`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: a.id, status: "sent", partner: { id: partner.id } }] });
    expect(list.items[0].progress).toEqual({ answered: 0, total: criterionIdsFor().length });
    expect((await inspector.request("GET", `/api/questionnaires?partnerId=${partner.id}&status=draft`)).json().total).toBe(0);
    expect((await inspector.request("GET", `/api/questionnaires?partnerId=${theirPartner.id}`)).json().total).toBe(0);
    expect((await inspector.request("GET", "/api/questionnaires?partnerId=nonsense")).json().total).toBe(0);
    const foreign = await owner.request("GET", `/api/questionnaires/${theirs}`);
    const missing = await owner.request("GET", `/api/questionnaires/${crypto.randomUUID()}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
  });

  it("enforces the review rules and changes nothing when it refuses", async () => {
    const partner = await insertPartner(h, owner.tenantId);
    const draft = await insertQuestionnaire(h, { tenantId: owner.tenantId, partnerId: partner.id });
    const submitted = await insertQuestionnaire(h, {
      tenantId: owner.tenantId,
      partnerId: partner.id,
      status: "submitted",
      answered: true,
    });
    const ids = criterionIdsFor();
    const all = (decision: string) => ids.map((criterionId) => ({ criterionId, decision }));
    const states = [await questionnaireState(h, draft), await questionnaireState(h, submitted)];
    expect((await analyst.request("POST", `/api/questionnaires/${draft}/review`, { items: all("accept") })).json().error.details.rule).toBe(
      "not-submitted",
    );
    const noComment = await analyst.request("POST", `/api/questionnaires/${submitted}/review`, { items: all("change") });
    expect(noComment.json().error.details.rule).toBe("comment-required");
    const partial = await analyst.request("POST", `/api/questionnaires/${submitted}/review`, { items: all("accept").slice(1) });
    expect(partial.json().error.details).toMatchObject({ rule: "decide-each-item-once", missing: [ids[0]] });
    const stray = await analyst.request("POST", `/api/questionnaires/${submitted}/review`, {
      items: [...all("accept"), { criterionId: "99.9", decision: "accept" }],
    });
    expect(stray.json().error.details.notInRound).toEqual(["99.9"]);
    const twice = await analyst.request("POST", `/api/questionnaires/${submitted}/review`, { items: [...all("accept"), all("accept")[0]] });
    expect(twice.json().error.details.duplicates).toEqual([ids[0]]);
    expect([await questionnaireState(h, draft), await questionnaireState(h, submitted)]).toEqual(states);
  });

  it("limits invitations to open questionnaires and 1–60 days, and revocation ends links and sessions at once", async () => {
    const partner = await insertPartner(h, owner.tenantId);
    const accepted = await insertQuestionnaire(h, { tenantId: owner.tenantId, partnerId: partner.id, status: "accepted", answered: true });
    expect((await analyst.request("POST", `/api/questionnaires/${accepted}/invitations`, {})).json().error.details.rule).toBe("not-open");
    const q = await insertQuestionnaire(h, { tenantId: owner.tenantId, partnerId: partner.id, status: "sent" });
    for (const expiresInDays of [0, 61, 1.5]) {
      expect((await analyst.request("POST", `/api/questionnaires/${q}/invitations`, { expiresInDays })).statusCode).toBe(400);
    }
    const def = (await analyst.request("POST", `/api/questionnaires/${q}/invitations`, {})).json();
    expect(Math.round((Date.parse(def.expiresAt) - Date.now()) / 86_400_000)).toBe(14);
    const session = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: q });
    expect((await session.request("GET", "/api/partner/questionnaire")).statusCode).toBe(200);
    const revoked = await analyst.request("POST", `/api/questionnaires/${q}/invitations/revoke`);
    expect(revoked.json()).toEqual({ revokedInvitations: 1, revokedSessions: 1 });
    expect((await session.request("GET", "/api/partner/questionnaire")).statusCode).toBe(401);
    const token = def.url.slice(3);
    expect((await anonymous(h, "GET", `/api/partner-access/${token}`)).statusCode).toBe(404);
    expect((await owner.request("GET", `/api/questionnaires/${q}`)).json().invitations.map((i: { state: string }) => i.state)).toContain(
      "revoked",
    );
  });
});
