import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { DEMO_PARTNERS, type PartnersDemoIds, seedPartnersDemo } from "./partners.demo.ts";

describe("partner demo", () => {
  let h: Harness;
  let owner: Caller;
  let ids: PartnersDemoIds;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    ids = await seedPartnersDemo({ db: h.db, tenantId: owner.tenantId, actor: { id: owner.userId, label: owner.email } });
  }, 120_000);
  afterAll(() => h?.close());

  const get = async (key: string) => (await owner.request("GET", `/api/partners/${ids.partners[key]}`)).json();

  it("creates every partner and site, returning their ids by key", async () => {
    expect(Object.keys(ids.partners).sort()).toEqual(DEMO_PARTNERS.map((p) => p.key).sort());
    const list = await owner.request("GET", "/api/partners?limit=200&includeArchived=true");
    expect(list.json().total).toBe(DEMO_PARTNERS.length);
    const sites = DEMO_PARTNERS.flatMap((p) => p.sites.map((s) => s.key));
    expect(Object.keys(ids.sites).sort()).toEqual(sites.sort());
    const juarez = await get("juarez-maquila");
    expect(juarez.sites[0]).toMatchObject({ id: ids.sites["juarez-plant"], countryCode: "MX", latitude: 31.6904 });
    // Every demo identifier fits its format (no warnings to explain in a demo).
    for (const key of Object.keys(ids.partners)) {
      for (const i of (await get(key)).identifiers) expect(i.warning, `${key} ${i.kind}`).toBeNull();
    }
  });

  it("spreads statuses and certifications across the lifecycle, with one lapsed OEA", async () => {
    const statuses = new Set((await owner.request("GET", "/api/partners?limit=200")).json().items.map((p: { status: string }) => p.status));
    expect([...statuses].sort()).toEqual(["approved", "prospect", "screening", "suspended", "terminated"]);
    expect((await get("monterrey-autoparts")).certified).toBe("ctpat");
    expect((await get("ocean-carrier")).certified).toBe("mra");
    expect((await get("guadalajara-furniture")).certified).toBe("expired");
    expect((await get("shenzhen-electronics")).certified).toBe("none");
    expect((await owner.request("GET", "/api/partners?certified=expired")).json().items.map((p: { id: string }) => p.id)).toEqual([
      ids.partners["guadalajara-furniture"],
    ]);
  });

  it("records the tier-2 supplier, the screenings with concerns and the questionnaire waiver", async () => {
    const shenzhen = await get("shenzhen-electronics");
    expect(shenzhen.suppliers.map((p: { id: string }) => p.id)).toEqual([ids.partners["ningbo-tooling"]]);
    expect(shenzhen.screenings[0]).toMatchObject({ kind: "tbml", result: "concern" });
    expect(shenzhen.rescreenDueOn).not.toBeNull();
    const hcmc = await get("hcmc-apparel");
    expect(hcmc).toMatchObject({ status: "suspended" });
    expect(hcmc.screenings[0].indicators).toContain("fl.retained-documents");
    const monterrey = await get("monterrey-autoparts");
    expect(monterrey).toMatchObject({ questionnaireWaived: true, questionnaireWaiver: { reason: expect.stringMatching(/CTPAT/) } });
    const verify = await owner.request("GET", "/api/audit/verify");
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
