import { createHash, randomUUID } from "node:crypto";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { draftEditorsOf, findVersionIn } from "./procedures.repo.ts";
import type { EditDraftInput, NewVersionInput, ProcedureDetail } from "./procedures.schema.ts";
import { criteriaOf, lockForChange, readDetail, scopeOf } from "./procedures.service.ts";
import { effectiveInterval, nextReviewOn, todayUtc } from "./review-interval.ts";

/*
 * The version workflow: draft → in_review → approved (the previous approved version becomes superseded).
 * Every step locks the procedure row first, so two reviewers cannot approve two versions at once, and
 * appends its audit event in the same transaction.
 */

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Run one workflow step: lock, act, append the audit event, answer the fresh detail. */
async function step(
  ctx: TenantCtx,
  id: string,
  action: string,
  act: (tx: Tx) => Promise<Record<string, unknown>>,
): Promise<ProcedureDetail> {
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await lockForChange(tx, ctx, id);
    const after = await act(tx);
    await tx.updateTable("procedures").set({ updated_at: new Date() }).where("tenant_id", "=", ctx.tenantId).where("id", "=", id).execute();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action,
      entityType: "procedure",
      entityId: id,
      after,
      requestId: ctx.requestId,
    });
    return readDetail(tx, ctx, id, today);
  });
}

/** POST /api/procedures/{id}/versions: a new draft; 409 while a draft or review is open. */
export function createVersion(options: { ctx: TenantCtx; id: string; input: NewVersionInput }): Promise<ProcedureDetail> {
  const { ctx, id, input } = options;
  return step(ctx, id, "procedure.version", async (tx) => {
    const open = await findVersionIn(tx, ctx.tenantId, id, ["draft", "in_review"]);
    if (open) {
      throw new AppError("conflict", `Version ${open.version} is still ${open.status === "draft" ? "a draft" : "under review"}`, {
        version: open.version,
        status: open.status,
      });
    }
    const last = await tx
      .selectFrom("procedure_versions")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("tenant_id", "=", ctx.tenantId)
      .where("procedure_id", "=", id)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await tx
      .insertInto("procedure_versions")
      .values({
        id: randomUUID(),
        tenant_id: ctx.tenantId,
        procedure_id: id,
        version,
        status: "draft",
        body: input.body,
        change_note: input.changeNote,
        author_id: ctx.userId,
      })
      .execute();
    return { version, status: "draft", changeNote: input.changeNote, bodySha256: sha256(input.body) };
  });
}

/** PUT /api/procedures/{id}/draft: change the open draft's text (409 when there is none). */
export function editDraft(options: { ctx: TenantCtx; id: string; input: EditDraftInput }): Promise<ProcedureDetail> {
  const { ctx, id, input } = options;
  return step(ctx, id, "procedure.draft", async (tx) => {
    const draft = await findVersionIn(tx, ctx.tenantId, id, ["draft", "in_review"]);
    if (draft?.status !== "draft") {
      const why = draft ? `version ${draft.version} is under review (reject it to edit)` : "there is no open draft";
      throw new AppError("conflict", `Cannot edit: ${why}`);
    }
    const patch: { body: string; change_note?: string | null } = { body: input.body };
    if (input.changeNote !== undefined) patch.change_note = input.changeNote;
    await tx.updateTable("procedure_versions").set(patch).where("tenant_id", "=", ctx.tenantId).where("id", "=", draft.id).execute();
    return {
      version: draft.version,
      changeNote: input.changeNote === undefined ? draft.change_note : input.changeNote,
      bodySha256: sha256(input.body),
    };
  });
}

