import { appendAuditEvent } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { checkDateOrder, invalid, knownCriterionId } from "./evidence.input.ts";
import { criterionLabel } from "./evidence.present.ts";
import { lockEvidence, procedureTitles } from "./evidence.repo.ts";
import type { EvidenceView, LinkInput, UpdateEvidenceInput } from "./evidence.schema.ts";
import { readEvidenceView } from "./evidence.service.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** A change to a piece of evidence's details or archive state. */
export type EvidenceChange = { kind: "update"; input: UpdateEvidenceInput } | { kind: "archive" } | { kind: "restore" };

/** PATCH, archive or restore a piece of evidence, with its before/after in the audit chain. */
export async function changeEvidence(options: { ctx: TenantCtx; id: string; change: EvidenceChange }): Promise<EvidenceView> {
  const { ctx, id, change } = options;
  if (!isUuid(id)) throw notFound("Evidence");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await lockEvidence(tx, ctx.tenantId, id);
    if (!current) throw notFound("Evidence");
    const before = await readEvidenceView(tx, ctx.tenantId, id);
    const patch: Record<string, unknown> = { updated_at: new Date() };
    if (change.kind === "update") {
      const i = change.input;
      if (i.title !== undefined) patch.title = i.title;
      if (i.description !== undefined) patch.description = i.description;
      if (i.category !== undefined) patch.category = i.category;
      if (i.effectiveOn !== undefined) patch.effective_on = i.effectiveOn;
      if (i.expiresOn !== undefined) patch.expires_on = i.expiresOn;
      if (i.remindDays !== undefined) patch.remind_days = i.remindDays;
      checkDateOrder(
        i.effectiveOn === undefined ? current.effective_on : i.effectiveOn,
        i.expiresOn === undefined ? current.expires_on : i.expiresOn,
      );
    } else {
      patch.archived_at = change.kind === "archive" ? (current.archived_at ?? new Date()) : null;
    }
    await tx.updateTable("evidence_items").set(patch).where("tenant_id", "=", ctx.tenantId).where("id", "=", id).execute();
    const after = await readEvidenceView(tx, ctx.tenantId, id);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: `evidence.${change.kind}`,
      entityType: "evidence",
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}

/**
 * Link a piece of evidence to a criterion (a known MSC ID) or to one of the tenant's procedures, or remove such a
 * link. Linking what is already linked, or unlinking what is not, changes nothing and records nothing.
 */
export async function changeEvidenceLink(options: {
  ctx: TenantCtx;
  id: string;
  kind: "link" | "unlink";
  input: LinkInput;
}): Promise<EvidenceView> {
  const { ctx, id, kind, input } = options;
  if (!isUuid(id)) throw notFound("Evidence");
  let targetId = input.targetId;
  if (input.targetType === "criterion") {
    const known = knownCriterionId(targetId);
    // Unlinking stays possible for an ID a later edition of the library no longer has.
    if (!known && kind === "link") throw invalid(["targetId"], "must be an MSC criterion ID such as 6.2");
    targetId = known ?? targetId;
  }
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const item = await lockEvidence(tx, ctx.tenantId, id);
    if (!item) throw notFound("Evidence");
    const existing = await tx
      .selectFrom("evidence_links")
      .select("target_id")
      .where("tenant_id", "=", ctx.tenantId)
      .where("evidence_id", "=", id)
      .where("target_type", "=", input.targetType)
      .where("target_id", "=", targetId)
      .executeTakeFirst();
    let label = input.targetType === "criterion" ? criterionLabel(targetId) : targetId;
    if (kind === "link") {
      if (item.archived_at) throw new AppError("rule_violation", "This evidence is archived; restore it before linking it");
      if (input.targetType === "procedure") {
        const title = (await procedureTitles(tx, ctx.tenantId, [targetId])).get(targetId);
        if (title === undefined) throw new AppError("rule_violation", "No such procedure in this company");
        label = title;
      }
      if (existing) return readEvidenceView(tx, ctx.tenantId, id);
      await tx
        .insertInto("evidence_links")
        .values({ tenant_id: ctx.tenantId, evidence_id: id, target_type: input.targetType, target_id: targetId, created_by: ctx.actor.id })
        .execute();
    } else {
      if (!existing) return readEvidenceView(tx, ctx.tenantId, id);
      await tx
        .deleteFrom("evidence_links")
        .where("tenant_id", "=", ctx.tenantId)
        .where("evidence_id", "=", id)
        .where("target_type", "=", input.targetType)
        .where("target_id", "=", targetId)
        .execute();
    }
    await tx
      .updateTable("evidence_items")
      .set({ updated_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .execute();
    const view = await readEvidenceView(tx, ctx.tenantId, id);
    const link = { targetType: input.targetType, targetId, label };
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: `evidence.${kind}`,
      entityType: "evidence",
      entityId: id,
      before: kind === "unlink" ? { link } : null,
      after: { link: kind === "link" ? link : null, version: view.currentVersion, sha256: view.latest.sha256, linkCount: view.linkCount },
      requestId: ctx.requestId,
    });
    return view;
  });
}
