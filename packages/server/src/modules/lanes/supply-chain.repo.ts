/**
 * Queries behind /api/supply-chain/*. Partner tables are read directly (the partners module may not offer these
 * views). Only lanes that are not archived count; every statement runs in the caller's RLS-scoped transaction.
 */
import { MRA_PROGRAMS } from "@portcullis/domain";
import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";
import { lanesTouching } from "./lanes.repo.ts";

const MRA_IDS = MRA_PROGRAMS.map((p) => p.id);

/** "ctpat" | "mra" when an active, unexpired certification exists; "expired" when only lapsed ones; else "none". */
export type Certified = "ctpat" | "mra" | "expired" | "none";

/** Certification state of partners (all of the tenant's when `partnerIds` is null). */
export async function certificationStates(
  tx: Tx,
  tenantId: string,
  today: string,
  partnerIds: string[] | null,
): Promise<Map<string, Certified>> {
  const only = partnerIds ? sql`AND partner_id = ANY(${partnerIds}::uuid[])` : sql``;
  const { rows } = await sql<{ partner_id: string; ctpat: boolean; mra: boolean }>`
    SELECT partner_id,
      bool_or(program = 'ctpat' AND status = 'active' AND (valid_to IS NULL OR valid_to >= ${today}::date)) AS ctpat,
      bool_or(program = ANY(${MRA_IDS}::text[]) AND status = 'active' AND (valid_to IS NULL OR valid_to >= ${today}::date)) AS mra
    FROM partner_certifications
    WHERE tenant_id = ${tenantId}::uuid AND (program = 'ctpat' OR program = ANY(${MRA_IDS}::text[])) ${only}
    GROUP BY partner_id`.execute(tx);
  return new Map(rows.map((r) => [r.partner_id, r.ctpat ? "ctpat" : r.mra ? "mra" : "expired"]));
}

/** One hop used by some path, with how many live lanes run it and a sample of up to ten of them. */
export interface HopRow {
  from_node: string;
  to_node: string;
  lane_count: number;
  modes: string[];
  lanes: { id: string; name: string; seq: number; mode: string; carrierPartnerId: string | null }[];
}

/**
 * The hops that can lie on a path from `from` to `to`, with how many live lanes run each, by which modes, and up to
 * ten of them (by id). Reachability walks lane_edges (each live hop once, kept by triggers), first forward from
 * `from`, then backward from `to` among the nodes reached, so a busy destination never drags in every origin of
 * the network. Legs are read only for the sample, ten per hop at most, in (from, to, lane) index order.
 */
export async function hopsBetween(tx: Tx, tenantId: string, from: string, to: string): Promise<HopRow[]> {
  const { rows } = await sql<HopRow>`
    WITH RECURSIVE fwd(node) AS (
      SELECT ${from}::text
      UNION
      SELECT e.to_node FROM fwd JOIN lane_edges e ON e.tenant_id = ${tenantId}::uuid AND e.from_node = fwd.node
    ), reached AS (
      SELECT array_agg(node) AS nodes FROM fwd
    ), bwd(node) AS (
      SELECT ${to}::text WHERE ${to}::text = ANY(CAST((SELECT nodes FROM reached) AS text[]))
      UNION
      -- In-edges of each node (lane_edges_to), kept when their source was reached forward. "IS TRUE" keeps that
      -- test a filter: as an index condition the planner would probe every reached node for every frontier node.
      SELECT e.from_node FROM bwd JOIN lane_edges e ON e.tenant_id = ${tenantId}::uuid AND e.to_node = bwd.node
      WHERE (e.from_node = ANY(CAST((SELECT nodes FROM reached) AS text[]))) IS TRUE
    ), hops AS (
      SELECT e.from_node, e.to_node, sum(e.legs)::int AS lane_count, array_agg(e.mode ORDER BY e.mode) AS modes
      FROM lane_edges e
      WHERE e.tenant_id = ${tenantId}::uuid AND e.from_node IN (SELECT node FROM bwd) AND e.to_node IN (SELECT node FROM bwd)
      GROUP BY e.from_node, e.to_node
    )
    SELECT h.from_node, h.to_node, h.lane_count, h.modes, s.lanes FROM hops h
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object('id', x.lane_id, 'name', x.name, 'seq', x.seq, 'mode', x.mode,
        'carrierPartnerId', x.carrier_partner_id)), '[]'::json) AS lanes
      FROM (
        SELECT l.lane_id, n.name, l.seq, l.mode, l.carrier_partner_id
        FROM lane_legs l JOIN lanes n ON n.tenant_id = ${tenantId}::uuid AND n.id = l.lane_id AND n.archived_at IS NULL
        WHERE l.tenant_id = ${tenantId}::uuid AND l.from_node = h.from_node AND l.to_node = h.to_node
        ORDER BY l.lane_id LIMIT 10
      ) x
    ) s`.execute(tx);
  return rows;
}

/**
 * How much cheaper one step of a walk along lanes_live_name is than one probe of lanes_live_id by id (both index
 * only): measured about 10× on PostgreSQL and on PGlite with the 100,000-node bench chain.
 */
