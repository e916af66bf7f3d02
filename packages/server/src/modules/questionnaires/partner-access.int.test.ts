import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomToken } from "../../auth/crypto.ts";
import { type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart, samplePdf } from "../../test/multipart.ts";
import { collectApiRoutes } from "../../test/routes.ts";
import { EXE } from "../evidence/evidence.fixtures.ts";
import {
  criterionIdsFor,
  insertInvitation,
  insertPartner,
  insertPartnerSession,
  insertQuestionnaire,
  type PartnerCaller,
  partnerCaller,
  questionnaireState,
} from "./questionnaires.fixtures.ts";

describe("partner access", () => {
  let h: Harness;
  let owner: Caller;
  let other: Caller;
  let ipCounter = 0;
  /** A fresh client address per test: the failure counter is per address. */
  const newIp = () => `198.51.100.${++ipCounter}`;
  const from = (ip: string, method: string, url: string, body?: unknown) =>
    h.app.inject({ method: method as never, url, remoteAddress: ip, ...(body === undefined ? {} : { payload: body as never }) });

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    other = await createTenantFixture(h);
  });
  afterAll(() => h?.close());

  async function sentQuestionnaire(tenantId = owner.tenantId, status: "sent" | "in_progress" = "sent") {
    const partner = await insertPartner(h, tenantId);
    return { partner, id: await insertQuestionnaire(h, { tenantId, partnerId: partner.id, status }) };
  }

  async function exchange(ip: string, token: string): Promise<PartnerCaller> {
    const res = await from(ip, "POST", "/api/partner-access/exchange", { token });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "pc_partner");
    return partnerCaller(h, cookie?.value as string, res.json().csrfToken);
  }

  it("answers unknown, malformed, expired, revoked and used links identically (404), on the landing and the exchange", async () => {
    const ip = newIp();
    const q = await sentQuestionnaire();
    const expired = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id, expiresInMs: -1000 });
    const revoked = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id, revoked: true });
    const used = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    await exchange(ip, used.token);
    const tokens = [randomToken(), "short", expired.token, revoked.token, used.token];
    const bodies = new Set<string>();
    for (const token of tokens) {
      const landing = await from(ip, "GET", `/api/partner-access/${token}`);
      const spent = await from(ip, "POST", "/api/partner-access/exchange", { token });
      expect([landing.statusCode, spent.statusCode]).toEqual([404, 404]);
      expect(spent.cookies).toEqual([]);
      bodies.add(landing.body).add(spent.body);
    }
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0] as string).error.code).toBe("not_found");
  });

  it("rate-limits failed look-ups per address, before looking at the token, and spares other addresses", async () => {
    const ip = newIp();
    const q = await sentQuestionnaire();
    const good = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    // Successful look-ups do not count.
    for (let k = 0; k < 12; k++) expect((await from(ip, "GET", `/api/partner-access/${good.token}`)).statusCode).toBe(200);
    const limit = h.config.loginMaxFailures * 2;
    for (let k = 0; k < limit; k++) {
      expect((await from(ip, "POST", "/api/partner-access/exchange", { token: randomToken() })).statusCode).toBe(404);
    }
    const throttled = await from(ip, "POST", "/api/partner-access/exchange", { token: good.token });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    expect((await from(ip, "GET", `/api/partner-access/${good.token}`)).statusCode).toBe(429);
    // Refused while throttled, the good link is still unspent and works from elsewhere.
    await exchange(newIp(), good.token);
  });

  it("spends a link exactly once, even when two exchanges race", async () => {
    const q = await sentQuestionnaire();
    const inv = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    const ip = newIp();
    const results = await Promise.all([1, 2, 3].map(() => from(ip, "POST", "/api/partner-access/exchange", { token: inv.token })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404, 404]);
    const sessions = await h.rawQuery("SELECT 1 FROM partner_sessions WHERE invitation_id = $1", [inv.id]);
    expect(sessions).toHaveLength(1);
  });

  it("ends the session at the link's expiry or after 30 days, whichever is first", async () => {
    const q = await sentQuestionnaire();
    const ip = newIp();
    const soon = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id, expiresInMs: 2 * 86_400_000 });
    const late = await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: q.id, expiresInMs: 55 * 86_400_000 });
    const days = async (token: string) => {
      const res = await from(ip, "POST", "/api/partner-access/exchange", { token });
      return Math.round((Date.parse(res.json().expiresAt) - Date.now()) / 86_400_000);
    };
    expect(await days(soon.token)).toBe(2);
    expect(await days(late.token)).toBe(30);
  });

  it("a partner session gets 401 on every route that is not a partner route", async () => {
    const q = await sentQuestionnaire();
    const p = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    const routes = (await collectApiRoutes(h.app.deps)).filter((r) => r.access && !("public" in r.access) && !("partner" in r.access));
    expect(routes.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const r of routes) {
      const url = r.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => (name === "id" ? q.id : "6.2"));
      // Both CSRF headers, so nothing but the missing credential can be the reason for the refusal.
      const res = await p.request(r.method, url, r.method === "GET" || r.method === "HEAD" ? undefined : {}, {
        "x-csrf-token": p.csrfToken,
      });
      if (res.statusCode !== 401 || (r.method !== "HEAD" && res.json().error.code !== "unauthenticated"))
        wrong.push(`${r.key} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    // Partner routes are declared as such (the hook relies on it).
    const partnerKeys = (await collectApiRoutes(h.app.deps)).filter((r) => r.access && "partner" in r.access).map((r) => r.key);
    expect(partnerKeys.sort()).toEqual(
      [
        "GET /api/partner/questionnaire",
        "HEAD /api/partner/questionnaire",
        "POST /api/partner/questionnaire/evidence",
        "POST /api/partner/questionnaire/submit",
        "PUT /api/partner/questionnaire/answers/:criterionId",
      ].sort(),
    );
  });

  it("refuses user sessions and API tokens on partner routes (401)", async () => {
    for (const [method, url] of [
      ["GET", "/api/partner/questionnaire"],
      ["PUT", `/api/partner/questionnaire/answers/${criterionIdsFor()[0]}`],
      ["POST", "/api/partner/questionnaire/submit"],
    ] as const) {
      const body = method === "PUT" ? { answer: "yes" } : undefined;
      expect((await owner.request(method, url, body)).statusCode).toBe(401);
      expect((await owner.requestWithToken(method, url, body)).statusCode).toBe(401);
    }
  });

  it("reaches only its own questionnaire: never another of the company, never another company's", async () => {
    const mine = await sentQuestionnaire();
    const sibling = await insertQuestionnaire(h, { tenantId: owner.tenantId, partnerId: mine.partner.id, status: "sent" });
    const foreign = await sentQuestionnaire(other.tenantId);
    const p = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: mine.id });
    const untouched = [await questionnaireState(h, sibling), await questionnaireState(h, foreign.id)];
    const view = await p.request("GET", `/api/partner/questionnaire?id=${sibling}&questionnaireId=${foreign.id}`);
    expect(view.json()).toMatchObject({ partner: mine.partner.name });
    expect(view.body).not.toContain(foreign.partner.name);
    const id = criterionIdsFor()[0] as string;
    expect((await p.request("PUT", `/api/partner/questionnaire/answers/${id}`, { answer: "yes" })).statusCode).toBe(200);
    expect((await p.request("PUT", "/api/partner/questionnaire/answers/99.9", { answer: "yes" })).statusCode).toBe(404);
    // Reviewer routes naming the other questionnaires are closed to it.
    for (const target of [sibling, foreign.id]) {
      expect((await p.request("GET", `/api/questionnaires/${target}`)).statusCode).toBe(401);
    }
    expect([await questionnaireState(h, sibling), await questionnaireState(h, foreign.id)]).toEqual(untouched);
    const answered = await h.rawQuery("SELECT answer FROM questionnaire_answers WHERE questionnaire_id = $1 AND criterion_id = $2", [
      mine.id,
      id,
    ]);
    expect(answered[0]?.answer).toBe("yes");
  });

  it("requires the partner CSRF token on every write and changes nothing without it", async () => {
    const q = await sentQuestionnaire(owner.tenantId, "in_progress");
    const p = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    const before = await questionnaireState(h, q.id);
    const evidenceBefore = await h.rawQuery("SELECT count(*)::int AS n FROM evidence_items");
    const id = criterionIdsFor()[0] as string;
    const m = new Multipart({ criterionId: id, file: { filename: "a.pdf", contentType: "application/pdf", data: samplePdf() } });
    const writes: [string, string, unknown, Record<string, string>][] = [
      ["PUT", `/api/partner/questionnaire/answers/${id}`, { answer: "yes" }, {}],
      ["POST", "/api/partner/questionnaire/submit", undefined, {}],
      ["POST", "/api/partner/questionnaire/evidence", m.payload, { "content-type": m.contentType }],
    ];
    for (const [method, url, body, headers] of writes) {
      for (const csrf of [{}, { "x-csrf-token": p.csrfToken }, { "x-partner-csrf-token": `${p.csrfToken}x` }]) {
        const res = await h.app.inject({
          method: method as never,
          url,
          headers: { cookie: p.cookie, ...headers, ...csrf },
          payload: body as never,
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe("csrf_failed");
      }
    }
    expect(await questionnaireState(h, q.id)).toBe(before);
    expect(await h.rawQuery("SELECT count(*)::int AS n FROM evidence_items")).toEqual(evidenceBefore);
  });

  it("refuses expired and revoked partner sessions and unknown cookies", async () => {
    const q = await sentQuestionnaire();
    const expired = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    await h.rawQuery("UPDATE partner_sessions SET expires_at = now() - interval '1 second' WHERE csrf_token = $1", [expired.csrfToken]);
    const revoked = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    await h.rawQuery("UPDATE partner_sessions SET revoked_at = now() WHERE csrf_token = $1", [revoked.csrfToken]);
    const unknown = partnerCaller(h, randomToken(), randomToken(24));
    for (const p of [expired, revoked, unknown]) {
      expect((await p.request("GET", "/api/partner/questionnaire")).statusCode).toBe(401);
    }
  });

  it("checks evidence uploads like the vault does and stores nothing on refusal", async () => {
    const q = await sentQuestionnaire();
    const p = await insertPartnerSession(h, { tenantId: owner.tenantId, questionnaireId: q.id });
    const before = await questionnaireState(h, q.id);
    const count = async () => (await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM evidence_items"))[0]?.n;
    const n = await count();
    const id = criterionIdsFor()[0] as string;
    const cases: [Multipart, number][] = [
      [new Multipart({ criterionId: "99.9", file: { filename: "a.pdf", contentType: "application/pdf", data: samplePdf() } }), 404],
      [new Multipart({ criterionId: id, file: { filename: "a.pdf", contentType: "application/pdf", data: EXE } }), 415],
      [new Multipart({ criterionId: id }), 400],
      [new Multipart({ file: { filename: "a.pdf", contentType: "application/pdf", data: samplePdf() } }), 400],
    ];
    for (const [m, status] of cases) {
      const res = await p.request("POST", "/api/partner/questionnaire/evidence", m.payload, { "content-type": m.contentType });
      expect(`${res.statusCode} ${res.body.slice(0, 80)}`).toMatch(new RegExp(`^${status} `));
    }
    expect(await count()).toBe(n);
    expect(await questionnaireState(h, q.id)).toBe(before);
  });

  it("marks the cookie Secure when the configuration says so", async () => {
    const secure = await createHarness({ cookieSecure: true });
    try {
      const company = await createTenantFixture(secure);
      const partner = await insertPartner(secure, company.tenantId);
      const id = await insertQuestionnaire(secure, { tenantId: company.tenantId, partnerId: partner.id, status: "sent" });
      const inv = await insertInvitation(secure, { tenantId: company.tenantId, questionnaireId: id });
      const res = await secure.app.inject({ method: "POST", url: "/api/partner-access/exchange", payload: { token: inv.token } });
      expect(res.cookies.find((c) => c.name === "pc_partner")).toMatchObject({ secure: true, httpOnly: true, sameSite: "Strict" });
    } finally {
      await secure.close();
    }
    const plain = await from(newIp(), "POST", "/api/partner-access/exchange", {
      token: (await insertInvitation(h, { tenantId: owner.tenantId, questionnaireId: (await sentQuestionnaire()).id })).token,
    });
    expect(plain.cookies.find((c) => c.name === "pc_partner")?.secure).toBeFalsy();
  });
});
