import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";

/** A saved profile row (or none) for one criterion, with the names and counts the views need. */
export interface ItemRow {
  criterion_id: string;
  /** Null when the criterion has evidence or procedures but was never saved. */
  status: string | null;
  narrative: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  na_justification: string | null;
  na_requested_by: string | null;
  na_requested_name: string | null;
  na_approved_by: string | null;
  na_approved_name: string | null;
  na_approved_at: Date | string | null;
  last_reviewed_on: string | null;
  updated_by: string | null;
  updated_name: string | null;
  updated_at: Date | string | null;
  evidence_count: number;
  procedure_count: number;
}

/** The company fields the profile depends on. */
export async function findTenantProfileFacts(tx: Tx, tenantId: string) {
  return tx.selectFrom("tenants").select(["entity_types", "anniversary_date"]).where("id", "=", tenantId).executeTakeFirst();
}

/**
 * Every saved item of the tenant plus the counts of live (not archived) evidence and procedures linked to each
 * criterion, in ONE statement: the profile is ~100 rows and this runs on every list, detail and dashboard read.
 * With `criterionId`, only that criterion.
 */
export async function loadItemRows(tx: Tx, tenantId: string, criterionId?: string): Promise<ItemRow[]> {
  const only = criterionId === undefined ? sql`true` : sql`x.criterion_id = ${criterionId}`;
  const result = await sql<ItemRow>`
    WITH ev AS (
      SELECT l.target_id AS criterion_id, count(*)::int AS n
      FROM evidence_links l
      JOIN evidence_items e ON e.tenant_id = l.tenant_id AND e.id = l.evidence_id
      WHERE l.tenant_id = ${tenantId} AND l.target_type = 'criterion' AND e.archived_at IS NULL
      GROUP BY l.target_id
    ), pr AS (
      SELECT pc.criterion_id, count(*)::int AS n
      FROM procedure_criteria pc
      JOIN procedures p ON p.tenant_id = pc.tenant_id AND p.id = pc.procedure_id
      WHERE pc.tenant_id = ${tenantId} AND p.archived_at IS NULL
      GROUP BY pc.criterion_id
    ), x AS (
      SELECT criterion_id FROM profile_items WHERE tenant_id = ${tenantId}
      UNION SELECT criterion_id FROM ev
      UNION SELECT criterion_id FROM pr
    )
    SELECT x.criterion_id, pi.status, pi.narrative, pi.owner_user_id, o.display_name AS owner_name,
      pi.na_justification, pi.na_requested_by, rq.display_name AS na_requested_name,
      pi.na_approved_by, ap.display_name AS na_approved_name, pi.na_approved_at, pi.last_reviewed_on,
      pi.updated_by, up.display_name AS updated_name, pi.updated_at,
      coalesce(ev.n, 0) AS evidence_count, coalesce(pr.n, 0) AS procedure_count
    FROM x
    LEFT JOIN profile_items pi ON pi.tenant_id = ${tenantId} AND pi.criterion_id = x.criterion_id
    LEFT JOIN users o ON o.id = pi.owner_user_id
    LEFT JOIN users rq ON rq.id = pi.na_requested_by
    LEFT JOIN users ap ON ap.id = pi.na_approved_by
    LEFT JOIN users up ON up.id = pi.updated_by
    LEFT JOIN ev ON ev.criterion_id = x.criterion_id
    LEFT JOIN pr ON pr.criterion_id = x.criterion_id
    WHERE ${only}
  `.execute(tx);
  return result.rows.map((r) => ({ ...r, evidence_count: Number(r.evidence_count), procedure_count: Number(r.procedure_count) }));
}

/** Lock the saved row of one criterion (if any) before changing it. */
export function findItemForUpdate(tx: Tx, tenantId: string, criterionId: string) {
  return tx
    .selectFrom("profile_items")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("criterion_id", "=", criterionId)
    .forUpdate()
    .executeTakeFirst();
}

