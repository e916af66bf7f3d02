import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import type { ProcedureRow } from "../../db/schema-profile.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { isoTime, person, presentProcedure, presentVersion, REVIEW_DUE_WITHIN_DAYS } from "./procedures.present.ts";
import {
  activeInternalMembers,
  findProcedureRow,
  findVersionIn,
  isActiveInternalMember,
  lastEventOf,
  listAcks,
  listProcedureRows,
  listVersions,
  lockProcedure,
  setCriteria,
} from "./procedures.repo.ts";
import type {
  Acknowledgements,
  CreateProcedureInput,
  ListProceduresQueryInput,
  Procedure,
  ProcedureDetail,
  UpdateProcedureInput,
} from "./procedures.schema.ts";
import { addDaysIso, assertLinksAndInterval, effectiveInterval, nextReviewOn, todayUtc } from "./review-interval.ts";

/** The RLS scope of a caller. */
export const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** A code or title can collide with another writer's between our check and our insert. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
}

/** Refuse an owner who is not an active member of the company (422). */
export async function assertOwner(tx: Tx, tenantId: string, ownerUserId: string | null | undefined): Promise<void> {
  if (ownerUserId && !(await isActiveInternalMember(tx, tenantId, ownerUserId))) {
    throw new AppError("rule_violation", "The owner must be an active member of the company", { ownerUserId });
  }
}

/** Read the full view of one procedure inside a scoped transaction (404 when missing or another company's). */
export async function readDetail(tx: Tx, ctx: TenantCtx, id: string, today: string): Promise<ProcedureDetail> {
  const row = await findProcedureRow(tx, ctx.tenantId, id);
  if (!row) throw notFound("Procedure");
  const versions = await listVersions(tx, ctx.tenantId, id);
  const latest = versions[0];
  const approved = versions.find((v) => v.status === "approved");
  let acknowledgedAt: string | null = null;
  if (approved && ctx.userId) {
    const acks = await listAcks(tx, ctx.tenantId, approved.id);
    acknowledgedAt = isoTime(acks.find((a) => a.user_id === ctx.userId)?.acknowledged_at ?? null);
  }
  let rejection: ProcedureDetail["rejection"] = null;
  if (latest?.status === "draft") {
    const event = await lastEventOf(tx, ctx.tenantId, id, "procedure.reject");
    const after = (event?.after ?? null) as { version?: unknown; comment?: unknown } | null;
    if (event && after?.version === latest.version && typeof after.comment === "string") {
      rejection = {
        version: latest.version,
        comment: after.comment,
        by: person(event.actor_id, event.actor_label),
        at: new Date(event.occurred_at).toISOString(),
      };
    }
  }
  return {
    ...presentProcedure(row, today),
    versions: versions.map(presentVersion),
    body: latest?.body ?? "",
    approvedBody: approved?.body ?? null,
    acknowledgedAt,
    rejection,
  };
}

/** Lock a procedure for a change; 404 when it is not ours, 409 when archived (unless `allowArchived`). */
export async function lockForChange(tx: Tx, ctx: TenantCtx, id: string, allowArchived = false): Promise<ProcedureRow> {
  if (!isUuid(id)) throw notFound("Procedure");
  const row = await lockProcedure(tx, ctx.tenantId, id);
  if (!row) throw notFound("Procedure");
  if (row.archived_at && !allowArchived) {
    throw new AppError("conflict", "The procedure is archived");
  }
  return row;
}

/** Criterion IDs of one procedure, as stored. */
export async function criteriaOf(tx: Tx, tenantId: string, procedureId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom("procedure_criteria")
    .select("criterion_id")
    .where("tenant_id", "=", tenantId)
    .where("procedure_id", "=", procedureId)
    .execute();
  return rows.map((r) => r.criterion_id);
}

/** POST /api/procedures: the procedure and its first version (a draft), in one transaction with the audit event. */
export async function createProcedure(options: { ctx: TenantCtx; input: CreateProcedureInput }): Promise<ProcedureDetail> {
  const { ctx, input } = options;
  const criterionIds = [...new Set(input.criterionIds)];
  const interval = input.reviewIntervalMonths ?? null;
  assertLinksAndInterval(criterionIds, interval);
  const today = todayUtc();
  try {
    return await withScope(ctx.db, scopeOf(ctx), async (tx) => {
      await assertOwner(tx, ctx.tenantId, input.ownerUserId);
      const taken = await tx
        .selectFrom("procedures")
        .select("id")
        .where("tenant_id", "=", ctx.tenantId)
        .where("code", "=", input.code)
        .executeTakeFirst();
      if (taken) throw new AppError("conflict", `A procedure with code ${input.code} already exists`);
      const id = randomUUID();
      await tx
        .insertInto("procedures")
        .values({
          id,
          tenant_id: ctx.tenantId,
          code: input.code,
          title: input.title,
          owner_user_id: input.ownerUserId ?? null,
          review_interval_months: interval,
          requires_ack: input.requiresAck ?? false,
          archived_at: null,
          next_review_on: null,
        })
        .execute();
      await setCriteria(tx, ctx.tenantId, id, criterionIds);
      await tx
        .insertInto("procedure_versions")
        .values({
          id: randomUUID(),
          tenant_id: ctx.tenantId,
          procedure_id: id,
          version: 1,
          status: "draft",
          body: input.body,
          change_note: null,
          author_id: ctx.userId,
        })
        .execute();
      const detail = await readDetail(tx, ctx, id, today);
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "procedure.create",
        entityType: "procedure",
        entityId: id,
        after: { ...summaryOf(detail), version: 1, status: "draft" },
        requestId: ctx.requestId,
      });
      return detail;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `A procedure with code ${input.code} already exists`);
    throw err;
  }
}

