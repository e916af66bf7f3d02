import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createSiteFixture, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createLaneFixture, insertCertification, insertPartner, insertPartnerSite, insertRelation, leg } from "./lanes.fixtures.ts";

type Leg = { from: string; to: string; mode: string; carrierPartnerId?: string; atRest?: { node: string; description: string }[] };
type Net = Record<string, { id: string; legs: Leg[]; archived?: boolean }>;

/** Reference answer: every simple path over the live lanes' legs, by plain recursion over the legs as written here. */
function expectedPaths(net: Net, from: string, to: string): string[] {
  const legs = Object.values(net).flatMap((l) => (l.archived ? [] : l.legs));
  const out = new Set<string>();
  const walk = (path: string[]) => {
    for (const l of legs) {
      if (l.from !== path[path.length - 1] || path.includes(l.to)) continue;
      if (l.to === to) out.add([...path, to].join(" > "));
      else walk([...path, l.to]);
    }
  };
  walk([from]);
  return [...out].sort();
}

describe("supply-chain queries", () => {
  let h: Harness;
  let owner: Caller;
  let other: Caller;
  const p: Record<string, string> = {};
  const n: Record<string, string> = {};
  const net: Net = {};
  const today = new Date().toISOString().slice(0, 10);
  const past = "2020-01-31";
  const future = `${Number(today.slice(0, 4)) + 2}-06-30`;

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h, { legalName: "Sierra Norte Imports" });
    other = await createTenantFixture(h);
    const t = owner.tenantId;
    n.dcInland = `site:${await createSiteFixture(owner, { name: "Inland Empire DC", kind: "distribution-center", countryCode: "US" })}`;
    n.dcLaredo = `site:${await createSiteFixture(owner, { name: "Laredo DC", kind: "distribution-center", countryCode: "US" })}`;
    p.sz = await insertPartner(h, t, { name: "Shenzhen Electronics", countryCode: "CN", risk: "high" });
    p.vn = await insertPartner(h, t, { name: "Saigon Garments", countryCode: "VN" });
    p.mx = await insertPartner(h, t, { name: "Maquila Juárez", risk: "high" });
    p.yard = await insertPartner(h, t, { name: "Frontera 3PL", type: "3pl" });
    p.truck = await insertPartner(h, t, { name: "Transportes Norte", type: "highway-carrier" });
    p.sea = await insertPartner(h, t, { name: "Blue Ocean Line", type: "sea-carrier", countryCode: "DK" });
    p.rail = await insertPartner(h, t, { name: "Pacific Rail", type: "rail-carrier", countryCode: "US", risk: "low" });
    p.air = await insertPartner(h, t, { name: "Cargo Air", type: "air-carrier", countryCode: "US" });
    p.oldSea = await insertPartner(h, t, { name: "Retired Line", type: "sea-carrier", countryCode: "PA" });
    p.resin = await insertPartner(h, t, { name: "Resin Supplier", countryCode: "CN" });
    p.oil = await insertPartner(h, t, { name: "Oil Refiner", countryCode: "CN" });
    p.broker = await insertPartner(h, t, { name: "Border Broker", type: "customs-broker" });
    p.gone = await insertPartner(h, t, { name: "Archived Partner", archived: true });
    n.sz = await insertPartnerSite(h, t, p.sz, { countryCode: "CN" });
    n.vn = await insertPartnerSite(h, t, p.vn, { countryCode: "VN" });
    n.mx = await insertPartnerSite(h, t, p.mx);
    n.yard = await insertPartnerSite(h, t, p.yard);
    await insertCertification(h, t, p.truck, { program: "ctpat", validTo: future });
    await insertCertification(h, t, p.vn, { program: "jp-aeo" });
    await insertCertification(h, t, p.sea, { program: "eu-aeo", validTo: past });
    await insertCertification(h, t, p.mx, { program: "ctpat", validTo: past });
    await insertCertification(h, t, p.air, { program: "ctpat", status: "suspended" });
    await insertCertification(h, t, p.rail, { program: "iso-28000" });
    await insertRelation(h, t, p.resin, p.sz);
    await insertRelation(h, t, p.oil, p.resin);
    await insertRelation(h, t, p.gone, p.sz);
    const lanes: Record<string, Leg[]> = {
      shenzhenLax: [
        leg(n.sz, "port:CNYTN"),
        leg("port:CNYTN", "port:USLAX", "sea", { carrierPartnerId: p.sea }),
        leg("port:USLAX", n.dcInland, "rail", { carrierPartnerId: p.rail }),
      ],
      shenzhenLgb: [
        leg(n.sz, "port:CNYTN"),
        leg("port:CNYTN", "port:USLGB", "sea", { carrierPartnerId: p.sea }),
        leg("port:USLGB", n.dcInland, "rail"),
      ],
      saigon: [
        leg(n.vn, "port:VNSGN"),
        leg("port:VNSGN", "port:USLGB", "sea", { carrierPartnerId: p.sea }),
        leg("port:USLGB", "port:USLAX"),
        leg("port:USLAX", n.dcInland, "rail", { carrierPartnerId: p.rail }),
      ],
      juarez: [
        leg(n.mx, "port:US-POE-2402", "road", { carrierPartnerId: p.truck, atRest: [{ node: "port:MXCJS", description: "Staging yard" }] }),
        leg("port:US-POE-2402", n.dcLaredo, "road", { carrierPartnerId: p.truck, atRest: [{ node: n.yard, description: "Cross-dock" }] }),
      ],
      air: [leg("port:CNPVG", "port:USORD", "air", { carrierPartnerId: p.air }), leg("port:USORD", n.dcInland)],
      retired: [
        leg(n.sz, "port:CNYTN"),
        leg("port:CNYTN", "port:USLAX", "sea", { carrierPartnerId: p.oldSea }),
        leg("port:USLAX", "port:USOAK"),
      ],
    };
    for (const [name, legs] of Object.entries(lanes)) net[name] = { id: await createLaneFixture(owner, legs, name), legs };
    await owner.request("POST", `/api/lanes/${net.retired?.id}/archive`);
    (net.retired as { archived?: boolean }).archived = true;
    // The other company: a lane from its own site, which must never show up here.
    const theirs = `site:${await createSiteFixture(other)}`;
    await createLaneFixture(other, [leg(theirs, "port:USLAX")]);
    n.theirs = theirs;
  }, 180_000);
  afterAll(() => h?.close(), 60_000);

  const enc = (s: string | undefined) => encodeURIComponent(s ?? "");
  const get = async (url: string) => {
    const res = await owner.request("GET", url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };

  it("finds every simple path over live lanes, with the lanes of each hop", async () => {
    for (const [from, to] of [
      [n.sz, n.dcInland],
      ["port:CNYTN", "port:USLAX"],
      [n.vn, n.dcInland],
      [n.mx, n.dcLaredo],
      ["port:USLGB", n.dcInland],
    ] as [string, string][]) {
      const body = await get(`/api/supply-chain/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const got = body.paths.map((path: string[]) => path.join(" > ")).sort();
      expect(got, `${from} → ${to}`).toEqual(expectedPaths(net, from, to));
      expect(body).toMatchObject({ total: got.length, truncated: false });
    }
    const body = await get(`/api/supply-chain/paths?from=${enc(n.sz)}&to=${enc(n.dcInland)}`);
    expect(body.paths).toHaveLength(3);
    const hop = body.hops.find((x: { from: string; to: string }) => x.from === "port:CNYTN" && x.to === "port:USLAX");
    // The archived lane also sails CNYTN → USLAX: it does not count.
    expect(hop).toMatchObject({
      laneCount: 1,
      modes: ["sea"],
      lanes: [{ id: net.shenzhenLax?.id, name: "shenzhenLax", seq: 2, mode: "sea", carrierPartnerId: p.sea }],
    });
    expect(body.nodes.find((x: { id: string }) => x.id === n.sz)).toMatchObject({ kind: "partner-site", partnerId: p.sz });
    // Nothing reaches the archived lane's Oakland leg.
    expect((await get(`/api/supply-chain/paths?from=${enc(n.sz)}&to=port:USOAK`)).paths).toEqual([]);
  });

  it("answers paths to another company's node exactly like a missing one", async () => {
    const url = (to: string) => `/api/supply-chain/paths?from=port:USLAX&to=${encodeURIComponent(to)}`;
    const foreign = await owner.request("GET", url(n.theirs as string));
    const missing = await owner.request("GET", url(`site:${randomUUID()}`));
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toMatchObject({ paths: [], total: 0 });
    expect(foreign.body.replace(n.theirs as string, "X")).toBe(missing.body.replace(/site:[0-9a-f-]{36}/, "X"));
    expect((await owner.request("GET", "/api/supply-chain/paths?from=port:USLAX&to=nowhere")).statusCode).toBe(400);
  });

  /** Reference answer for impact: which legs of each live lane touch the target, by the definitions above. */
  function expectedImpact(touches: (l: Leg) => string[]) {
    return Object.entries(net)
      .filter(([, lane]) => !lane.archived)
      .flatMap(([name, lane]) => {
        const hits = lane.legs.map((l, i) => ({ seq: i + 1, reasons: touches(l) })).filter((x) => x.reasons.length > 0);
        return hits.length ? [{ name, hits }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  const simplify = (body: { items: { name: string; hits: { seq: number; reasons: string[] }[] }[] }) =>
    body.items.map((i) => ({ name: i.name, hits: i.hits.map((x) => ({ seq: x.seq, reasons: x.reasons })) }));

  it("lists lanes touching a partner through its sites, at-rest points or as carrier", async () => {
    const bySea = await get(`/api/supply-chain/impact?partnerId=${p.sea}`);
    expect(simplify(bySea)).toEqual(expectedImpact((l) => (l.carrierPartnerId === p.sea ? ["carrier"] : [])));
    expect(bySea.total).toBe(3);
    const saigon = bySea.items.find((i: { name: string }) => i.name === "saigon");
    expect(saigon.downstream).toEqual(["port:USLGB", "port:USLAX", n.dcInland]);
    const bySz = await get(`/api/supply-chain/impact?partnerId=${p.sz}`);
    expect(simplify(bySz)).toEqual(expectedImpact((l) => [...(l.from === n.sz ? ["from"] : []), ...(l.to === n.sz ? ["to"] : [])]));
    const byYard = await get(`/api/supply-chain/impact?partnerId=${p.yard}`);
    expect(simplify(byYard)).toEqual([{ name: "juarez", hits: [{ seq: 2, reasons: ["at-rest"] }] }]);
    expect(byYard.items[0].downstream).toEqual([n.dcLaredo]);
    const page = await get(`/api/supply-chain/impact?partnerId=${p.sea}&limit=1&offset=1`);
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((i: { name: string }) => i.name)).toEqual([simplify(bySea)[1]?.name]);
    expect(await get(`/api/supply-chain/impact?partnerId=${p.sea}&offset=50`)).toMatchObject({ items: [], total: 3 });
  });

  it("lists lanes touching a country (own sites, partner sites and locations there)", async () => {
    const countryOf: Record<string, string> = {
      [n.sz as string]: "CN",
      [n.vn as string]: "VN",
      [n.mx as string]: "MX",
      [n.yard as string]: "MX",
      [n.dcInland as string]: "US",
      [n.dcLaredo as string]: "US",
      "port:CNYTN": "CN",
      "port:CNPVG": "CN",
      "port:VNSGN": "VN",
      "port:MXCJS": "MX",
    };
    const country = (node: string) => countryOf[node] ?? (node.startsWith("port:US") ? "US" : "??");
    for (const code of ["MX", "CN", "VN", "US"]) {
      const body = await get(`/api/supply-chain/impact?countryCode=${code}`);
      const touches = (l: Leg) => [
        ...(country(l.from) === code ? ["from"] : []),
        ...(country(l.to) === code ? ["to"] : []),
        ...((l.atRest ?? []).some((r) => country(r.node) === code) ? ["at-rest"] : []),
      ];
      expect(simplify(body), code).toEqual(expectedImpact(touches));
      expect(body.target).toEqual({ partnerId: null, countryCode: code });
    }
  });

  it("refuses an impact question without exactly one target, and hides other companies' partners", async () => {
    expect((await owner.request("GET", "/api/supply-chain/impact")).statusCode).toBe(400);
    expect((await owner.request("GET", `/api/supply-chain/impact?partnerId=${p.sea}&countryCode=MX`)).statusCode).toBe(400);
    expect((await owner.request("GET", "/api/supply-chain/impact?countryCode=XX")).statusCode).toBe(400);
    const foreign = await other.request("GET", `/api/supply-chain/impact?partnerId=${p.sea}`);
    const missing = await other.request("GET", `/api/supply-chain/impact?partnerId=${randomUUID()}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect((await other.request("GET", "/api/supply-chain/impact?partnerId=junk")).body).toBe(missing.body);
  });

  it("lists partners on live lanes without an active CTPAT/MRA certification", async () => {
    const all = await get("/api/supply-chain/uncertified");
    // By hand from the certifications above: truck (CTPAT) and the Vietnamese factory (MRA) are certified; the
    // sea line's MRA and the maquila's CTPAT ran out, the airline's CTPAT is suspended; ISO 28000 is no CTPAT/MRA.
    expect(all.items.map((i: { name: string; certified: string; roles: string[] }) => [i.name, i.certified, i.roles])).toEqual([
      ["Blue Ocean Line", "expired", ["carrier"]],
      ["Cargo Air", "expired", ["carrier"]],
      ["Frontera 3PL", "none", ["at-rest"]],
      ["Maquila Juárez", "expired", ["site"]],
      ["Pacific Rail", "none", ["carrier"]],
      ["Shenzhen Electronics", "none", ["site"]],
    ]);
    expect(all.total).toBe(6);
    const sea = all.items.find((i: { name: string }) => i.name === "Blue Ocean Line");
    expect(sea.laneCount).toBe(3);
    expect(sea.lanes.map((l: { name: string }) => l.name)).toEqual(["saigon", "shenzhenLax", "shenzhenLgb"]);
    const juarez = await get(`/api/supply-chain/uncertified?laneId=${net.juarez?.id}`);
    expect(juarez.items.map((i: { name: string }) => i.name)).toEqual(["Frontera 3PL", "Maquila Juárez"]);
    const foreign = await other.request("GET", `/api/supply-chain/uncertified?laneId=${net.juarez?.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe((await other.request("GET", `/api/supply-chain/uncertified?laneId=${randomUUID()}`)).body);
  });

  it("builds the tier graph from lanes and supplier relations, with a layout for every node", async () => {
    const g = await get("/api/supply-chain/graph");
    const tierOf = Object.fromEntries(g.nodes.map((x: { id: string; tier: number }) => [x.id, x.tier]));
    expect(tierOf.company).toBe(0);
    for (const id of [p.sz, p.vn, p.mx, p.yard, p.truck, p.sea, p.rail, p.air, p.broker, p.oldSea]) expect(tierOf[id as string]).toBe(1);
    expect(tierOf[p.resin as string]).toBe(2);
    expect(tierOf[p.oil as string]).toBe(3);
    expect(tierOf[p.gone as string]).toBeUndefined();
    expect(g.nodes.find((x: { id: string }) => x.id === "company")).toMatchObject({ kind: "company", label: "Sierra Norte Imports" });
    const certified = Object.fromEntries(g.nodes.map((x: { id: string; certified: string }) => [x.id, x.certified]));
    expect([certified[p.truck as string], certified[p.vn as string], certified[p.sea as string], certified[p.rail as string]]).toEqual([
      "ctpat",
      "mra",
      "expired",
      "none",
    ]);
    expect(g.edges).toContainEqual({ from: p.resin, to: p.sz });
    expect(g.edges).toContainEqual({ from: p.oil, to: p.resin });
    expect(g.edges).toContainEqual({ from: p.sz, to: "company" });
    expect(g.edges).not.toContainEqual({ from: p.gone, to: p.sz });
    expect(Object.keys(g.layout).sort()).toEqual(g.nodes.map((x: { id: string }) => x.id).sort());
    for (const x of g.nodes) expect(g.layout[x.id].x).toBe(x.tier * 240);
  });

  it("draws the map from live lanes with leg risk from the partners on them", async () => {
    const m = await get("/api/supply-chain/map");
    const ids = new Set(m.nodes.map((x: { id: string }) => x.id));
    for (const key of [n.dcInland, n.dcLaredo, n.sz, n.vn, n.mx, n.yard, "port:CNYTN", "port:USLAX", "port:MXCJS", "port:CNPVG"])
      expect(ids).toContain(key);
    // Only the archived lane goes to Oakland; the other company's lane and site are not ours.
    expect(ids).not.toContain("port:USOAK");
    expect(ids).not.toContain(n.theirs);
    expect(m.legs).toHaveLength(
      Object.values(net)
        .filter((l) => !l.archived)
        .reduce((k, l) => k + l.legs.length, 0),
    );
    const risk = (laneId: string | undefined, seq: number) =>
      m.legs.find((l: { laneId: string; seq: number }) => l.laneId === laneId && l.seq === seq)?.risk;
    expect(risk(net.shenzhenLax?.id, 1)).toBe("high");
    expect(risk(net.shenzhenLax?.id, 3)).toBe("low");
    expect(risk(net.air?.id, 2)).toBeNull();
    expect(m.nodes.find((x: { id: string }) => x.id === "port:USLAX")).toMatchObject({
      latitude: 34.05,
      longitude: -118.25,
      locationKind: "seaport",
    });
  });

  // Last: it adds lanes the exact-set checks above do not expect.
  it("pages a busy carrier the same whichever way the statement finds the page (probe by id or walk by name)", async () => {
    const busy = await insertPartner(h, owner.tenantId, { name: "Busy Line", type: "sea-carrier" });
    // Created out of name order, two archived: the page must still be by name, without them.
    const names = [
      "Busy 07",
      "Busy 03",
      "Busy 11",
      "Busy 01",
      "Busy 09",
      "Busy 05",
      "Busy 12",
      "Busy 02",
      "Busy 10",
      "Busy 04",
      "Busy 08",
      "Busy 06",
    ];
    const ids: Record<string, string> = {};
    for (const name of names)
      ids[name] = await createLaneFixture(owner, [leg("port:CNSHA", "port:USSEA", "sea", { carrierPartnerId: busy })], name);
    for (const name of ["Busy 04", "Busy 10"]) await owner.request("POST", `/api/lanes/${ids[name]}/archive`);
    const live = names.filter((x) => x !== "Busy 04" && x !== "Busy 10").sort();
    const pages = async () => {
      const out: { total: number; names: string[] }[] = [];
      for (const offset of [0, 4, 8]) {
        const body = await get(`/api/supply-chain/impact?partnerId=${busy}&limit=4&offset=${offset}`);
        out.push({ total: body.total, names: body.items.map((i: { name: string }) => i.name) });
      }
      return out;
    };
    const expected = [0, 4, 8].map((offset) => ({ total: 10, names: live.slice(offset, offset + 4) }));
    // The choice reads the planner's row estimate for "lanes": huge → probe, tiny → walk.
    const estimate = (n: number) => h.rawQuery("UPDATE pg_class SET reltuples = $1 WHERE oid = 'lanes'::regclass", [n]);
    try {
      await estimate(1e9);
      expect(await pages()).toEqual(expected);
      await estimate(1);
      expect(await pages()).toEqual(expected);
    } finally {
      await estimate(-1);
    }
  });
});
