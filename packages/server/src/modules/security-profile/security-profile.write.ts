import { appendAuditEvent } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isoDay } from "./security-profile.present.ts";
import { findItemForUpdate, isActiveMember } from "./security-profile.repo.ts";
import type { ProfileItemView, PutProfileItemInput } from "./security-profile.schema.ts";
import { assertApplicable, readItem, scopeOf, todayIso } from "./security-profile.service.ts";

/** A Must's "not applicable" needs at least this much explanation. */
export const MIN_NA_JUSTIFICATION = 20;

function ruleViolation(rule: string, message: string): AppError {
  return new AppError("rule_violation", message, { rule });
}

/** What the audit chain keeps of an item: the answer, not the library text that comes with every view. */
function auditShape(item: ProfileItemView) {
  return {
    criterionId: item.criterionId,
    level: item.level,
    status: item.status,
    narrative: item.narrative,
    ownerUserId: item.owner?.id ?? null,
    naJustification: item.naJustification,
    naStatus: item.naStatus,
    naRequestedBy: item.naRequestedBy?.id ?? null,
    naApprovedBy: item.naApprovedBy?.id ?? null,
    naApprovedAt: item.naApprovedAt,
    lastReviewedOn: item.lastReviewedOn,
  };
}

// Empty strings mean "nothing written": store null so the rules and the views see one kind of blank.
const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v);

/**
 * Save the company's answer for one criterion (upsert). An omitted field keeps its saved value; null clears it.
 * Rules, checked on the resulting item (422 `rule_violation`, nothing saved): implemented/partial need a narrative;
 * a Must marked not applicable needs a justification of at least 20 characters and waits for approval; the owner
 * must be an active member; a review date cannot be in the future. Changing the status or the justification
 * withdraws an earlier N/A approval. The change and its before/after go to the audit chain in the same transaction.
 */
export async function putProfileItem(options: {
  ctx: TenantCtx;
  criterionId: string;
  input: PutProfileItemInput;
}): Promise<ProfileItemView> {
  const { ctx, criterionId, input } = options;
  const today = todayIso();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    // Applicability first: an unknown ID or one that does not apply never reaches the lock below.
    await assertApplicable(tx, ctx.tenantId, criterionId, today);
    const current = await findItemForUpdate(tx, ctx.tenantId, criterionId);
    const before = await readItem(tx, ctx.tenantId, criterionId, today);

    const status = input.status;
    const narrative = blankToNull(input.narrative) === undefined ? (current?.narrative ?? null) : (blankToNull(input.narrative) ?? null);
    const ownerUserId = input.ownerUserId === undefined ? (current?.owner_user_id ?? null) : input.ownerUserId;
    const keptJustification = current?.na_justification ?? null;
    const justificationInput = blankToNull(input.naJustification);
    // The justification only means something for N/A: it is dropped when the item leaves that status.
    const naJustification = status !== "not_applicable" ? null : justificationInput === undefined ? keptJustification : justificationInput;
    const lastReviewedOn = input.lastReviewedOn === undefined ? (current?.last_reviewed_on ?? null) : input.lastReviewedOn;

    if ((status === "implemented" || status === "partial") && !narrative) {
      throw ruleViolation("narrative-required", "Describe how the criterion is met: implemented and partial need a narrative");
    }
    if (status === "not_applicable" && before.level === "must" && (naJustification?.trim().length ?? 0) < MIN_NA_JUSTIFICATION) {
      throw ruleViolation(
        "na-justification-required",
        `A Must can be not applicable only with a justification of at least ${MIN_NA_JUSTIFICATION} characters`,
      );
    }
    if (
      ownerUserId !== null &&
      ownerUserId !== (current?.owner_user_id ?? null) &&
      !(await isActiveMember(tx, ctx.tenantId, ownerUserId))
    ) {
      throw ruleViolation("owner-not-member", "The owner must be an active member of the company");
    }
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    // One day of slack: the caller's calendar may already be on tomorrow while UTC is not.
    if (lastReviewedOn !== null && lastReviewedOn > isoDay(tomorrow)) {
      throw ruleViolation("review-date-future", "The last review date cannot be in the future");
    }

    const naChanged = status !== (current?.status ?? "not_assessed") || naJustification !== keptJustification;
    const values = {
      status,
      narrative,
      owner_user_id: ownerUserId,
      na_justification: naJustification,
      na_requested_by: status !== "not_applicable" ? null : naChanged ? ctx.userId : (current?.na_requested_by ?? null),
      na_approved_by: naChanged ? null : (current?.na_approved_by ?? null),
      na_approved_at: naChanged ? null : (current?.na_approved_at ?? null),
      last_reviewed_on: lastReviewedOn,
      updated_by: ctx.userId,
      updated_at: new Date(),
    };
    await tx
      .insertInto("profile_items")
      .values({ tenant_id: ctx.tenantId, criterion_id: criterionId, ...values })
      .onConflict((oc) => oc.columns(["tenant_id", "criterion_id"]).doUpdateSet(values))
      .execute();
    const after = await readItem(tx, ctx.tenantId, criterionId, today);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "profile.item.update",
      entityType: "profile_item",
      entityId: criterionId,
      before: current ? auditShape(before) : null,
      after: auditShape(after),
      requestId: ctx.requestId,
    });
    return after;
  });
}

/**
 * Approve a Must's pending "not applicable". Four eyes: the person who asked for the N/A cannot approve it.
 * 422 `rule_violation` when the item is not a pending N/A or the approver asked for it.
 */
export async function approveNotApplicable(options: { ctx: TenantCtx; criterionId: string }): Promise<ProfileItemView> {
  const { ctx, criterionId } = options;
  const today = todayIso();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await assertApplicable(tx, ctx.tenantId, criterionId, today);
    const current = await findItemForUpdate(tx, ctx.tenantId, criterionId);
    const before = await readItem(tx, ctx.tenantId, criterionId, today);
    if (!current || before.naStatus !== "pending") {
      throw ruleViolation("na-not-pending", "Only a Must marked not applicable and waiting for approval can be approved");
    }
    if (current.na_requested_by !== null && current.na_requested_by === ctx.userId) {
      throw ruleViolation("four-eyes", "Someone other than the person who marked it not applicable must approve it");
    }
    await tx
      .updateTable("profile_items")
      .set({ na_approved_by: ctx.userId, na_approved_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("criterion_id", "=", criterionId)
      .execute();
    const after = await readItem(tx, ctx.tenantId, criterionId, today);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "profile.item.approve-na",
      entityType: "profile_item",
      entityId: criterionId,
      before: auditShape(before),
      after: auditShape(after),
      requestId: ctx.requestId,
    });
    return after;
  });
}
