import { Kysely, sql } from "kysely";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import { withScope, withSystem } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { DEMO_PROCEDURES } from "./procedures.demo-text.ts";
import { activeInternalMembers } from "./procedures.repo.ts";
import { createProcedure } from "./procedures.service.ts";
import { acknowledgeProcedure, approveVersion, createVersion, submitVersion } from "./procedures.workflow.ts";
import { effectiveInterval, nextReviewOn } from "./review-interval.ts";

const DAY_MS = 24 * 60 * 60_000;

/** A service context for one member of the company, as if they were signed in. */
async function ctxFor(db: Kysely<Database>, tenantId: string, userId: string): Promise<TenantCtx> {
  const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
  return { db, tenantId, userId, actor: { id: userId, label: user.email }, requestId: null };
}

/**
 * Seed the demo company's six SOPs through the same services as the API (so every step has its audit event):
 * written and submitted by `authorId`, approved by `approverId` (four eyes), acknowledged by the team except its
 * newest member. The approvals are then moved back in time (owner SQL, demo history only: the audit events keep
 * the day they were really written) so that review deadlines look like a running program: the seal SOP falls due
 * within the month, and the cybersecurity policy is overdue with its revision waiting for approval.
 */
export async function seedProceduresDemo(options: {
  db: Db | Kysely<Database>;
  tenantId: string;
  authorId: string;
  approverId: string;
}): Promise<{ id: string; code: string }[]> {
  const db = options.db instanceof Kysely ? options.db : options.db.kysely;
  const { tenantId } = options;
  const author = await ctxFor(db, tenantId, options.authorId);
  const approver = await ctxFor(db, tenantId, options.approverId);
  const members = await withScope(db, { tenantId, userId: options.authorId }, (tx) =>
    activeInternalMembers(tx, tenantId).orderBy("u.created_at").orderBy("u.id").execute(),
  );
  // Somebody has always not read the latest version yet.
  const readers = members.slice(0, Math.max(1, members.length - 1));
  const out: { id: string; code: string }[] = [];
  for (const sop of DEMO_PROCEDURES) {
    const created = await createProcedure({
      ctx: author,
      input: {
        code: sop.code,
        title: sop.title,
        body: sop.body,
        criterionIds: sop.criterionIds,
        ownerUserId: options.authorId,
        requiresAck: sop.requiresAck,
        reviewIntervalMonths: sop.reviewIntervalMonths,
      },
    });
    const id = created.id;
    await submitVersion({ ctx: author, id });
    await approveVersion({ ctx: approver, id });
    if (sop.requiresAck) {
      for (const m of readers) await acknowledgeProcedure({ ctx: await ctxFor(db, tenantId, m.id), id });
    }
    await backdate(db, tenantId, id, sop.approvedDaysAgo, effectiveInterval(sop.reviewIntervalMonths, sop.criterionIds));
    if (sop.revision) {
      await createVersion({ ctx: author, id, input: sop.revision });
      await submitVersion({ ctx: author, id });
    }
    out.push({ id, code: sop.code });
  }
  return out;
}

/** Move version 1's history `days` back and recompute the next review from the moved approval. */
async function backdate(db: Kysely<Database>, tenantId: string, id: string, days: number, intervalMonths: number): Promise<void> {
  const approvedAt = new Date(Date.now() - days * DAY_MS);
  const submittedAt = new Date(approvedAt.getTime() - 2 * DAY_MS);
  const createdAt = new Date(approvedAt.getTime() - 9 * DAY_MS);
  await withSystem(db, async (tx) => {
    await tx
      .updateTable("procedure_versions")
      .set({ created_at: createdAt, submitted_at: submittedAt, approved_at: approvedAt })
      .where("tenant_id", "=", tenantId)
      .where("procedure_id", "=", id)
      .where("version", "=", 1)
      .execute();
    await tx
      .updateTable("procedures")
      .set({ created_at: createdAt, updated_at: approvedAt, next_review_on: nextReviewOn(approvedAt, intervalMonths) })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .execute();
    // Acknowledgements trickle in over the days after approval.
    await sql`
      UPDATE procedure_acks a SET acknowledged_at = ${approvedAt}::timestamptz + (ord.n * interval '1 day') + interval '3 hours'
      FROM (SELECT user_id, row_number() OVER (ORDER BY user_id) AS n FROM procedure_acks
            WHERE procedure_version_id IN (SELECT v.id FROM procedure_versions v WHERE v.procedure_id = ${id} AND v.version = 1)) ord
      WHERE a.user_id = ord.user_id AND a.tenant_id = ${tenantId}
        AND a.procedure_version_id IN (SELECT v.id FROM procedure_versions v WHERE v.procedure_id = ${id} AND v.version = 1)`.execute(tx);
  });
}