const WALK_STEP_ADVANTAGE = 10;

/**
 * A page of live lanes touching a node set and/or carrier, by name, with the total. The touched lane ids come from
 * indexes alone; the total subtracts archived lanes (a small partial index). The page is found one of two ways,
 * chosen in the statement once the total is known:
 * - probe: look each hit up by id (lanes_live_id) and keep the first by name. Cost grows with the hits.
 * - walk: read lanes in name order (lanes_live_name) and keep those in the hit set until the page is full. Cost
 *   grows with (offset + limit) × lanes / hits, so it wins for a busy carrier or a whole country (thousands of
 *   hits) and loses badly for a partner on three lanes.
 * The walk is taken when (offset + limit) × lanes < WALK_STEP_ADVANTAGE × hits², with the table's row estimate
 * for "lanes" (all companies, so it errs towards probing; unknown before the first ANALYZE, which means probe).
 * The planner cannot make this choice itself: it estimates a semi-join with the hit set at 200 rows whatever it holds.
 */
export async function impactedLanes(
  tx: Tx,
  tenantId: string,
  target: { nodes: readonly string[]; carrierId: string | null },
  page: { limit: number; offset: number },
): Promise<{ rows: { id: string; name: string }[]; total: number }> {
  const hit = lanesTouching(tenantId, target.nodes, target.carrierId);
  const reach = page.offset + page.limit;
  const { rows } = await sql<{ total: number; id: string | null; name: string | null }>`
    WITH hit AS MATERIALIZED (${hit}),
    total AS (
      SELECT count(*)::int AS n FROM hit
      WHERE NOT EXISTS (SELECT 1 FROM lanes a WHERE a.tenant_id = ${tenantId}::uuid AND a.archived_at IS NOT NULL AND a.id = hit.lane_id)
    ), plan AS (
      SELECT ${reach}::float8 * (SELECT CASE WHEN c.reltuples < 0 THEN 'infinity'::float8 ELSE c.reltuples::float8 END
        FROM pg_class c WHERE c.oid = 'lanes'::regclass) < ${WALK_STEP_ADVANTAGE}::float8 * (SELECT n FROM total)::float8 ^ 2 AS walk
    ), walked AS (
      -- "IS TRUE" keeps the membership test a filter on the name-ordered scan instead of a join the planner reorders.
      SELECT n.id, n.name FROM lanes n
      WHERE n.tenant_id = ${tenantId}::uuid AND n.archived_at IS NULL AND (n.id IN (SELECT lane_id FROM hit)) IS TRUE
        AND (SELECT walk FROM plan)
      ORDER BY n.name, n.id LIMIT ${page.limit} OFFSET ${page.offset}
    ), probed AS (
      SELECT n.id, n.name FROM lanes n
      WHERE n.tenant_id = ${tenantId}::uuid AND n.archived_at IS NULL AND n.id IN (SELECT lane_id FROM hit)
        AND NOT (SELECT walk FROM plan)
      ORDER BY n.name, n.id LIMIT ${page.limit} OFFSET ${page.offset}
    ), page AS (
      SELECT * FROM walked UNION ALL SELECT * FROM probed
    )
    SELECT total.n AS total, page.id, page.name FROM total LEFT JOIN page ON true ORDER BY page.name, page.id`.execute(tx);
  return {
    rows: rows.flatMap((r) => (r.id !== null && r.name !== null ? [{ id: r.id, name: r.name }] : [])),
    total: rows[0]?.total ?? 0,
  };
}

/** Partner ids on live lanes: owners of partner sites at leg ends or at-rest points, and carriers (one lane or all). */
function partnersOnLanes(tenantId: string, laneId: string | null) {
  const oneLane = laneId ? sql`AND l.lane_id = ${laneId}::uuid` : sql``;
  return sql`
    WITH legs AS (
      SELECT l.lane_id, l.from_node, l.to_node, l.carrier_partner_id, l.at_rest FROM lane_legs l
        JOIN lanes n ON n.tenant_id = l.tenant_id AND n.id = l.lane_id
      WHERE l.tenant_id = ${tenantId}::uuid AND n.archived_at IS NULL ${oneLane}
    ), nodes AS (
      SELECT lane_id, from_node AS node, 'site' AS role FROM legs
      UNION SELECT lane_id, to_node, 'site' FROM legs
      UNION SELECT lane_id, e ->> 'node', 'at-rest' FROM legs, jsonb_array_elements(legs.at_rest) e WHERE legs.at_rest <> '[]'::jsonb
    )
    SELECT s.partner_id, x.lane_id, x.role FROM nodes x
      JOIN partner_sites s ON s.tenant_id = ${tenantId}::uuid AND x.node = 'partner-site:' || s.id::text
    UNION SELECT carrier_partner_id, lane_id, 'carrier' FROM legs WHERE carrier_partner_id IS NOT NULL`;
}

/** Ids of every partner that appears on a live lane. */
export async function partnerIdsOnLanes(tx: Tx, tenantId: string): Promise<Set<string>> {
  const { rows } = await sql<{ partner_id: string }>`SELECT DISTINCT partner_id FROM (${partnersOnLanes(tenantId, null)}) o`.execute(tx);
  return new Set(rows.map((r) => r.partner_id));
}

