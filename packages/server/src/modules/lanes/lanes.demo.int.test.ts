import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createSiteFixture, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { seedLanesDemo } from "./lanes.demo.ts";
import { insertPartner, insertPartnerSite, laneState } from "./lanes.fixtures.ts";

describe("lanes demo", () => {
  let h: Harness;
  let owner: Caller;
  const n: Record<string, string> = {};
  const p: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    const t = owner.tenantId;
    const site = async (name: string, kind: string, latitude: number, longitude: number) =>
      `site:${await createSiteFixture(owner, { name, kind, countryCode: "US", latitude, longitude })}`;
    n.laredo = await site("Laredo Cross-Dock", "cross-dock", 27.6, -99.52);
    n.inland = await site("Inland Empire DC", "distribution-center", 34.04, -117.58);
    n.memphis = await site("Memphis Warehouse", "warehouse", 35.04, -89.93);
    await site("Dallas HQ", "office", 32.8, -96.82);
    p.juarez = await insertPartner(h, t, { name: "Ensambles del Bravo" });
    n.juarez = await insertPartnerSite(h, t, p.juarez, { name: "Planta Río Bravo", latitude: 31.73, longitude: -106.48 });
    p.shenzhen = await insertPartner(h, t, { name: "Pearl Delta Circuitry", countryCode: "CN" });
    n.shenzhen = await insertPartnerSite(h, t, p.shenzhen, {
      name: "Bao'an Factory",
      countryCode: "CN",
      latitude: 22.68,
      longitude: 113.86,
    });
    p.ningbo = await insertPartner(h, t, { name: "Beilun Precision Moulds", countryCode: "CN" });
    n.ningbo = await insertPartnerSite(h, t, p.ningbo, { name: "Beilun Works", countryCode: "CN", latitude: 29.89, longitude: 121.84 });
    p.saigon = await insertPartner(h, t, { name: "Saigon Riverside Garments", countryCode: "VN" });
    n.saigon = await insertPartnerSite(h, t, p.saigon, { name: "Tan Thuan Plant", countryCode: "VN", latitude: 10.76, longitude: 106.73 });
    p.trucker = await insertPartner(h, t, { name: "Transportes Frontera", type: "highway-carrier" });
    n.yard = await insertPartnerSite(h, t, p.trucker, { name: "Patio Juárez", kind: "yard", latitude: 31.72, longitude: -106.45 });
    p.ocean = await insertPartner(h, t, { name: "Blue Meridian", type: "sea-carrier", countryCode: "SG" });
    p.air = await insertPartner(h, t, { name: "Skybridge Cargo", type: "consolidator", countryCode: "US" });
    // A terminated manufacturer gets no lane.
    const gone = await insertPartner(h, t, { name: "Old Supplier", status: "terminated" });
    await insertPartnerSite(h, t, gone, { latitude: 25.7, longitude: -100.3 });
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("builds valid, audited lanes from the company's own records, and adds nothing the second time", async () => {
    const created = await seedLanesDemo({ db: h.db, tenantId: owner.tenantId, actor: { id: owner.userId, label: owner.email } });
    expect(created).toHaveLength(5);
    const lanes = (await owner.request("GET", "/api/lanes?limit=50")).json().items;
    const route = (key: string) => {
      const lane = lanes.find((l: { externalKey: string }) => l.externalKey === key);
      return [lane.legs[0].from, ...lane.legs.map((l: { to: string }) => l.to)];
    };
    expect(route("demo-lane-mx-1")).toEqual([n.juarez, "port:US-POE-2402", n.laredo]);
    const mx = lanes.find((l: { externalKey: string }) => l.externalKey === "demo-lane-mx-1");
    expect(mx.legs[0]).toMatchObject({ carrierPartnerId: p.trucker, atRest: [{ node: n.yard }] });
    // Partners by name: Beilun (Ningbo) first, then Pearl Delta (Shenzhen); Los Angeles and Long Beach alternate.
    expect(route("demo-lane-cn-1")).toEqual([n.ningbo, "port:CNNGB", "port:USLAX", n.inland]);
    expect(route("demo-lane-cn-2")).toEqual([n.shenzhen, "port:CNYTN", "port:USLGB", n.inland]);
    expect(route("demo-lane-vn-1")).toEqual([n.saigon, "port:VNSGN", "port:USLGB", n.inland]);
    expect(route("demo-lane-air-1")).toEqual([n.ningbo, "port:CNPVG", "port:USORD", n.memphis]);
    const air = lanes.find((l: { externalKey: string }) => l.externalKey === "demo-lane-air-1");
    expect(air.legs[1]).toMatchObject({ mode: "air", carrierPartnerId: p.air });
    const events = await h.rawQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND action = 'lane.create'",
      [owner.tenantId],
    );
    expect(events[0]?.n).toBe(5);
    const before = await laneState(h, owner.tenantId);
    expect(await seedLanesDemo({ db: h.db, tenantId: owner.tenantId, actor: { id: owner.userId, label: owner.email } })).toEqual([]);
    expect(await laneState(h, owner.tenantId)).toEqual(before);
  });
});
