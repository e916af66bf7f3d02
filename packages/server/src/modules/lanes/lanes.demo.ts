/**
 * Demo lanes built from whatever the company has when it runs: its own sites, its partners' sites and carriers.
 * Nothing is hard-wired to a demo partner: each recipe picks the closest fitting records (a Mexican factory and
 * the border crossing nearest to it, an Asian factory and its nearest seaport…) and is skipped when the company
 * has nothing that fits. Lanes go through createLane, so they are validated and audited like API writes.
 */
import { type LegMode, LOCATIONS, type Location } from "@portcullis/domain";
import { Kysely } from "kysely";
import type { Actor } from "../../audit/audit.service.ts";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { createLane } from "./lanes.service.ts";

interface Place {
  key: string;
  name: string;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  kind: string;
  partnerId: string | null;
  partnerType: string | null;
}

interface Leg {
  from: string;
  to: string;
  mode: LegMode;
  carrierPartnerId?: string | null;
  atRest?: { node: string; description: string }[];
}

const RECEIVING_KINDS = ["distribution-center", "cross-dock", "warehouse"];

/** Great-circle distance in km (a missing position is "far"). */
function km(a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return Number.POSITIVE_INFINITY;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

function nearest<T extends { latitude: number | null; longitude: number | null }>(to: Place | Location, candidates: T[]): T | undefined {
  return [...candidates].sort((a, b) => km(to, a) - km(to, b))[0];
}

const port = (l: Location) => `port:${l.code}`;
/** Packaged locations of a kind (with a position) that pass `test`. */
const places = (kind: Location["kind"], test: (l: Location) => boolean = () => true) =>
  LOCATIONS.filter((l) => l.kind === kind && l.latitude !== null && test(l));
/** The busy commercial land ports on the Mexican border (trucks from Monterrey cross at Laredo, not at Roma). */
const CARGO_CROSSINGS = new Set(["2304", "2305", "2303", "2301", "2402", "2401", "2408", "2604", "2506", "2507"]);
const mexicanBorder = places("border-crossing", (l) => /^US-POE-\d{4}$/.test(l.code) && CARGO_CROSSINGS.has(l.code.slice(7)));
/** The big container ports of the export countries the recipes use; other countries fall back to any seaport. */
const MAIN_PORTS = new Set(["CNYTN", "CNSHA", "CNNGB", "CNQIN", "CNXMN", "VNSGN", "VNHPH"]);

async function loadPlaces(db: Kysely<Database>, tenantId: string, actor: Actor) {
  return withScope(db, { tenantId, userId: actor.id }, async (tx) => {
    const sites = await tx
      .selectFrom("sites")
      .select(["id", "name", "kind", "country_code", "latitude", "longitude"])
      .where("tenant_id", "=", tenantId)
      .where("archived_at", "is", null)
      .orderBy("name")
      .execute();
    const partnerSites = await tx
      .selectFrom("partner_sites as s")
      .innerJoin("partners as p", (j) => j.onRef("p.tenant_id", "=", "s.tenant_id").onRef("p.id", "=", "s.partner_id"))
      .select(["s.id", "s.name", "s.kind", "s.country_code", "s.latitude", "s.longitude", "p.id as partner_id", "p.type"])
      .where("s.tenant_id", "=", tenantId)
      .where("s.archived_at", "is", null)
      .where("p.archived_at", "is", null)
      .where("p.status", "<>", "terminated")
      .orderBy("p.name")
      .orderBy("s.name")
      .execute();
    const partners = await tx
      .selectFrom("partners")
      .select(["id", "type", "country_code"])
      .where("tenant_id", "=", tenantId)
      .where("archived_at", "is", null)
      .where("status", "<>", "terminated")
      .orderBy("name")
      .execute();
    const taken = await tx.selectFrom("lanes").select("external_key").where("tenant_id", "=", tenantId).execute();
    const own: Place[] = sites.map((s) => ({
      key: `site:${s.id}`,
      name: s.name,
      countryCode: s.country_code,
      latitude: s.latitude,
      longitude: s.longitude,
      kind: s.kind,
      partnerId: null,
      partnerType: null,
    }));
    const theirs: Place[] = partnerSites.map((s) => ({
      key: `partner-site:${s.id}`,
      name: s.name,
      countryCode: s.country_code,
      latitude: s.latitude,
      longitude: s.longitude,
      kind: s.kind,
      partnerId: s.partner_id,
      partnerType: s.type,
    }));
    return { own, theirs, partners, taken: new Set(taken.map((t) => t.external_key)) };
  });
}

/**
 * Seed demo lanes for a company (after its sites and partners): Mexican factories by road across the nearest U.S.
 * land port to a U.S. receiving site; Chinese factories by sea from their nearest port to Los Angeles or Long Beach
 * and by rail inland; a Vietnamese factory through Ho Chi Minh City to Long Beach; an air lane Shanghai Pudong →
 * Chicago O'Hare. Lanes whose external key already exists are left alone, so running it twice adds nothing.
 */
export async function seedLanesDemo(options: {
  db: Db | Kysely<Database>;
  tenantId: string;
  actor: Actor;
}): Promise<{ id: string; name: string }[]> {
  const db = options.db instanceof Kysely ? options.db : options.db.kysely;
  const { tenantId, actor } = options;
  const ctx: TenantCtx = { db, tenantId, actor, userId: actor.id, requestId: null };
  const { own, theirs, partners, taken } = await loadPlaces(db, tenantId, actor);
  const carrier = (types: string[], countryCode?: string) =>
    (
      partners.find((p) => types.includes(p.type) && (!countryCode || p.country_code === countryCode)) ??
      partners.find((p) => types.includes(p.type))
    )?.id ?? null;
  const receiving = own.filter((s) => s.countryCode === "US" && RECEIVING_KINDS.includes(s.kind));
  const factories = (countryCode: string) => theirs.filter((s) => s.countryCode === countryCode && s.partnerType === "manufacturer");
  const created: { id: string; name: string }[] = [];
  const add = async (externalKey: string, name: string, description: string, legs: Leg[]) => {
    if (taken.has(externalKey)) return;
    const lane = await createLane({ ctx, input: { name, externalKey, description, legs } });
    created.push({ id: lane.id, name: lane.name });
  };

  // Mexico → U.S. by road: the factory, the nearest commercial land port, the receiving site nearest to it.
  const trucker = carrier(["highway-carrier"], "MX");
  const yard = theirs.find((s) => s.partnerId === trucker && s.kind === "yard");
  for (const [n, factory] of factories("MX").slice(0, 3).entries()) {
    const crossing = nearest(factory, mexicanBorder);
    const dc = crossing && nearest(crossing, receiving);
    if (!crossing || !dc) continue;
    const staged =
      yard && km(yard, crossing) < 60
        ? [{ node: yard.key, description: "Loaded trailer staged in the carrier's yard before crossing" }]
        : [];
    await add(`demo-lane-mx-${n + 1}`, `${factory.name} → ${dc.name}`, `Road freight across ${crossing.name}.`, [
      { from: factory.key, to: port(crossing), mode: "road", carrierPartnerId: trucker, atRest: staged },
      { from: port(crossing), to: dc.key, mode: "road", carrierPartnerId: trucker },
    ]);
  }

  // Asia → U.S. West Coast by sea, then by rail to the inland receiving site.
  const ocean = carrier(["sea-carrier"]);
  const rail = carrier(["rail-carrier"]);
  const westCoast = ["USLAX", "USLGB"].flatMap((code) => LOCATIONS.filter((l) => l.code === code));
  const seaLane = async (key: string, factory: Place, arrival: Location | undefined) => {
    const departure =
      nearest(
        factory,
        places("seaport", (l) => l.countryCode === factory.countryCode && MAIN_PORTS.has(l.code)),
      ) ??
      nearest(
        factory,
        places("seaport", (l) => l.countryCode === factory.countryCode),
      );
    const dc = arrival && nearest(arrival, receiving);
    if (!departure || !arrival || !dc) return;
    await add(key, `${factory.name} → ${dc.name}`, `Ocean container ${departure.name} → ${arrival.name}, rail inland.`, [
      { from: factory.key, to: port(departure), mode: "road" },
      { from: port(departure), to: port(arrival), mode: "sea", carrierPartnerId: ocean },
      { from: port(arrival), to: dc.key, mode: "rail", carrierPartnerId: rail },
    ]);
  };
  for (const [n, factory] of factories("CN").slice(0, 2).entries()) await seaLane(`demo-lane-cn-${n + 1}`, factory, westCoast[n % 2]);
  const vietnam = factories("VN")[0];
  if (vietnam) await seaLane("demo-lane-vn-1", vietnam, westCoast[1]);

  // Air freight: urgent parts from the Chinese supplier closest to Shanghai, through Pudong to Chicago O'Hare.
  const pvg = LOCATIONS.find((l) => l.code === "CNPVG");
  const airShipper = pvg && nearest(pvg, factories("CN"));
  const ord = LOCATIONS.find((l) => l.code === "USORD");
  const airDc = ord && nearest(ord, receiving);
  if (airShipper && pvg && ord && airDc) {
    await add("demo-lane-air-1", `${airShipper.name} → ${airDc.name} (air)`, "Urgent parts by air, Shanghai Pudong → Chicago O'Hare.", [
      { from: airShipper.key, to: port(pvg), mode: "road" },
      { from: port(pvg), to: port(ord), mode: "air", carrierPartnerId: carrier(["air-carrier", "consolidator"]) },
      { from: port(ord), to: airDc.key, mode: "road" },
    ]);
  }
  return created;
}