/** True when the user is an active member of the company (membership not deactivated, account active). */
export async function isActiveMember(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("m.user_id")
    .where("m.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .where("m.deactivated_at", "is", null)
    .where("u.active", "=", true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Live evidence linked to one criterion, with its current version's hash and file name. */
export function listCriterionEvidence(tx: Tx, tenantId: string, criterionId: string) {
  return tx
    .selectFrom("evidence_links as l")
    .innerJoin("evidence_items as e", (j) => j.onRef("e.tenant_id", "=", "l.tenant_id").onRef("e.id", "=", "l.evidence_id"))
    .leftJoin("evidence_versions as v", (j) =>
      j.onRef("v.evidence_id", "=", "e.id").onRef("v.version", "=", "e.current_version").onRef("v.tenant_id", "=", "e.tenant_id"),
    )
    .select(["e.id", "e.title", "e.current_version", "e.expires_on", "e.remind_days", "v.sha256", "v.filename"])
    .where("l.tenant_id", "=", tenantId)
    .where("l.target_type", "=", "criterion")
    .where("l.target_id", "=", criterionId)
    .where("e.archived_at", "is", null)
    .orderBy("e.title")
    .orderBy("e.id")
    .execute();
}

/** Live procedures linked to one criterion, each with the status of its latest version. */
export function listCriterionProcedures(tx: Tx, tenantId: string, criterionId: string) {
  return tx
    .selectFrom("procedure_criteria as pc")
    .innerJoin("procedures as p", (j) => j.onRef("p.tenant_id", "=", "pc.tenant_id").onRef("p.id", "=", "pc.procedure_id"))
    .select((eb) => [
      "p.id",
      "p.code",
      "p.title",
      eb
        .selectFrom("procedure_versions as v")
        .select("v.status")
        .whereRef("v.procedure_id", "=", "p.id")
        .orderBy("v.version", "desc")
        .limit(1)
        .as("status"),
    ])
    .where("pc.tenant_id", "=", tenantId)
    .where("pc.criterion_id", "=", criterionId)
    .where("p.archived_at", "is", null)
    .orderBy("p.code")
    .execute();
}

/** One group of the gap aggregate: items of one category, level and status, with their attention counts. */
export interface GapRow {
  category_id: number;
  level: "must" | "should";
  status: string;
  n: number;
  links: number;
  musts_not_met: number;
  no_evidence: number;
  overdue: number;
  na_pending: number;
}

/**
 * The gap dashboard in ONE aggregate statement. The applicable criteria (computed from the library, not stored)
 * come in as arrays; each is joined to its saved row (none = not assessed) and its count of live evidence, then
 * grouped by category, level and status with the attention counts alongside. The rules are those of the list
 * filters (security-profile.present.ts `matchesFilter`): keep the two in step.
 */
export async function aggregateGapRows(
  tx: Tx,
  tenantId: string,
  applicable: readonly { id: string; level: string; categoryId: number }[],
  today: string,
): Promise<GapRow[]> {
  const ids = applicable.map((c) => c.id);
  const result = await sql<GapRow>`
    WITH c AS (
      SELECT * FROM unnest(${ids}::text[], ${applicable.map((c) => c.level)}::text[], ${applicable.map((c) => c.categoryId)}::int[])
        AS c(id, level, category_id)
    ), ev AS (
      SELECT l.target_id, count(*)::int AS n
      FROM evidence_links l
      JOIN evidence_items e ON e.tenant_id = l.tenant_id AND e.id = l.evidence_id
      WHERE l.tenant_id = ${tenantId} AND l.target_type = 'criterion' AND e.archived_at IS NULL
      GROUP BY l.target_id
    ), x AS (
      SELECT c.category_id, c.level, coalesce(p.status, 'not_assessed') AS status, coalesce(ev.n, 0) AS links,
        p.na_approved_at IS NOT NULL AS approved,
        CASE WHEN p.last_reviewed_on IS NULL THEN coalesce(p.status, 'not_assessed') <> 'not_assessed'
             ELSE (p.last_reviewed_on + interval '1 year')::date < ${today}::date END AS overdue
      FROM c
      LEFT JOIN profile_items p ON p.tenant_id = ${tenantId} AND p.criterion_id = c.id
      LEFT JOIN ev ON ev.target_id = c.id
    )
    SELECT category_id, level, status, count(*)::int AS n, sum(links)::int AS links,
      count(*) FILTER (WHERE level = 'must' AND status <> 'implemented' AND NOT (status = 'not_applicable' AND approved))::int AS musts_not_met,
      count(*) FILTER (WHERE status IN ('implemented', 'partial') AND links = 0)::int AS no_evidence,
      count(*) FILTER (WHERE overdue)::int AS overdue,
      count(*) FILTER (WHERE level = 'must' AND status = 'not_applicable' AND NOT approved)::int AS na_pending
    FROM x
    GROUP BY category_id, level, status
  `.execute(tx);
  return result.rows.map((r) => ({
    ...r,
    category_id: Number(r.category_id),
    n: Number(r.n),
    links: Number(r.links),
    musts_not_met: Number(r.musts_not_met),
    no_evidence: Number(r.no_evidence),
    overdue: Number(r.overdue),
    na_pending: Number(r.na_pending),
  }));
}
