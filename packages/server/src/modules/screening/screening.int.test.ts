import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";
import { seedScreeningDemo } from "./screening.demo.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

type Match = { id: string; score: number; matchedOn: string[]; status: string; partner: { id: string }; entry: { name: string } };

describe("denied-party screening", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  let manager: Caller;
  let auditor: Caller;
  let other: Caller;
  const partners: Record<string, string> = {};

  const upload = (caller: Caller, source: string, file: { filename: string; data: Buffer | string } | null, name = `List ${source}`) => {
    const parts: ConstructorParameters<typeof Multipart>[0] = {};
    if (name) parts.name = name;
    if (source) parts.source = source;
    if (file) parts.file = { filename: file.filename, contentType: "application/octet-stream", data: file.data };
    const m = new Multipart(parts);
    return caller.request("POST", "/api/screening/lists", m.payload, { "content-type": m.contentType });
  };

  async function addPartner(
    tenantId: string,
    p: { name: string; legalName?: string; status?: string; address?: string; country?: string; archived?: boolean },
  ) {
    const id = randomUUID();
    await h.rawQuery(
      `INSERT INTO partners (id, tenant_id, name, legal_name, type, country_code, address, status, archived_at)
       VALUES ($1, $2, $3, $4, 'manufacturer', $5, $6, $7, CASE WHEN $8 THEN now() END)`,
      [id, tenantId, p.name, p.legalName ?? null, p.country ?? "MX", p.address ?? null, p.status ?? "prospect", p.archived ?? false],
    );
    return id;
  }

  /** Row counts of everything screening writes, for one company. */
  async function counts(tenantId: string) {
    const [row] = await h.rawQuery<{ lists: number; entries: number; matches: number; history: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM screening_lists WHERE tenant_id = $1) AS lists,
              (SELECT count(*)::int FROM screening_entries WHERE tenant_id = $1) AS entries,
              (SELECT count(*)::int FROM screening_matches WHERE tenant_id = $1) AS matches,
              (SELECT count(*)::int FROM partner_status_history WHERE tenant_id = $1) AS history,
              (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS audit`,
      [tenantId],
    );
    if (!row) throw new Error("no counts");
    return row;
  }

  const matchesOf = async (caller: Caller, query = "") => (await caller.request("GET", `/api/screening/matches?limit=200${query}`)).json();
  const statusOf = async (id: string) =>
    (await h.rawQuery<{ status: string }>("SELECT status FROM partners WHERE id = $1", [id]))[0]?.status;

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
    manager = await addCaller(h, owner.tenantId, "security-manager");
    auditor = await addCaller(h, owner.tenantId, "auditor");
    other = await createTenantFixture(h);
    const t = owner.tenantId;
    partners.acme = await addPartner(t, {
      name: "Acme Trading S.A. de C.V.",
      status: "approved",
      address: "Av. Ficticia 123, Ciudad Imaginaria, Jalisco",
    });
    partners.zorblatt = await addPartner(t, { name: "ZD Imports", legalName: "Zorblatt Dynamic Co.", status: "approved", country: "HK" });
    partners.maple = await addPartner(t, { name: "Maple Leaf Imaginary Foods", country: "CA" });
    partners.terminated = await addPartner(t, { name: "Quuxbridge Shipping LLC", status: "terminated", country: "US" });
    partners.archived = await addPartner(t, { name: "Quuxbridge Shipping", archived: true, country: "US" });
    // The other company has a partner of the same name, but no list.
    partners.foreign = await addPartner(other.tenantId, { name: "Acme Trading SA de CV" });
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("imports the Consolidated Screening List and screens every active partner in the same request", async () => {
    const before = await counts(owner.tenantId);
    const res = await upload(analyst, "csl", { filename: "consolidated.csv", data: fixture("csl-sample.csv") }, "CSL January");
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.list).toMatchObject({
      name: "CSL January",
      source: "csl",
      format: "csv",
      filename: "consolidated.csv",
      entryCount: 5,
      importedBy: { id: analyst.userId, displayName: analyst.email },
    });
    expect(body.list.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Acme, Zorblatt and Maple are active; the terminated and the archived partner are not screened.
    expect(body.screened).toBe(3);
    const found = (body.matches as Match[]).map((m) => [m.partner.id, m.entry.name, m.score, m.matchedOn.join("+")]);
    expect(found).toEqual([
      [partners.acme, "ACME TRADING SA DE CV", 100, "name+address"],
      [partners.zorblatt, "Zorblatt Dynamics Ltd.", 100, "alias"],
    ]);
    expect(body.matches[0]).toMatchObject({
      status: "open",
      partner: { name: "Acme Trading S.A. de C.V.", status: "approved", countryCode: "MX" },
      entry: { programs: ["EAR"], countryCodes: ["MX"], altNames: ["ACME COMERCIAL", "ACME TRADE HOUSE"], list: { name: "CSL January" } },
    });
    expect(await counts(owner.tenantId)).toEqual({
      ...before,
      lists: before.lists + 1,
      entries: before.entries + 5,
      matches: before.matches + 2,
      audit: before.audit + 1,
    });
    const [event] = await h.rawQuery<{ action: string; after: { entryCount: number; screened: number; matchIds: string[] } }>(
      "SELECT action, after FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1",
      [owner.tenantId],
    );
    expect(event).toMatchObject({ action: "screening.list.import", after: { entryCount: 5, screened: 3 } });
    expect(event?.after.matchIds.sort()).toEqual((body.matches as Match[]).map((m) => m.id).sort());

    const lists = (await auditor.request("GET", "/api/screening/lists")).json();
    expect(lists).toMatchObject({ total: 1, items: [{ id: body.list.id, entryCount: 5 }] });
  });

  it("imports OFAC sdn.csv and sdn.xml, rescreening against each new list", async () => {
    const csv = await upload(analyst, "sdn-csv", { filename: "sdn.csv", data: fixture("sdn-sample.csv") });
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json().list).toMatchObject({ source: "sdn-csv", format: "csv", entryCount: 4 });
    // sdn.csv has no addresses: a name match alone.
    expect((csv.json().matches as Match[]).map((m) => [m.entry.name, m.score, m.matchedOn.join("+")])).toEqual([
      ["ACME TRADING SA DE CV", 100, "name"],
      ["ZORBLATT DYNAMICS LTD.", 99, "name"],
    ]);
    const xml = await upload(owner, "sdn-xml", { filename: "sdn.xml", data: fixture("sdn-sample.xml") });
    expect(xml.statusCode, xml.body).toBe(201);
    expect(xml.json().list).toMatchObject({ source: "sdn-xml", format: "xml", entryCount: 3 });
    // "ZORBLATT DYNAMICS LTD. & PARTNERS" has a word more than the partner's names: under the threshold.
    expect(xml.json().matches).toHaveLength(1);
    const [acme] = xml.json().matches as Match[];
    expect(acme).toMatchObject({ partner: { id: partners.acme }, score: 100, matchedOn: ["name", "address"] });
    expect(acme && "entry" in acme && acme.entry).toMatchObject({ countryCodes: ["MX"], programs: ["SDNTK"] });
  });

  it("rescreening never repeats a pair; a new partner is found on every list; one partner can be rescreened", async () => {
    const before = await counts(owner.tenantId);
    const again = await analyst.request("POST", "/api/screening/run", {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ screened: 3, matches: [] });
    expect(await counts(owner.tenantId)).toEqual({ ...before, audit: before.audit + 1 });

    partners.comercial = await addPartner(owner.tenantId, { name: "Acme Comercial", country: "MX" });
    const one = await analyst.request("POST", "/api/screening/run", { partnerId: partners.comercial });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().screened).toBe(1);
    // The alias ACME COMERCIAL is on all three lists.
    expect((one.json().matches as Match[]).map((m) => [m.partner.id, m.matchedOn[0], m.score])).toEqual([
      [partners.comercial, "alias", 100],
      [partners.comercial, "alias", 100],
      [partners.comercial, "alias", 100],
    ]);
    expect((await analyst.request("POST", "/api/screening/run", {})).json().matches).toEqual([]);
    const [dupes] = await h.rawQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT 1 FROM screening_matches GROUP BY tenant_id, partner_id, entry_id HAVING count(*) > 1) d",
    );
    expect(dupes?.n).toBe(0);

    for (const [partnerId, status, code] of [
      [partners.foreign, 404, "not_found"],
      [randomUUID(), 404, "not_found"],
      ["not-a-uuid", 404, "not_found"],
      [partners.terminated, 422, "rule_violation"],
    ] as const) {
      const res = await analyst.request("POST", "/api/screening/run", { partnerId });
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
    expect((await auditor.request("POST", "/api/screening/run", {})).statusCode).toBe(403);
  });

  it("lists matches with filters", async () => {
    const all = await matchesOf(auditor);
    // CSL 2, sdn.csv 2, sdn.xml 1, and Acme Comercial on all three lists.
    expect(all.total).toBe(8);
    expect((all.items as Match[]).every((m) => m.status === "open")).toBe(true);
    const acme = await matchesOf(auditor, `&partnerId=${partners.acme}`);
    expect(acme.total).toBe(3);
    expect((await matchesOf(auditor, "&partnerId=garbage")).total).toBe(0);
    expect((await matchesOf(auditor, "&status=confirmed")).total).toBe(0);
    expect((await auditor.request("GET", "/api/screening/matches?status=maybe")).statusCode).toBe(400);
  });

  it("decisions: a false positive never alerts again, a confirmed match suspends an approved partner", async () => {
    const acme = (await matchesOf(auditor, `&partnerId=${partners.acme}`)).items as Match[];
    const [first, second] = acme;
    if (!first || !second) throw new Error("expected Acme matches");
    expect(
      (await analyst.request("POST", `/api/screening/matches/${first.id}/decision`, { decision: "confirmed", note: "x" })).statusCode,
    ).toBe(403);

    let before = await counts(owner.tenantId);
    const fp = await manager.request("POST", `/api/screening/matches/${first.id}/decision`, {
      decision: "false-positive",
      note: "Different RFC and address on file",
    });
    expect(fp.statusCode, fp.body).toBe(200);
    expect(fp.json()).toMatchObject({
      status: "false-positive",
      note: "Different RFC and address on file",
      decidedBy: { id: manager.userId },
      partner: { status: "approved" },
    });
    expect(await counts(owner.tenantId)).toEqual({ ...before, audit: before.audit + 1 });
    const repeat = await manager.request("POST", `/api/screening/matches/${first.id}/decision`, {
      decision: "false-positive",
      note: "again",
    });
    expect([repeat.statusCode, repeat.json().error.code]).toEqual([422, "rule_violation"]);

    // A new edition of the same list: the dismissed pair stays quiet, the other pairs alert on the new entries.
    const reimport = await upload(analyst, "csl", { filename: "consolidated.csv", data: fixture("csl-sample.csv") }, "CSL February");
    expect(reimport.statusCode).toBe(201);
    const dismissedName = first.entry.name;
    const realerted = (reimport.json().matches as Match[]).filter((m) => m.partner.id === partners.acme && m.entry.name === dismissedName);
    expect(realerted).toEqual([]);
    expect((reimport.json().matches as Match[]).map((m) => m.partner.id).sort()).toEqual([partners.comercial, partners.zorblatt].sort());

    before = await counts(owner.tenantId);
    const confirmed = await owner.request("POST", `/api/screening/matches/${second.id}/decision`, {
      decision: "confirmed",
      note: "Same entity",
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "confirmed", partner: { id: partners.acme, status: "suspended" } });
    expect(await statusOf(partners.acme as string)).toBe("suspended");
    expect(await counts(owner.tenantId)).toEqual({ ...before, history: before.history + 1, audit: before.audit + 2 });
    const [history] = await h.rawQuery<{ from_status: string; to_status: string; reason: string; actor_id: string }>(
      "SELECT from_status, to_status, reason, actor_id FROM partner_status_history WHERE partner_id = $1",
      [partners.acme],
    );
    expect(history).toMatchObject({ from_status: "approved", to_status: "suspended", actor_id: owner.userId });
    expect(history?.reason).toContain(second.entry.name);
    const final = await owner.request("POST", `/api/screening/matches/${second.id}/decision`, { decision: "false-positive", note: "undo" });
    expect(final.statusCode).toBe(422);

    // A false positive may still be confirmed later; the partner is already suspended, so no second move.
    before = await counts(owner.tenantId);
    const later = await owner.request("POST", `/api/screening/matches/${first.id}/decision`, { decision: "confirmed", note: "New facts" });
    expect(later.json()).toMatchObject({ status: "confirmed" });
    expect(await counts(owner.tenantId)).toEqual({ ...before, audit: before.audit + 1 });

    // Confirming a prospect's match records the decision but moves nothing.
    const [prospectMatch] = (await matchesOf(auditor, `&partnerId=${partners.comercial}`)).items as Match[];
    before = await counts(owner.tenantId);
    await owner.request("POST", `/api/screening/matches/${prospectMatch?.id}/decision`, { decision: "confirmed", note: "Same" });
    expect(await statusOf(partners.comercial as string)).toBe("prospect");
    expect(await counts(owner.tenantId)).toEqual({ ...before, audit: before.audit + 1 });
  });

  it("bad files, fields and sizes are refused and leave nothing behind", async () => {
    const before = await counts(owner.tenantId);
    const cases: [Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>, number, string][] = [
      [upload(analyst, "csl", { filename: "x.csv", data: "id,title\n1,Not a list\n" }), 400, "bad_request"],
      [upload(analyst, "sdn-xml", { filename: "x.xml", data: "<sdnList><sdnEntry></sdnList>" }), 400, "bad_request"],
      [upload(analyst, "sdn-csv", { filename: "x.csv", data: fixture("csl-sample.csv") }), 400, "bad_request"],
      [upload(analyst, "csl", { filename: "x.csv", data: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0]) }), 400, "bad_request"],
      [upload(analyst, "csl", { filename: "x.csv", data: "name,programs\n" }), 422, "rule_violation"],
      [upload(analyst, "sdn-xml", { filename: "x.xml", data: "<sdnList><publshInformation/></sdnList>" }), 422, "rule_violation"],
      [upload(analyst, "csl", { filename: "x.csv", data: "" }), 422, "rule_violation"],
      [upload(analyst, "pdf", { filename: "x.csv", data: fixture("csl-sample.csv") }), 400, "validation_failed"],
      [upload(analyst, "csl", { filename: "x.csv", data: fixture("csl-sample.csv") }, ""), 400, "validation_failed"],
      [upload(analyst, "csl", null), 400, "validation_failed"],
      [analyst.request("POST", "/api/screening/lists", { name: "x", source: "csl" }), 415, "unsupported_media_type"],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
    const tooBig = await upload(analyst, "csl", { filename: "big.csv", data: big });
    expect([tooBig.statusCode, tooBig.json().error.code]).toEqual([413, "payload_too_large"]);
    expect(await counts(owner.tenantId)).toEqual(before);
    const tmp = path.join(h.config.evidenceDir, "tmp");
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });

  it("a failure at the last step of a large import rolls back every batch of entries and every match", async () => {
    // 2,500 entries (three multi-row inserts) and a match, then the audit append is made to fail.
    const rows = Array.from({ length: 2500 }, (_, i) => `Fictitious Party ${i} Imaginary Holdings`);
    const data = `name,alt_names\nAcme Trading,\n${rows.join(",\n")},\n`;
    await h.rawQuery(`
      CREATE FUNCTION screening_test_fail() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER screening_test_fail BEFORE INSERT ON audit_events
        FOR EACH ROW WHEN (NEW.action = 'screening.list.import') EXECUTE FUNCTION screening_test_fail();`);
    try {
      const before = await counts(owner.tenantId);
      const res = await upload(analyst, "csl", { filename: "big.csv", data });
      expect([res.statusCode, res.json().error.code]).toEqual([500, "internal_error"]);
      expect(await counts(owner.tenantId)).toEqual(before);
    } finally {
      await h.rawQuery("DROP TRIGGER screening_test_fail ON audit_events; DROP FUNCTION screening_test_fail();");
    }
    // The same file imports once nothing is in the way, with its match.
    const ok = await upload(analyst, "csl", { filename: "big.csv", data });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().list.entryCount).toBe(2501);
    expect((ok.json().matches as Match[]).map((m) => m.partner.id)).toContain(partners.acme);
  });

  it("another company sees none of it, and its records answer like missing ones", async () => {
    expect((await other.request("GET", "/api/screening/lists")).json()).toMatchObject({ total: 0, items: [] });
    expect((await matchesOf(other)).total).toBe(0);
    const [mine] = (await matchesOf(auditor, "&status=open")).items as Match[];
    const body = { decision: "confirmed", note: "Not yours" };
    const foreign = await other.request("POST", `/api/screening/matches/${mine?.id}/decision`, body);
    const missing = await other.request("POST", `/api/screening/matches/${randomUUID()}/decision`, body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    // The other company's run uses only its own lists (none) and partners.
    expect((await other.request("POST", "/api/screening/run", {})).json()).toEqual({ screened: 1, matches: [] });
    expect((await h.rawQuery("SELECT 1 FROM screening_matches WHERE partner_id = $1", [partners.foreign])).length).toBe(0);
  });

  it("the demo list near-matches a partner already in the table and leaves an open match", async () => {
    const demo = await createTenantFixture(h);
    const supplier = await addPartner(demo.tenantId, {
      name: "Shenzhen Bright Circuit Electronics Co., Ltd.",
      country: "CN",
      status: "approved",
    });
    await addPartner(demo.tenantId, { name: "Transportes Imaginarios del Norte", country: "MX" });
    const result = await seedScreeningDemo({ db: h.db, tenantId: demo.tenantId, actor: { id: demo.userId, label: demo.email } });
    expect(result.list.name).toMatch(/demo/i);
    expect(result.matches).toHaveLength(1);
    const open = await matchesOf(demo, "&status=open");
    expect(open.total).toBe(1);
    expect(open.items[0]).toMatchObject({ partner: { id: supplier }, status: "open" });
    expect(open.items[0].entry.name).not.toBe("Shenzhen Bright Circuit Electronics Co., Ltd.");
    expect(open.items[0].score).toBeGreaterThanOrEqual(85);
    expect(open.items[0].score).toBeLessThan(100);
  });
});
