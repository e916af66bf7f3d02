import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";

/** A review with the names and task counts its summary needs (the snapshot itself only when asked for). */
export interface ReviewRow {
  id: string;
  anniversary_on: string;
  opens_on: string;
  status: string;
  version: number | null;
  snapshot_hash: string | null;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_at: Date | string | null;
  signoff_note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date | string;
  tasks_done: number;
  tasks_total: number;
  snapshot?: unknown;
}

function reviewQuery(tenantId: string, withSnapshot: boolean) {
  return sql`
    SELECT r.id, r.anniversary_on, r.opens_on, r.status, r.version, r.snapshot_hash, r.signed_by,
      s.display_name AS signed_by_name, r.signed_at, r.signoff_note, r.created_by, c.display_name AS created_by_name,
      r.created_at, ${withSnapshot ? sql`r.snapshot,` : sql``}
      (SELECT count(*)::int FROM profile_review_tasks t WHERE t.tenant_id = r.tenant_id AND t.review_id = r.id AND t.status = 'done') AS tasks_done,
      (SELECT count(*)::int FROM profile_review_tasks t WHERE t.tenant_id = r.tenant_id AND t.review_id = r.id) AS tasks_total
    FROM profile_reviews r
    LEFT JOIN users s ON s.id = r.signed_by
    LEFT JOIN users c ON c.id = r.created_by
    WHERE r.tenant_id = ${tenantId}`;
}

/** Every review of the company, newest anniversary first (snapshots left out: they are large). */
export async function listReviewRows(tx: Tx, tenantId: string): Promise<ReviewRow[]> {
  const result = await sql<ReviewRow>`${reviewQuery(tenantId, false)} ORDER BY r.anniversary_on DESC, r.id`.execute(tx);
  return result.rows;
}

/** One review with its snapshot, or undefined. */
export async function findReviewRow(tx: Tx, tenantId: string, id: string): Promise<ReviewRow | undefined> {
  const result = await sql<ReviewRow>`${reviewQuery(tenantId, true)} AND r.id = ${id}`.execute(tx);
  return result.rows[0];
}

/** Lock one review row for a change. */
export function lockReview(tx: Tx, tenantId: string, id: string) {
  return tx
    .selectFrom("profile_reviews")
    .select(["id", "status", "anniversary_on"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** The tasks of one review in category order, with owner and completer names. */
export function listTasks(tx: Tx, tenantId: string, reviewId: string) {
  return tx
    .selectFrom("profile_review_tasks as t")
    .leftJoin("users as o", "o.id", "t.owner_user_id")
    .leftJoin("users as d", "d.id", "t.completed_by")
    .selectAll("t")
    .select(["o.display_name as owner_name", "d.display_name as completed_by_name"])
    .where("t.tenant_id", "=", tenantId)
    .where("t.review_id", "=", reviewId)
    .orderBy("t.category_id")
    .execute();
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** The company fields the review cycle depends on. */
export function findTenantFacts(tx: Tx, tenantId: string) {
  return tx.selectFrom("tenants").select(["legal_name", "anniversary_date", "entity_types"]).where("id", "=", tenantId).executeTakeFirst();
}

/** Lock the company row: signing numbers reviews 1, 2, 3… and two signers must not take the same number. */
export function lockTenant(tx: Tx, tenantId: string) {
  return tx.selectFrom("tenants").select("id").where("id", "=", tenantId).forUpdate().executeTakeFirst();
}

/** How many reviews the company has signed. */
export async function countSigned(tx: Tx, tenantId: string): Promise<number> {
  const row = await tx
    .selectFrom("profile_reviews")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "signed")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
