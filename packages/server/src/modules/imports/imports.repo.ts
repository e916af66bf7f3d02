/**
 * Database reads of the import and the export: the company's current partners, identifiers, relations, partner sites,
 * own sites and lanes, loaded once per import. The tables are read directly (the partners module is written in parallel).
 */
import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";

export interface PartnerState {
  id: string;
  external_key: string | null;
  name: string;
  legal_name: string | null;
  type: string;
  country_code: string;
  address: string | null;
  website: string | null;
  risk_level: string;
  status: string;
  archived: boolean;
}

/** Every partner of the company (archived ones too: their keys are taken). */
export async function loadPartners(tx: Tx, tenantId: string): Promise<PartnerState[]> {
  const rows = await tx
    .selectFrom("partners")
    .select([
      "id",
      "external_key",
      "name",
      "legal_name",
      "type",
      "country_code",
      "address",
      "website",
      "risk_level",
      "status",
      "archived_at",
    ])
    .where("tenant_id", "=", tenantId)
    .execute();
  return rows.map(({ archived_at, ...r }) => ({ ...r, archived: archived_at !== null }));
}

/** Identifiers of the company's partners. */
export function loadIdentifiers(tx: Tx, tenantId: string): Promise<{ partner_id: string; kind: string; value: string }[]> {
  return tx.selectFrom("partner_identifiers").select(["partner_id", "kind", "value"]).where("tenant_id", "=", tenantId).execute();
}

/** Supplier → customer relations of the company. */
export function loadRelations(tx: Tx, tenantId: string): Promise<{ supplier_id: string; customer_id: string }[]> {
  return tx.selectFrom("partner_relations").select(["supplier_id", "customer_id"]).where("tenant_id", "=", tenantId).execute();
}

export interface PartnerSiteState {
  id: string;
  external_key: string | null;
  partner_id: string;
  name: string;
  kind: string;
  country_code: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  archived: boolean;
}

/** Every partner site of the company. */
export async function loadPartnerSites(tx: Tx, tenantId: string): Promise<PartnerSiteState[]> {
  const rows = await tx
    .selectFrom("partner_sites")
    .select(["id", "external_key", "partner_id", "name", "kind", "country_code", "address", "latitude", "longitude", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .execute();
  return rows.map(({ archived_at, ...r }) => ({ ...r, archived: archived_at !== null }));
}

/** The company's own sites (lane nodes `site:<name or id>`). */
export function loadOwnSites(tx: Tx, tenantId: string): Promise<{ id: string; name: string }[]> {
  return tx.selectFrom("sites").select(["id", "name"]).where("tenant_id", "=", tenantId).execute();
}

export interface LaneState {
  id: string;
  external_key: string | null;
  name: string;
  archived: boolean;
  legs: LegState[];
}
export interface LegState {
  seq: number;
  from: string;
  to: string;
  mode: string;
  carrierId: string | null;
  atRest: unknown;
}

/** Every lane of the company with its legs in order. */
export async function loadLanes(tx: Tx, tenantId: string): Promise<LaneState[]> {
  const lanes = await tx
    .selectFrom("lanes")
    .select(["id", "external_key", "name", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .execute();
  const legs = await tx
    .selectFrom("lane_legs")
    .select(["lane_id", "seq", "from_node", "to_node", "mode", "carrier_partner_id", "at_rest"])
    .where("tenant_id", "=", tenantId)
    .orderBy("lane_id")
    .orderBy("seq")
    .execute();
  const byLane = new Map<string, LegState[]>();
  for (const l of legs) {
    const list = byLane.get(l.lane_id) ?? [];
    list.push({ seq: l.seq, from: l.from_node, to: l.to_node, mode: l.mode, carrierId: l.carrier_partner_id, atRest: l.at_rest });
    byLane.set(l.lane_id, list);
  }
  return lanes.map((l) => ({
    id: l.id,
    external_key: l.external_key,
    name: l.name,
    archived: l.archived_at !== null,
    legs: byLane.get(l.id) ?? [],
  }));
}

/** Serialise the company's imports: two at once would plan against the same state and the second would undo the first. */
export async function lockImports(tx: Tx, tenantId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`portcullis.import:${tenantId}`}))`.execute(tx);
}
