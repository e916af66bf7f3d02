import { type RawBuilder, sql } from "kysely";
import type { ProcedureVersionRow } from "../../db/schema-profile.ts";
import type { Tx } from "../../db/tx.ts";
import type { ListProceduresQueryInput } from "./procedures.schema.ts";

/** A procedure with what its list view needs: owner, version in force, newest version and linked criteria. */
export interface ProcedureListRow {
  id: string;
  tenant_id: string;
  code: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string | null;
  review_interval_months: number | null;
  next_review_on: string | null;
  requires_ack: boolean;
  archived_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  approved_version: number | null;
  approved_at: Date | string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  latest_version: number;
  latest_status: string;
  criterion_ids: string[] | null;
}

const LIST_SELECT = sql`
  SELECT p.id, p.tenant_id, p.code, p.title, p.owner_user_id, o.display_name AS owner_name, p.review_interval_months,
    p.next_review_on, p.requires_ack, p.archived_at, p.created_at, p.updated_at,
    ap.version AS approved_version, ap.approved_at, ap.approved_by, apu.display_name AS approved_by_name,
    lv.version AS latest_version, lv.status AS latest_status,
    (SELECT array_agg(pc.criterion_id) FROM procedure_criteria pc
      WHERE pc.tenant_id = p.tenant_id AND pc.procedure_id = p.id) AS criterion_ids
  FROM procedures p
  LEFT JOIN users o ON o.id = p.owner_user_id
  LEFT JOIN LATERAL (
    SELECT v.version, v.approved_at, v.approved_by FROM procedure_versions v
    WHERE v.tenant_id = p.tenant_id AND v.procedure_id = p.id AND v.status = 'approved'
    ORDER BY v.version DESC LIMIT 1
  ) ap ON true
  LEFT JOIN users apu ON apu.id = ap.approved_by
  LEFT JOIN LATERAL (
    SELECT v.version, v.status FROM procedure_versions v
    WHERE v.tenant_id = p.tenant_id AND v.procedure_id = p.id
    ORDER BY v.version DESC LIMIT 1
  ) lv ON true`;

/** One procedure of the tenant with its list fields, or undefined. */
export async function findProcedureRow(tx: Tx, tenantId: string, id: string): Promise<ProcedureListRow | undefined> {
  const result = await sql<ProcedureListRow>`${LIST_SELECT} WHERE p.tenant_id = ${tenantId} AND p.id = ${id}`.execute(tx);
  return result.rows[0];
}