/** The fields of a procedure worth keeping in the audit trail (not the body, which the versions keep). */
export function summaryOf(p: Procedure) {
  return {
    code: p.code,
    title: p.title,
    criterionIds: p.criterionIds,
    ownerUserId: p.owner?.id ?? null,
    requiresAck: p.requiresAck,
    reviewIntervalMonths: p.reviewIntervalDefault ? null : p.reviewIntervalMonths,
    nextReviewOn: p.nextReviewOn,
  };
}

/** GET /api/procedures. */
export async function listProcedures(options: { ctx: TenantCtx; query: ListProceduresQueryInput; today?: string }) {
  const { ctx, query } = options;
  const today = options.today ?? todayUtc();
  const { rows, total } = await withScope(ctx.db, scopeOf(ctx), (tx) =>
    listProcedureRows(tx, ctx.tenantId, query, addDaysIso(today, REVIEW_DUE_WITHIN_DAYS)),
  );
  return { items: rows.map((r) => presentProcedure(r, today)), total, limit: query.limit, offset: query.offset };
}

/** GET /api/procedures/{id}. */
export async function getProcedure(options: { ctx: TenantCtx; id: string }): Promise<ProcedureDetail> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Procedure");
  return withScope(ctx.db, scopeOf(ctx), (tx) => readDetail(tx, ctx, id, todayUtc()));
}

/** PATCH /api/procedures/{id}: title, links, owner, acknowledgement flag, interval (next review recomputed). */
export async function updateProcedure(options: { ctx: TenantCtx; id: string; input: UpdateProcedureInput }): Promise<ProcedureDetail> {
  const { ctx, id, input } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await lockForChange(tx, ctx, id);
    const before = await readDetail(tx, ctx, id, today);
    const criterionIds = input.criterionIds ? [...new Set(input.criterionIds)] : await criteriaOf(tx, ctx.tenantId, id);
    const interval = input.reviewIntervalMonths === undefined ? current.review_interval_months : input.reviewIntervalMonths;
    assertLinksAndInterval(criterionIds, interval);
    await assertOwner(tx, ctx.tenantId, input.ownerUserId);
    const approved = await findVersionIn(tx, ctx.tenantId, id, ["approved"]);
    const patch: Record<string, unknown> = { updated_at: new Date(), review_interval_months: interval };
    if (input.title !== undefined) patch.title = input.title;
    if (input.ownerUserId !== undefined) patch.owner_user_id = input.ownerUserId;
    if (input.requiresAck !== undefined) patch.requires_ack = input.requiresAck;
    // The deadline follows the interval: links to a yearly criterion can bring it forward.
    if (approved?.approved_at) patch.next_review_on = nextReviewOn(approved.approved_at, effectiveInterval(interval, criterionIds));
    await tx.updateTable("procedures").set(patch).where("tenant_id", "=", ctx.tenantId).where("id", "=", id).execute();
    if (input.criterionIds) await setCriteria(tx, ctx.tenantId, id, criterionIds);
    const after = await readDetail(tx, ctx, id, today);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "procedure.update",
      entityType: "procedure",
      entityId: id,
      before: summaryOf(before),
      after: summaryOf(after),
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** POST /api/procedures/{id}/archive (archiving an archived procedure changes nothing). */
export async function archiveProcedure(options: { ctx: TenantCtx; id: string }): Promise<ProcedureDetail> {
  const { ctx, id } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await lockForChange(tx, ctx, id, true);
    if (current.archived_at) return readDetail(tx, ctx, id, today);
    await tx
      .updateTable("procedures")
      .set({ archived_at: new Date(), updated_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .execute();
    const after = await readDetail(tx, ctx, id, today);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "procedure.archive",
      entityType: "procedure",
      entityId: id,
      after: { ...summaryOf(after), archivedAt: after.archivedAt },
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** GET /api/procedures/{id}/acknowledgements: every active internal member, with when they acknowledged the version in force. */
export async function listAcknowledgements(options: { ctx: TenantCtx; id: string }): Promise<Acknowledgements> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Procedure");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const exists = await tx
      .selectFrom("procedures")
      .select("id")
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!exists) throw notFound("Procedure");
    const approved = await findVersionIn(tx, ctx.tenantId, id, ["approved"]);
    const members = await activeInternalMembers(tx, ctx.tenantId).orderBy("u.display_name").orderBy("u.id").execute();
    const acks = approved ? await listAcks(tx, ctx.tenantId, approved.id) : [];
    const at = new Map(acks.map((a) => [a.user_id, isoTime(a.acknowledged_at)]));
    const items = members.map((m) => ({ user: person(m.id, m.display_name), role: m.role, acknowledgedAt: at.get(m.id) ?? null }));
    return {
      version: approved?.version ?? null,
      acknowledged: items.filter((i) => i.acknowledgedAt !== null).length,
      total: items.length,
      items,
    };
  });
}
