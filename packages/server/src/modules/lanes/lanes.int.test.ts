import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createSiteFixture, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createLaneFixture, insertPartner, insertPartnerSite, laneState, leg } from "./lanes.fixtures.ts";

describe("lanes", () => {
  let h: Harness;
  let owner: Caller;
  let other: Caller;
  let elPasoDc: string;
  let juarezPlant: string;
  let trucker: string;
  let foreignSite: string;
  let foreignPartnerSite: string;
  let foreignCarrier: string;

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    other = await createTenantFixture(h);
    elPasoDc = `site:${await createSiteFixture(owner, { name: "El Paso DC", kind: "distribution-center", countryCode: "US" })}`;
    const maquila = await insertPartner(h, owner.tenantId, { name: "Maquiladora Juárez", risk: "high" });
    juarezPlant = await insertPartnerSite(h, owner.tenantId, maquila, { name: "Planta 2", latitude: 31.7, longitude: -106.4 });
    trucker = await insertPartner(h, owner.tenantId, { name: "Transportes Norte", type: "highway-carrier" });
    foreignSite = `site:${await createSiteFixture(other, { name: "Their DC" })}`;
    foreignPartnerSite = await insertPartnerSite(h, other.tenantId, await insertPartner(h, other.tenantId));
    foreignCarrier = await insertPartner(h, other.tenantId, { type: "highway-carrier" });
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  const crossBorder = () => [
    leg(juarezPlant, "port:US-POE-2402", "road", {
      carrierPartnerId: trucker,
      atRest: [{ node: "port:MXCJS", description: "Yard before the bridge" }],
    }),
    leg("port:US-POE-2402", elPasoDc, "road", { carrierPartnerId: trucker }),
  ];

  it("creates partner site → border crossing → own site, resolves its nodes and audits it", async () => {
    const res = await owner.request("POST", "/api/lanes", { name: "Juárez → El Paso", externalKey: "LANE-1", legs: crossBorder() });
    expect(res.statusCode).toBe(201);
    const lane = res.json();
    expect(lane).toMatchObject({
      name: "Juárez → El Paso",
      externalKey: "LANE-1",
      origin: juarezPlant,
      destination: elPasoDc,
      modes: ["road"],
      archived: false,
    });
    expect(lane.legs).toEqual([
      {
        seq: 1,
        from: juarezPlant,
        to: "port:US-POE-2402",
        mode: "road",
        carrierPartnerId: trucker,
        carrier: { id: trucker, name: "Transportes Norte" },
        atRest: [{ node: "port:MXCJS", description: "Yard before the bridge" }],
      },
      {
        seq: 2,
        from: "port:US-POE-2402",
        to: elPasoDc,
        mode: "road",
        carrierPartnerId: trucker,
        carrier: { id: trucker, name: "Transportes Norte" },
        atRest: [],
      },
    ]);
    const byId = Object.fromEntries(lane.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId[juarezPlant]).toMatchObject({
      kind: "partner-site",
      label: "Maquiladora Juárez – Planta 2",
      risk: "high",
      countryCode: "MX",
      missing: false,
    });
    expect(byId["port:US-POE-2402"]).toMatchObject({ kind: "port", locationKind: "border-crossing", countryCode: "US", latitude: 31.7644 });
    expect(byId[elPasoDc]).toMatchObject({ kind: "site", label: "El Paso DC" });
    expect(byId["port:MXCJS"]).toMatchObject({ kind: "port", locationKind: "inland" });
    expect((await owner.request("GET", `/api/lanes/${lane.id}`)).json()).toEqual(lane);
    const events = (await owner.request("GET", `/api/audit/events?entityType=lane&entityId=${lane.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(["lane.create"]);
    expect(events[0].after.legs).toHaveLength(2);
  });

  it("stores port codes in the packaged spelling", async () => {
    const res = await owner.request("POST", "/api/lanes", { name: "Shanghai alias", legs: [leg("port:cnshg", "port:USLAX", "sea")] });
    expect(res.statusCode).toBe(201);
    expect(res.json().legs[0]).toMatchObject({ from: "port:CNSHA", to: "port:USLAX" });
  });

  it("rejects a gap, a cycle and an empty lane with 422 details, saving nothing", async () => {
    const before = await laneState(h, owner.tenantId);
    const gap = await owner.request("POST", "/api/lanes", {
      name: "Gap",
      legs: [leg(juarezPlant, "port:US-POE-2402"), leg("port:US-POE-2401", elPasoDc)],
    });
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error).toMatchObject({
      code: "rule_violation",
      details: { rule: "gap", gapAfterLeg: 1, expected: "port:US-POE-2402", found: "port:US-POE-2401" },
    });
    const cycle = await owner.request("POST", "/api/lanes", {
      name: "Cycle",
      legs: [leg(juarezPlant, "port:US-POE-2402"), leg("port:US-POE-2402", elPasoDc), leg(elPasoDc, "port:US-POE-2402")],
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error).toMatchObject({
      code: "rule_violation",
      details: { rule: "cycle", node: "port:US-POE-2402", cycle: ["port:US-POE-2402", elPasoDc, "port:US-POE-2402"], legs: [2, 3] },
    });
    const selfLoop = await owner.request("POST", "/api/lanes", { name: "Loop", legs: [leg(elPasoDc, elPasoDc)] });
    expect(selfLoop.json().error.details).toMatchObject({ rule: "cycle", legs: [1] });
    const empty = await owner.request("POST", "/api/lanes", { name: "Empty", legs: [] });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details).toEqual({ rule: "no_legs" });
    expect(await laneState(h, owner.tenantId)).toEqual(before);
  });

  it("treats another company's site, partner site and carrier exactly like missing ones", async () => {
    const before = await laneState(h, owner.tenantId);
    const attempt = async (node: string, carrier?: string) => {
      const res = await owner.request("POST", "/api/lanes", {
        name: "Probe",
        legs: [leg("port:USLAX", node, "road", carrier ? { carrierPartnerId: carrier } : {})],
      });
      return { status: res.statusCode, body: res.body.replaceAll(node, "<node>").replaceAll(carrier ?? "<none>", "<carrier>") };
    };
    const missingSite = await attempt(`site:${randomUUID()}`);
    expect(missingSite.status).toBe(422);
    expect(JSON.parse(missingSite.body).error.details).toEqual({ rule: "unknown_node", nodes: ["<node>"] });
    expect(await attempt(foreignSite)).toEqual(missingSite);
    expect(await attempt(foreignPartnerSite)).toEqual(await attempt(`partner-site:${randomUUID()}`));
    const missingCarrier = await attempt(elPasoDc, randomUUID());
    expect(JSON.parse(missingCarrier.body).error.details).toEqual({ rule: "unknown_carrier", carrierPartnerIds: ["<carrier>"] });
    expect(await attempt(elPasoDc, foreignCarrier)).toEqual(missingCarrier);
    const unknownPort = await attempt("port:ZZZZZ");
    expect(JSON.parse(unknownPort.body).error.details).toEqual({ rule: "unknown_node", nodes: ["<node>"] });
    expect(await laneState(h, owner.tenantId)).toEqual(before);
    // The other company cannot read ours either.
    const ours = await createLaneFixture(owner, [leg("port:CNYTN", "port:USLGB", "sea")]);
    const foreignRead = await other.request("GET", `/api/lanes/${ours}`);
    const missingRead = await other.request("GET", `/api/lanes/${randomUUID()}`);
    expect(foreignRead.statusCode).toBe(404);
    expect(foreignRead.body).toBe(missingRead.body);
  });

  it("refuses archived nodes and archived carriers", async () => {
    const gone = await insertPartnerSite(h, owner.tenantId, trucker, { archived: true });
    const res = await owner.request("POST", "/api/lanes", { name: "Old yard", legs: [leg(gone, elPasoDc)] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ rule: "archived_node", nodes: [gone] });
    const oldCarrier = await insertPartner(h, owner.tenantId, { archived: true });
    const res2 = await owner.request("POST", "/api/lanes", {
      name: "Old carrier",
      legs: [leg(juarezPlant, elPasoDc, "road", { carrierPartnerId: oldCarrier })],
    });
    expect(res2.json().error.details).toEqual({ rule: "archived_carrier", carrierPartnerIds: [oldCarrier] });
  });

  it("rejects malformed input with 400 and a taken external key with 409", async () => {
    const before = await laneState(h, owner.tenantId);
    for (const body of [
      { name: "X", legs: [leg("warehouse-7", elPasoDc)] },
      { name: "X", legs: [leg(juarezPlant, elPasoDc, "teleport")] },
      { name: "X", legs: [leg(juarezPlant, elPasoDc, "road", { carrierPartnerId: "not-a-uuid" })] },
      { name: "X", legs: [{ ...leg(juarezPlant, elPasoDc), color: "red" }] },
      { name: "X\u0000", legs: [leg(juarezPlant, elPasoDc)] },
      { name: "X", legs: Array.from({ length: 51 }, () => leg(juarezPlant, elPasoDc)) },
    ]) {
      const res = await owner.request("POST", "/api/lanes", body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const dup = await owner.request("POST", "/api/lanes", { name: "Dup", externalKey: "LANE-1", legs: crossBorder() });
    expect(dup.statusCode).toBe(409);
    expect(await laneState(h, owner.tenantId)).toEqual(before);
  });

  it("replaces legs on PATCH in one transaction, and leaves them alone when the new legs are refused", async () => {
    const id = await createLaneFixture(owner, crossBorder(), "Patch me");
    const before = await laneState(h, owner.tenantId);
    const bad = await owner.request("PATCH", `/api/lanes/${id}`, {
      name: "Renamed",
      legs: [leg(juarezPlant, "port:US-POE-2402"), leg(elPasoDc, "port:USLAX")],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toMatchObject({ rule: "gap", gapAfterLeg: 1 });
    expect(await laneState(h, owner.tenantId)).toEqual(before);
    const ok = await owner.request("PATCH", `/api/lanes/${id}`, {
      description: "Now through Ysleta",
      legs: [leg(juarezPlant, "port:US-POE-2401"), leg("port:US-POE-2401", elPasoDc, "road")],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: "Patch me", description: "Now through Ysleta" });
    expect(ok.json().legs.map((l: { to: string }) => l.to)).toEqual(["port:US-POE-2401", elPasoDc]);
    const rows = await h.rawQuery("SELECT seq, to_node FROM lane_legs WHERE lane_id = $1 ORDER BY seq", [id]);
    expect(rows).toEqual([
      { seq: 1, to_node: "port:US-POE-2401" },
      { seq: 2, to_node: elPasoDc },
    ]);
    const nameOnly = await owner.request("PATCH", `/api/lanes/${id}`, { name: "Renamed only" });
    expect(nameOnly.json().legs).toHaveLength(2);
    const events = (await owner.request("GET", `/api/audit/events?entityType=lane&entityId=${id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(["lane.create", "lane.update", "lane.update"]);
  });

  it("lists with text, partner, country and node filters; archives", async () => {
    const name = "Filterable Shenzhen lane";
    const id = await createLaneFixture(owner, [leg("port:CNYTN", "port:USLAX", "sea"), leg("port:USLAX", elPasoDc, "rail")], name);
    const ids = async (query: string) => (await owner.request("GET", `/api/lanes?${query}`)).json().items.map((l: { id: string }) => l.id);
    expect(await ids("q=filterable")).toEqual([id]);
    expect(await ids(`node=${encodeURIComponent("port:uslax")}&q=filterable`)).toEqual([id]);
    expect(await ids("countryCode=CN&q=filterable")).toEqual([id]);
    expect(await ids("countryCode=MX&q=filterable")).toEqual([]);
    const partnerLanes = (await owner.request("GET", `/api/lanes?partnerId=${trucker}&limit=200`)).json();
    expect(partnerLanes.items.length).toBeGreaterThan(0);
    for (const lane of partnerLanes.items) expect(JSON.stringify(lane.legs)).toContain(trucker);
    expect(await ids(`partnerId=${randomUUID()}`)).toEqual([]);
    expect(await ids("partnerId=nonsense")).toEqual([]);
    const archived = await owner.request("POST", `/api/lanes/${id}/archive`);
    expect(archived.json()).toMatchObject({ archived: true });
    expect(await ids("q=filterable")).toEqual([]);
    expect(await ids("q=filterable&includeArchived=true")).toEqual([id]);
    expect((await owner.request("GET", "/api/lanes?node=warehouse")).statusCode).toBe(400);
  });

  it("keeps lane_edges equal to the live legs through creates, patches, archiving and raw SQL", async () => {
    const edges = () =>
      h.rawQuery("SELECT from_node, to_node, mode, legs FROM lane_edges WHERE tenant_id = $1 ORDER BY 1, 2, 3", [owner.tenantId]);
    const fromLegs = () =>
      h.rawQuery(
        `SELECT l.from_node, l.to_node, l.mode, count(*)::int AS legs FROM lane_legs l JOIN lanes z ON z.id = l.lane_id
         WHERE l.tenant_id = $1 AND z.archived_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [owner.tenantId],
      );
    const a = await createLaneFixture(owner, [leg("port:CNNSA", "port:USOAK", "sea"), leg("port:USOAK", elPasoDc, "rail")]);
    await createLaneFixture(owner, [leg("port:CNNSA", "port:USOAK", "sea")]);
    expect((await edges()).find((e) => e.from_node === "port:CNNSA")).toMatchObject({ to_node: "port:USOAK", mode: "sea", legs: 2 });
    await owner.request("PATCH", `/api/lanes/${a}`, {
      legs: [leg("port:CNNSA", "port:USSEA", "sea"), leg("port:USSEA", elPasoDc, "rail")],
    });
    expect(await edges()).toEqual(await fromLegs());
    await owner.request("POST", `/api/lanes/${a}/archive`);
    expect((await edges()).some((e) => e.from_node === "port:USSEA")).toBe(false);
    expect(await edges()).toEqual(await fromLegs());
    await h.rawQuery("UPDATE lanes SET archived_at = NULL WHERE id = $1", [a]);
    expect((await edges()).some((e) => e.from_node === "port:USSEA")).toBe(true);
    await h.rawQuery("UPDATE lane_legs SET mode = 'road' WHERE lane_id = $1 AND seq = 2", [a]);
    await h.rawQuery("DELETE FROM lane_legs WHERE lane_id = $1 AND seq = 2", [a]);
    expect(await edges()).toEqual(await fromLegs());
    expect((await edges()).length).toBeGreaterThan(3);
  });

  it("lets read roles read and keeps writes to editors", async () => {
    const auditor = await addCaller(h, owner.tenantId, "auditor");
    expect((await auditor.request("GET", "/api/lanes")).statusCode).toBe(200);
    const refused = await auditor.request("POST", "/api/lanes", { name: "No", legs: crossBorder() });
    expect(refused.statusCode).toBe(403);
  });

  it("searches the packaged locations", async () => {
    const res = await owner.request("GET", "/api/locations?q=juarez&kind=border-crossing");
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((l: { code: string }) => l.code)).toEqual(["US-POE-2402", "US-POE-2401"]);
    const all = (await owner.request("GET", "/api/locations?limit=500")).json();
    expect(all.total).toBe(202);
    expect(all.items).toHaveLength(202);
    expect(all.items.find((l: { code: string }) => l.code === "USLAX")).toMatchObject({
      kind: "seaport",
      cbpPortCode: "2704",
      source: expect.stringMatching(/^https:\/\//),
    });
    expect((await owner.request("GET", "/api/locations?kind=castle")).statusCode).toBe(400);
  });
});
