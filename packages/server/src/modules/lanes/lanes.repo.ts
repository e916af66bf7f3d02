import { searchLocations } from "@portcullis/domain";
import { type RawBuilder, sql } from "kysely";
import type { LaneLegRow, LaneRow } from "../../db/schema-partners.ts";
import type { Tx } from "../../db/tx.ts";
import { isUuid } from "../../http/schemas.ts";
import type { LegInput, ListLanesQueryInput } from "./lanes.schema.ts";

/** The node keys of one partner's sites (any state). */
export async function partnerNodeKeys(tx: Tx, tenantId: string, partnerId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom("partner_sites")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("partner_id", "=", partnerId)
    .execute();
  return rows.map((r) => `partner-site:${r.id}`);
}

/** Every node key in a country: own sites, partner sites and packaged locations. */
export async function countryNodeKeys(tx: Tx, tenantId: string, countryCode: string): Promise<string[]> {
  const ports = searchLocations()
    .filter((l) => l.countryCode === countryCode)
    .map((l) => `port:${l.code}`);
  const { rows } = await sql<{ key: string }>`
    SELECT 'site:' || id::text AS key FROM sites WHERE tenant_id = ${tenantId}::uuid AND country_code = ${countryCode}
    UNION ALL SELECT 'partner-site:' || id::text FROM partner_sites WHERE tenant_id = ${tenantId}::uuid AND country_code = ${countryCode}`.execute(
    tx,
  );
  return [...ports, ...rows.map((r) => r.key)];
}

/**
 * Ids of lanes with a leg that starts or ends at one of `keys`, rests at one, or is run by `carrierId`. A UNION of
 * index-friendly parts with the keys as a constant array: under forced RLS the planner keeps a qual that calls a
 * non-leakproof function (a uuid-to-text cast, a jsonb operator, an OR across columns…) out of index conditions,
 * which would mean scanning every leg. At-rest points are only read on legs that have any (partial index).
 */
export function lanesTouching(tenantId: string, keys: readonly string[], carrierId: string | null): RawBuilder<{ lane_id: string }> {
  const k = [...keys];
  const carrier = carrierId
    ? sql`UNION SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND carrier_partner_id = ${carrierId}::uuid`
    : sql``;
  return sql`SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND from_node = ANY(${k}::text[])
    UNION SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND to_node = ANY(${k}::text[])
    UNION SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND at_rest <> '[]'::jsonb
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(at_rest) e WHERE e ->> 'node' = ANY(${k}::text[]))
    ${carrier}`;
}

/** One lane of the tenant. */
export function findLane(tx: Tx, tenantId: string, id: string, forUpdate = false): Promise<LaneRow | undefined> {
  const q = tx.selectFrom("lanes").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Legs of some lanes, in lane then seq order. */
export async function findLegs(tx: Tx, tenantId: string, laneIds: readonly string[]): Promise<LaneLegRow[]> {
  if (laneIds.length === 0) return [];
  return tx
    .selectFrom("lane_legs")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where(sql<boolean>`lane_id = ANY(${[...laneIds]}::uuid[])`)
    .orderBy("lane_id")
    .orderBy("seq")
    .execute();
}

/** Replace every leg of a lane (numbered 1…n in the given order). */
export async function replaceLegs(tx: Tx, tenantId: string, laneId: string, legs: readonly LegInput[]): Promise<void> {
  await tx.deleteFrom("lane_legs").where("tenant_id", "=", tenantId).where("lane_id", "=", laneId).execute();
  if (legs.length === 0) return;
  await tx
    .insertInto("lane_legs")
    .values(
      legs.map((leg, i) => ({
        tenant_id: tenantId,
        lane_id: laneId,
        seq: i + 1,
        from_node: leg.from,
        to_node: leg.to,
        mode: leg.mode,
        carrier_partner_id: leg.carrierPartnerId ?? null,
        // The column type wraps jsonb in Generated<…>, which Kysely cannot insert a plain string into.
        at_rest: sql<never>`${JSON.stringify((leg.atRest ?? []).map((r) => ({ node: r.node, description: r.description ?? null })))}::jsonb`,
      })),
    )
    .execute();
}

/** Page through lanes by name, with the list filters of GET /api/lanes. */
export async function listLanes(tx: Tx, tenantId: string, query: ListLanesQueryInput): Promise<{ rows: LaneRow[]; total: number }> {
  let base = tx.selectFrom("lanes").where("tenant_id", "=", tenantId);
  if (!query.includeArchived) base = base.where("archived_at", "is", null);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb("name", "ilike", pattern), eb("description", "ilike", pattern), eb("external_key", "ilike", pattern)]),
    );
  }
  const touching: RawBuilder<{ lane_id: string }>[] = [];
  if (query.partnerId !== undefined) {
    // Not one of our ids: nothing can touch it (and it must not reach a ::uuid cast).
    if (!isUuid(query.partnerId)) return { rows: [], total: 0 };
    touching.push(lanesTouching(tenantId, await partnerNodeKeys(tx, tenantId, query.partnerId), query.partnerId));
  }
  if (query.countryCode) touching.push(lanesTouching(tenantId, await countryNodeKeys(tx, tenantId, query.countryCode.toUpperCase()), null));
  if (query.node) touching.push(lanesTouching(tenantId, [query.node], null));
  for (const t of touching) base = base.where(sql<boolean>`id IN (${t})`);
  const [rows, count] = [
    await base.selectAll().orderBy("name").orderBy("id").limit(query.limit).offset(query.offset).execute(),
    await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ];
  return { rows, total: Number(count.n) };
}