/** Lock one procedure row (serialises the version workflow of one procedure). */
export function lockProcedure(tx: Tx, tenantId: string, id: string) {
  return tx.selectFrom("procedures").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Page through the tenant's procedures by code, with the list filters. */
export async function listProcedureRows(
  tx: Tx,
  tenantId: string,
  query: ListProceduresQueryInput,
  dueBy: string,
): Promise<{ rows: ProcedureListRow[]; total: number }> {
  const where: RawBuilder<unknown>[] = [sql`p.tenant_id = ${tenantId}`];
  if (query.status === "archived") {
    where.push(sql`p.archived_at IS NOT NULL`);
  } else {
    where.push(sql`p.archived_at IS NULL`);
    if (query.status) where.push(sql`lv.status = ${query.status}`);
  }
  if (query.reviewDue) where.push(sql`p.next_review_on IS NOT NULL AND p.next_review_on <= ${dueBy}::date`);
  if (query.criterionId) {
    where.push(sql`EXISTS (SELECT 1 FROM procedure_criteria pc WHERE pc.tenant_id = p.tenant_id
      AND pc.procedure_id = p.id AND pc.criterion_id = ${query.criterionId.trim()})`);
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(p.code ILIKE ${pattern} OR p.title ILIKE ${pattern})`);
  }
  const cond = sql.join(where, sql` AND `);
  const [rows, count] = await Promise.all([
    sql<ProcedureListRow>`${LIST_SELECT} WHERE ${cond} ORDER BY p.code, p.id LIMIT ${query.limit} OFFSET ${query.offset}`.execute(tx),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${LIST_SELECT} WHERE ${cond}) x`.execute(tx),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** A version row with its author's and approver's names. */
export type VersionWithNames = ProcedureVersionRow & { author_name: string | null; approved_by_name: string | null };

/** Every version of a procedure, newest first. */
export function listVersions(tx: Tx, tenantId: string, procedureId: string): Promise<VersionWithNames[]> {
  return tx
    .selectFrom("procedure_versions as v")
    .leftJoin("users as a", "a.id", "v.author_id")
    .leftJoin("users as ap", "ap.id", "v.approved_by")
    .selectAll("v")
    .select(["a.display_name as author_name", "ap.display_name as approved_by_name"])
    .where("v.tenant_id", "=", tenantId)
    .where("v.procedure_id", "=", procedureId)
    .orderBy("v.version", "desc")
    .execute();
}

/** The newest version of a procedure in a state, or undefined. */
export function findVersionIn(tx: Tx, tenantId: string, procedureId: string, statuses: string[]) {
  return tx
    .selectFrom("procedure_versions")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("procedure_id", "=", procedureId)
    .where("status", "in", statuses)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Replace a procedure's criterion links with `ids`. */
export async function setCriteria(tx: Tx, tenantId: string, procedureId: string, ids: readonly string[]): Promise<void> {
  await tx.deleteFrom("procedure_criteria").where("tenant_id", "=", tenantId).where("procedure_id", "=", procedureId).execute();
  if (ids.length > 0) {
    await tx
      .insertInto("procedure_criteria")
      .values(ids.map((criterion_id) => ({ tenant_id: tenantId, procedure_id: procedureId, criterion_id })))
      .execute();
  }
}

/** True when the user is an active member of the company (any internal role). */
export async function isActiveInternalMember(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const row = await activeInternalMembers(tx, tenantId).where("m.user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}

/** Active members of the company other than partners (who are outside the company's program). */
export function activeInternalMembers(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.display_name", "m.role"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.deactivated_at", "is", null)
    .where("m.role", "!=", "partner")
    .where("u.active", "=", true);
}

/** When each user acknowledged a version. */
export function listAcks(tx: Tx, tenantId: string, versionId: string) {
  return tx
    .selectFrom("procedure_acks")
    .select(["user_id", "acknowledged_at"])
    .where("tenant_id", "=", tenantId)
    .where("procedure_version_id", "=", versionId)
    .execute();
}

/** The newest audit event of an action on a procedure (the reject comment lives only in the audit trail). */
export function lastEventOf(tx: Tx, tenantId: string, procedureId: string, action: string) {
  return tx
    .selectFrom("audit_events")
    .select(["actor_id", "actor_label", "after", "occurred_at"])
    .where("tenant_id", "=", tenantId)
    .where("entity_type", "=", "procedure")
    .where("entity_id", "=", procedureId)
    .where("action", "=", action)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Users who saved the text of one version after it was created (the four-eyes rule excludes them from approving it). */
export async function draftEditorsOf(tx: Tx, tenantId: string, procedureId: string, version: number): Promise<string[]> {
  const rows = await tx
    .selectFrom("audit_events")
    .select("actor_id")
    .distinct()
    .where("tenant_id", "=", tenantId)
    .where("entity_type", "=", "procedure")
    .where("entity_id", "=", procedureId)
    .where("action", "=", "procedure.draft")
    .where(sql`(after->>'version')::int`, "=", version)
    .execute();
  return rows.flatMap((r) => (r.actor_id ? [r.actor_id] : []));
}

/** Approved versions of live procedures linked to each criterion (for profile snapshots). */
export async function approvedProceduresByCriterion(tx: Tx, tenantId: string) {
  const result = await sql<{ criterion_id: string; code: string; title: string; version: number | null }>`
    SELECT pc.criterion_id, p.code, p.title, ap.version
    FROM procedure_criteria pc
    JOIN procedures p ON p.tenant_id = pc.tenant_id AND p.id = pc.procedure_id AND p.archived_at IS NULL
    LEFT JOIN LATERAL (
      SELECT v.version FROM procedure_versions v
      WHERE v.tenant_id = p.tenant_id AND v.procedure_id = p.id AND v.status = 'approved'
      ORDER BY v.version DESC LIMIT 1
    ) ap ON true
    WHERE pc.tenant_id = ${tenantId}
    ORDER BY p.code, p.id`.execute(tx);
  return result.rows;
}
