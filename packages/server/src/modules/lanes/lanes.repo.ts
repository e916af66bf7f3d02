import { searchLocations } from "@portcullis/domain";
import { type RawBuilder, sql } from "kysely";
import type { LaneLegRow, LaneRow } from "../../db/schema-partners.ts";
import type { Tx } from "../../db/tx.ts";
import { isUuid } from "../../http/schemas.ts";
import type { LegInput, ListLanesQueryInput } from "./lanes.schema.ts";

/** A node set as SQL: a subquery yielding node keys (text). */
export type NodeSet = RawBuilder<unknown>;

/** The sites of one partner, as node keys. */
export function partnerNodes(tenantId: string, partnerId: string): NodeSet {
  return sql`SELECT 'partner-site:' || s.id::text FROM partner_sites s WHERE s.tenant_id = ${tenantId}::uuid AND s.partner_id = ${partnerId}::uuid`;
}

/** Every node in a country: own sites, partner sites and packaged locations. */
export function countryNodes(tenantId: string, countryCode: string): NodeSet {
  const ports = searchLocations()
    .filter((l) => l.countryCode === countryCode)
    .map((l) => `port:${l.code}`);
  return sql`SELECT 'site:' || id::text FROM sites WHERE tenant_id = ${tenantId}::uuid AND country_code = ${countryCode}
    UNION ALL SELECT 'partner-site:' || id::text FROM partner_sites WHERE tenant_id = ${tenantId}::uuid AND country_code = ${countryCode}
    UNION ALL SELECT unnest(${ports}::text[])`;
}

/**
 * Ids of lanes with a leg that starts or ends in `nodes`, rests in `nodes`, or is run by `carrierId`. Written as a
 * UNION of index-friendly parts: under forced RLS an OR across columns or a jsonb operator would not use an index.
 * At-rest points are only looked at on the few legs that have any (partial index lane_legs_with_rest).
 */
export function lanesTouching(tenantId: string, nodes: NodeSet, carrierId: string | null): RawBuilder<{ lane_id: string }> {
  const carrier = carrierId
    ? sql`UNION SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND carrier_partner_id = ${carrierId}::uuid`
    : sql``;
  return sql`SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND from_node IN (${nodes})
    UNION SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND to_node IN (${nodes})
    UNION SELECT lane_id FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND at_rest <> '[]'::jsonb
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(at_rest) e WHERE e ->> 'node' IN (${nodes}))
    ${carrier}`;
}

/** One lane of the tenant. */
export function findLane(tx: Tx, tenantId: string, id: string, forUpdate = false): Promise<LaneRow | undefined> {
  const q = tx.selectFrom("lanes").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Another lane of the tenant with this external key. */
export async function externalKeyTaken(tx: Tx, tenantId: string, key: string, exceptId: string | null): Promise<boolean> {
  let q = tx.selectFrom("lanes").select("id").where("tenant_id", "=", tenantId).where("external_key", "=", key);
  if (exceptId) q = q.where("id", "<>", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
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
    base = base.where((eb) => eb.or([eb("name", "ilike", pattern), eb("description", "ilike", pattern), eb("external_key", "ilike", pattern)]));
  }
  const touching: RawBuilder<{ lane_id: string }>[] = [];
  if (query.partnerId !== undefined) {
    // Not one of our ids: nothing can touch it (and it must not reach a ::uuid cast).
    if (!isUuid(query.partnerId)) return { rows: [], total: 0 };
    touching.push(lanesTouching(tenantId, partnerNodes(tenantId, query.partnerId), query.partnerId));
  }
  if (query.countryCode) touching.push(lanesTouching(tenantId, countryNodes(tenantId, query.countryCode.toUpperCase()), null));
  if (query.node) touching.push(lanesTouching(tenantId, sql`SELECT ${query.node}::text`, null));
  for (const t of touching) base = base.where(sql<boolean>`id IN (${t})`);
  const [rows, count] = [
    await base.selectAll().orderBy("name").orderBy("id").limit(query.limit).offset(query.offset).execute(),
    await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ];
  return { rows, total: Number(count.n) };
}
