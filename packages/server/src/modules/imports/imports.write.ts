/**
 * Batched writes of the import: ~1,000 rows per statement sent as arrays (`unnest`), never one statement per row, so
 * 100,000 rows stay fast. The tables are written directly (the partners module is written in parallel).
 */
import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";

/** Rows per statement. */
export const CHUNK = 1000;

function* chunks<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Plain INSERTs (no ON CONFLICT: speculative insertion costs time on 100,000 rows). The plan was made in the same
 * transaction, so a duplicate can only come from someone else's concurrent edit: the whole import then fails as 409.
 */
export function raceAsConflict(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23505"
    ? new AppError(
        "conflict",
        "Some of these records were created or linked by someone else while the file was imported; nothing was saved, try again",
      )
    : err;
}

/** One partner as written: all columns of the import. */
export interface PartnerWrite {
  id: string;
  key: string | null;
  name: string;
  legalName: string | null;
  type: string;
  countryCode: string;
  address: string | null;
  website: string | null;
  risk: string;
  status: string;
}

const col = <T, K extends keyof T>(rows: T[], k: K) => rows.map((r) => r[k]);

/** Insert new partners. */
export async function insertPartners(tx: Tx, tenantId: string, rows: PartnerWrite[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`
      INSERT INTO partners (id, tenant_id, external_key, name, legal_name, type, country_code, address, website, risk_level, status)
      SELECT v.id, ${tenantId}::uuid, v.key, v.name, v.legal, v.type, v.country, v.address, v.website, v.risk, v.status
      FROM unnest(${col(c, "id")}::uuid[], ${col(c, "key")}::text[], ${col(c, "name")}::text[], ${col(c, "legalName")}::text[],
        ${col(c, "type")}::text[], ${col(c, "countryCode")}::text[], ${col(c, "address")}::text[], ${col(c, "website")}::text[],
        ${col(c, "risk")}::text[], ${col(c, "status")}::text[])
        AS v(id, key, name, legal, type, country, address, website, risk, status)`.execute(tx);
  }
}

/** Overwrite existing partners with their merged values. */
export async function updatePartners(tx: Tx, tenantId: string, rows: PartnerWrite[]): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`
      UPDATE partners AS p SET name = v.name, legal_name = v.legal, type = v.type, country_code = v.country, address = v.address,
        website = v.website, risk_level = v.risk, status = v.status, updated_at = now()
      FROM unnest(${col(c, "id")}::uuid[], ${col(c, "name")}::text[], ${col(c, "legalName")}::text[], ${col(c, "type")}::text[],
        ${col(c, "countryCode")}::text[], ${col(c, "address")}::text[], ${col(c, "website")}::text[], ${col(c, "risk")}::text[],
        ${col(c, "status")}::text[]) AS v(id, name, legal, type, country, address, website, risk, status)
      WHERE p.tenant_id = ${tenantId}::uuid AND p.id = v.id`.execute(tx);
  }
}

/** Status history rows (a new partner's first status, or a status the file changed). */
export async function insertStatusHistory(
  tx: Tx,
  tenantId: string,
  actorId: string | null,
  rows: { id: string; partnerId: string; from: string | null; to: string }[],
): Promise<void> {
  for (const c of chunks(rows)) {
    await sql`
      INSERT INTO partner_status_history (id, tenant_id, partner_id, from_status, to_status, reason, actor_id)
      SELECT v.id, ${tenantId}::uuid, v.partner_id, v.from_status, v.to_status, 'import', ${actorId}::uuid
      FROM unnest(${col(c, "id")}::uuid[], ${col(c, "partnerId")}::uuid[], ${col(c, "from")}::text[], ${col(c, "to")}::text[])
        AS v(id, partner_id, from_status, to_status)`.execute(tx);
  }
}

/** Delete the identifiers of `partnerIds` (existing partners whose list changed), then insert `rows`. */
export async function replaceIdentifiers(
  tx: Tx,
  tenantId: string,
  partnerIds: string[],
  rows: { partnerId: string; kind: string; value: string }[],
): Promise<void> {
  for (const c of chunks(partnerIds)) {
    await sql`DELETE FROM partner_identifiers WHERE tenant_id = ${tenantId}::uuid AND partner_id = ANY(${c}::uuid[])`.execute(tx);
  }
  for (const c of chunks(rows)) {
    await sql`
      INSERT INTO partner_identifiers (tenant_id, partner_id, kind, value)
      SELECT ${tenantId}::uuid, v.partner_id, v.kind, v.value
      FROM unnest(${col(c, "partnerId")}::uuid[], ${col(c, "kind")}::text[], ${col(c, "value")}::text[]) AS v(partner_id, kind, value)`.execute(
      tx,
    );
  }
}