/** A partner on lanes without an active, unexpired CTPAT or MRA certification. */
export interface UncertifiedRow {
  id: string;
  name: string;
  type: string;
  country_code: string;
  status: string;
  risk_level: string;
  roles: string[];
  lane_count: number;
  lane_ids: string[];
  lapsed: boolean;
  total: number;
}

/** A page of uncertified partners on live lanes (optionally one lane), by name. */
export async function uncertifiedPartners(
  tx: Tx,
  tenantId: string,
  options: { laneId: string | null; today: string; limit: number; offset: number },
): Promise<UncertifiedRow[]> {
  const { rows } = await sql<UncertifiedRow>`
    WITH o AS (${partnersOnLanes(tenantId, options.laneId)}),
    agg AS (
      SELECT partner_id, array_agg(DISTINCT role) AS roles, count(DISTINCT lane_id)::int AS lane_count,
        (array_agg(DISTINCT lane_id::text))[1:20] AS lane_ids
      FROM o GROUP BY partner_id
    ), certs AS (
      SELECT partner_id,
        bool_or(status = 'active' AND (valid_to IS NULL OR valid_to >= ${options.today}::date)) AS good
      FROM partner_certifications
      WHERE tenant_id = ${tenantId}::uuid AND (program = 'ctpat' OR program = ANY(${MRA_IDS}::text[]))
        AND partner_id IN (SELECT partner_id FROM agg)
      GROUP BY partner_id
    )
    SELECT p.id, p.name, p.type, p.country_code, p.status, p.risk_level, a.roles, a.lane_count, a.lane_ids,
      c.partner_id IS NOT NULL AS lapsed, count(*) OVER ()::int AS total
    FROM agg a JOIN partners p ON p.tenant_id = ${tenantId}::uuid AND p.id = a.partner_id
    LEFT JOIN certs c ON c.partner_id = a.partner_id
    WHERE NOT coalesce(c.good, false)
    ORDER BY p.name, p.id LIMIT ${options.limit} OFFSET ${options.offset}`.execute(tx);
  return rows;
}

/** Every leg of every live lane, with its lane's name, by lane name then seq. */
export async function liveLegs(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("lane_legs as l")
    .innerJoin("lanes as n", (j) => j.onRef("n.tenant_id", "=", "l.tenant_id").onRef("n.id", "=", "l.lane_id"))
    .select(["l.lane_id", "n.name as lane_name", "l.seq", "l.from_node", "l.to_node", "l.mode", "l.carrier_partner_id", "l.at_rest"])
    .where("l.tenant_id", "=", tenantId)
    .where("n.archived_at", "is", null)
    .orderBy("n.name")
    .orderBy("l.lane_id")
    .orderBy("l.seq")
    .execute();
}

/** Site and partner-site ids that are in use: own sites and partner sites of live partners, not archived. */
export async function activeSiteIds(tx: Tx, tenantId: string): Promise<{ sites: string[]; partnerSites: string[] }> {
  const sites = await tx.selectFrom("sites").select("id").where("tenant_id", "=", tenantId).where("archived_at", "is", null).execute();
  const partnerSites = await tx
    .selectFrom("partner_sites as s")
    .innerJoin("partners as p", (j) => j.onRef("p.tenant_id", "=", "s.tenant_id").onRef("p.id", "=", "s.partner_id"))
    .select("s.id")
    .where("s.tenant_id", "=", tenantId)
    .where("s.archived_at", "is", null)
    .where("p.archived_at", "is", null)
    .execute();
  return { sites: sites.map((s) => s.id), partnerSites: partnerSites.map((s) => s.id) };
}

/** Partners that are not archived, by name. */
export function livePartners(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("partners")
    .select(["id", "name", "type", "country_code", "status", "risk_level"])
    .where("tenant_id", "=", tenantId)
    .where("archived_at", "is", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

/** Supplier → customer relations between the tenant's partners. */
export function supplierRelations(tx: Tx, tenantId: string) {
  return tx.selectFrom("partner_relations").select(["supplier_id", "customer_id"]).where("tenant_id", "=", tenantId).execute();
}

/** The company's legal name (tier 0 of the graph). */
export async function companyName(tx: Tx, tenantId: string): Promise<string> {
  const row = await tx.selectFrom("tenants").select("legal_name").where("id", "=", tenantId).executeTakeFirst();
  return row?.legal_name ?? "Company";
}

/** Lane names by id. */
export async function laneNames(tx: Tx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom("lanes")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .where(sql<boolean>`id = ANY(${[...ids]}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The ids of a partner's sites (any state), or null when the partner is not one of the tenant's. */
export async function partnerSiteIds(tx: Tx, tenantId: string, partnerId: string): Promise<string[] | null> {
  const partner = await tx
    .selectFrom("partners")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", partnerId)
    .executeTakeFirst();
  if (!partner) return null;
  const rows = await tx
    .selectFrom("partner_sites")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("partner_id", "=", partnerId)
    .execute();
  return rows.map((r) => r.id);
}