/** POST /api/procedures/{id}/submit: the open draft goes to review. */
export function submitVersion(options: { ctx: TenantCtx; id: string }): Promise<ProcedureDetail> {
  const { ctx, id } = options;
  return step(ctx, id, "procedure.submit", async (tx) => {
    const draft = await findVersionIn(tx, ctx.tenantId, id, ["draft", "in_review"]);
    if (draft?.status !== "draft") throw new AppError("conflict", "There is no draft to submit");
    await tx
      .updateTable("procedure_versions")
      .set({ status: "in_review", submitted_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", draft.id)
      .execute();
    return { version: draft.version, status: "in_review", bodySha256: sha256(draft.body) };
  });
}

/**
 * POST /api/procedures/{id}/approve. Four eyes: the approver must not be the version's author nor anyone who
 * edited its text (422). The version in force becomes superseded, and the next review falls due one interval
 * after today.
 */
export function approveVersion(options: { ctx: TenantCtx; id: string }): Promise<ProcedureDetail> {
  const { ctx, id } = options;
  return step(ctx, id, "procedure.approve", async (tx) => {
    const review = await findVersionIn(tx, ctx.tenantId, id, ["draft", "in_review"]);
    if (review?.status !== "in_review") throw new AppError("conflict", "There is no version under review");
    const editors = await draftEditorsOf(tx, ctx.tenantId, id, review.version);
    if (!ctx.userId || ctx.userId === review.author_id || editors.includes(ctx.userId)) {
      throw new AppError("rule_violation", "The author of a version cannot approve it: another approver must", {
        version: review.version,
      });
    }
    const previous = await findVersionIn(tx, ctx.tenantId, id, ["approved"]);
    if (previous) {
      await tx
        .updateTable("procedure_versions")
        .set({ status: "superseded" })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", previous.id)
        .execute();
    }
    const now = new Date();
    await tx
      .updateTable("procedure_versions")
      .set({ status: "approved", approved_by: ctx.userId, approved_at: now })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", review.id)
      .execute();
    const procedure = await tx
      .selectFrom("procedures")
      .select("review_interval_months")
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const interval = effectiveInterval(procedure.review_interval_months, await criteriaOf(tx, ctx.tenantId, id));
    const next = nextReviewOn(now, interval);
    await tx.updateTable("procedures").set({ next_review_on: next }).where("tenant_id", "=", ctx.tenantId).where("id", "=", id).execute();
    return {
      version: review.version,
      status: "approved",
      supersedes: previous?.version ?? null,
      reviewIntervalMonths: interval,
      nextReviewOn: next,
      bodySha256: sha256(review.body),
    };
  });
}

/** POST /api/procedures/{id}/reject: the version under review goes back to draft; the comment is kept in the audit trail. */
export function rejectVersion(options: { ctx: TenantCtx; id: string; comment: string }): Promise<ProcedureDetail> {
  const { ctx, id, comment } = options;
  return step(ctx, id, "procedure.reject", async (tx) => {
    const review = await findVersionIn(tx, ctx.tenantId, id, ["draft", "in_review"]);
    if (review?.status !== "in_review") throw new AppError("conflict", "There is no version under review");
    await tx
      .updateTable("procedure_versions")
      .set({ status: "draft", submitted_at: null })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", review.id)
      .execute();
    return { version: review.version, status: "draft", comment };
  });
}

/**
 * POST /api/procedures/{id}/acknowledge: the caller confirms they read the version in force. Acknowledging
 * again is harmless: 200 with the first acknowledgement's time, and no second audit event.
 */
export async function acknowledgeProcedure(options: { ctx: TenantCtx; id: string }): Promise<ProcedureDetail> {
  const { ctx, id } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await lockForChange(tx, ctx, id);
    const approved = await findVersionIn(tx, ctx.tenantId, id, ["approved"]);
    if (!approved) throw new AppError("conflict", "No version of this procedure is approved yet");
    if (!ctx.userId) throw new AppError("rule_violation", "Only a person can acknowledge a procedure");
    const inserted = await tx
      .insertInto("procedure_acks")
      .values({ tenant_id: ctx.tenantId, procedure_version_id: approved.id, user_id: ctx.userId })
      .onConflict((oc) => oc.columns(["tenant_id", "procedure_version_id", "user_id"]).doNothing())
      .returning("acknowledged_at")
      .executeTakeFirst();
    if (inserted) {
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "procedure.acknowledge",
        entityType: "procedure",
        entityId: id,
        after: { version: approved.version, userId: ctx.userId, acknowledgedAt: new Date(inserted.acknowledged_at).toISOString() },
        requestId: ctx.requestId,
      });
    }
    return readDetail(tx, ctx, id, today);
  });
}