/** Remove and add supplier → customer relations. */
export async function changeRelations(
  tx: Tx,
  tenantId: string,
  remove: { supplierId: string; customerId: string }[],
  add: { supplierId: string; customerId: string }[],
): Promise<void> {
  for (const c of chunks(remove)) {
    await sql`
      DELETE FROM partner_relations AS r USING unnest(${col(c, "supplierId")}::uuid[], ${col(c, "customerId")}::uuid[]) AS v(s, c)
      WHERE r.tenant_id = ${tenantId}::uuid AND r.supplier_id = v.s AND r.customer_id = v.c`.execute(tx);
  }
  for (const c of chunks(add)) {
    await sql`
      INSERT INTO partner_relations (tenant_id, supplier_id, customer_id)
      SELECT ${tenantId}::uuid, v.s, v.c FROM unnest(${col(c, "supplierId")}::uuid[], ${col(c, "customerId")}::uuid[]) AS v(s, c)`.execute(
      tx,
    );
  }
}

/** One partner site as written. */
export interface SiteWrite {
  id: string;
  key: string | null;
  partnerId: string;
  name: string;
  kind: string;
  countryCode: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Insert new partner sites and overwrite existing ones with their merged values. */
export async function writeSites(tx: Tx, tenantId: string, inserts: SiteWrite[], updates: SiteWrite[]): Promise<void> {
  for (const c of chunks(inserts)) {
    await sql`
      INSERT INTO partner_sites (id, tenant_id, partner_id, external_key, name, kind, country_code, address, latitude, longitude)
      SELECT v.id, ${tenantId}::uuid, v.partner_id, v.key, v.name, v.kind, v.country, v.address, v.lat, v.lng
      FROM unnest(${col(c, "id")}::uuid[], ${col(c, "partnerId")}::uuid[], ${col(c, "key")}::text[], ${col(c, "name")}::text[],
        ${col(c, "kind")}::text[], ${col(c, "countryCode")}::text[], ${col(c, "address")}::text[], ${col(c, "latitude")}::float8[],
        ${col(c, "longitude")}::float8[]) AS v(id, partner_id, key, name, kind, country, address, lat, lng)`.execute(tx);
  }
  for (const c of chunks(updates)) {
    await sql`
      UPDATE partner_sites AS s SET partner_id = v.partner_id, name = v.name, kind = v.kind, country_code = v.country,
        address = v.address, latitude = v.lat, longitude = v.lng, updated_at = now()
      FROM unnest(${col(c, "id")}::uuid[], ${col(c, "partnerId")}::uuid[], ${col(c, "name")}::text[], ${col(c, "kind")}::text[],
        ${col(c, "countryCode")}::text[], ${col(c, "address")}::text[], ${col(c, "latitude")}::float8[], ${col(c, "longitude")}::float8[])
        AS v(id, partner_id, name, kind, country, address, lat, lng)
      WHERE s.tenant_id = ${tenantId}::uuid AND s.id = v.id`.execute(tx);
  }
}

/** A lane as written; `legs` replace the lane's legs when `replaceLegs`. */
export interface LaneWrite {
  id: string;
  key: string | null;
  name: string;
  isNew: boolean;
  replaceLegs: boolean;
  legs: { seq: number; from: string; to: string; mode: string; carrierId: string | null; atRest: string }[];
}

/** Insert new lanes, rename existing ones, and replace the legs of lanes whose legs changed. */
export async function writeLanes(tx: Tx, tenantId: string, lanes: LaneWrite[]): Promise<void> {
  const inserts = lanes.filter((l) => l.isNew);
  for (const c of chunks(inserts)) {
    await sql`
      INSERT INTO lanes (id, tenant_id, external_key, name)
      SELECT v.id, ${tenantId}::uuid, v.key, v.name FROM unnest(${col(c, "id")}::uuid[], ${col(c, "key")}::text[], ${col(c, "name")}::text[])
        AS v(id, key, name)`.execute(tx);
  }
  for (const c of chunks(lanes.filter((l) => !l.isNew))) {
    await sql`
      UPDATE lanes AS l SET name = v.name, updated_at = now()
      FROM unnest(${col(c, "id")}::uuid[], ${col(c, "name")}::text[]) AS v(id, name)
      WHERE l.tenant_id = ${tenantId}::uuid AND l.id = v.id`.execute(tx);
  }
  const replaced = lanes.filter((l) => l.replaceLegs && !l.isNew).map((l) => l.id);
  for (const c of chunks(replaced)) {
    await sql`DELETE FROM lane_legs WHERE tenant_id = ${tenantId}::uuid AND lane_id = ANY(${c}::uuid[])`.execute(tx);
  }
  const legs = lanes.filter((l) => l.replaceLegs).flatMap((l) => l.legs.map((leg) => ({ laneId: l.id, ...leg })));
  for (const c of chunks(legs)) {
    await sql`
      INSERT INTO lane_legs (tenant_id, lane_id, seq, from_node, to_node, mode, carrier_partner_id, at_rest)
      SELECT ${tenantId}::uuid, v.lane_id, v.seq, v.from_node, v.to_node, v.mode, v.carrier, v.at_rest::jsonb
      FROM unnest(${col(c, "laneId")}::uuid[], ${col(c, "seq")}::int[], ${col(c, "from")}::text[], ${col(c, "to")}::text[],
        ${col(c, "mode")}::text[], ${col(c, "carrierId")}::uuid[], ${col(c, "atRest")}::text[])
        AS v(lane_id, seq, from_node, to_node, mode, carrier, at_rest)`.execute(tx);
  }
}
