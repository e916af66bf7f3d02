import { randomUUID } from "node:crypto";
import type { Updateable } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import type { PartnerCertificationRow, PartnerCertificationsTable } from "../../db/schema-partners.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { todayUtc } from "../procedures/review-interval.ts";
import { loadPartnerDetail } from "./partners.detail.ts";
import { isActiveCertification, nextVerificationOn, presentCertification } from "./partners.present.ts";
import type { Certification, CreateCertificationInput, UpdateCertificationInput } from "./partners.records.schema.ts";
import { findPartner } from "./partners.repo.ts";
import type { PartnerDetail } from "./partners.schema.ts";
import { lockPartner, scopeOf } from "./partners.service.ts";

// The evidence named by a certification must be the company's own and in use; another company's looks missing.
async function assertEvidence(tx: Tx, tenantId: string, evidenceId: string | null | undefined): Promise<void> {
  if (!evidenceId) return;
  const row = await tx
    .selectFrom("evidence_items")
    .select(["id", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", evidenceId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "Evidence not found", { field: "evidenceId" });
  if (row.archived_at) throw new AppError("rule_violation", "This evidence is archived; restore it before linking it", { evidenceId });
}

// The database refuses an inverted range with a server error; say it as a validation failure instead.
function assertRange(validFrom: string | null, validTo: string | null): void {
  if (validFrom && validTo && validTo < validFrom) {
    throw new AppError("validation_failed", "validTo must not be before validFrom", {
      issues: [{ path: ["body", "validTo"], message: `must be ${validFrom} or later` }],
    });
  }
}

async function audit(tx: Tx, ctx: TenantCtx, action: string, id: string, before: Certification | null, after: Certification) {
  await appendAuditEvent(tx, {
    tenantId: ctx.tenantId,
    actor: ctx.actor,
    action,
    entityType: "partner-certification",
    entityId: id,
    before,
    after,
    requestId: ctx.requestId,
  });
}

/** Record a partner's CTPAT or MRA certification; the next verification falls 12 months after the last one. */
export async function createCertification(options: {
  ctx: TenantCtx;
  partnerId: string;
  input: CreateCertificationInput;
}): Promise<Certification> {
  const { ctx, partnerId, input } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await lockPartner(tx, ctx.tenantId, partnerId);
    assertRange(input.validFrom ?? null, input.validTo ?? null);
    await assertEvidence(tx, ctx.tenantId, input.evidenceId);
    const row = await tx
      .insertInto("partner_certifications")
      .values({
        id: randomUUID(),
        tenant_id: ctx.tenantId,
        partner_id: partnerId,
        program: input.program,
        certificate_id: input.certificateId ?? null,
        status: input.status ?? "active",
        valid_from: input.validFrom ?? null,
        valid_to: input.validTo ?? null,
        last_verified_on: input.lastVerifiedOn ?? null,
        next_verification_on: nextVerificationOn(input.lastVerifiedOn ?? null),
        evidence_id: input.evidenceId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const cert = presentCertification(row, today);
    await audit(tx, ctx, "partner-certification.create", row.id, null, cert);
    return cert;
  });
}

/** Change a certification; a new last verification date moves the next one. */
export async function updateCertification(options: {
  ctx: TenantCtx;
  id: string;
  input: UpdateCertificationInput;
}): Promise<Certification> {
  const { ctx, id, input } = options;
  if (!isUuid(id)) throw notFound("Certification");
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await lockCertification(tx, ctx.tenantId, id);
    if (!current) throw notFound("Certification");
    assertRange(
      input.validFrom !== undefined ? input.validFrom : current.valid_from,
      input.validTo !== undefined ? input.validTo : current.valid_to,
    );
    await assertEvidence(tx, ctx.tenantId, input.evidenceId);
    const patch: Updateable<PartnerCertificationsTable> = { updated_at: new Date() };
    if (input.program !== undefined) patch.program = input.program;
    if (input.certificateId !== undefined) patch.certificate_id = input.certificateId;
    if (input.status !== undefined) patch.status = input.status;
    if (input.validFrom !== undefined) patch.valid_from = input.validFrom;
    if (input.validTo !== undefined) patch.valid_to = input.validTo;
    if (input.evidenceId !== undefined) patch.evidence_id = input.evidenceId;
    if (input.lastVerifiedOn !== undefined) {
      patch.last_verified_on = input.lastVerifiedOn;
      patch.next_verification_on = nextVerificationOn(input.lastVerifiedOn);
    }
    const row = await tx
      .updateTable("partner_certifications")
      .set(patch)
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentCertification(row, today);
    await audit(tx, ctx, "partner-certification.update", id, presentCertification(current, today), after);
    return after;
  });
}

function lockCertification(tx: Tx, tenantId: string, id: string): Promise<PartnerCertificationRow | undefined> {
  return tx
    .selectFrom("partner_certifications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Waive a partner's security questionnaire because it holds an active CTPAT or MRA certification (MSC 3.4 lets a
 * member accept it as evidence). A documented decision: time, reason and the certification relied on go into the
 * audit chain; the certification counts as verified today, so its re-verification is scheduled 12 months out.
 */
export async function waiveQuestionnaire(options: {
  ctx: TenantCtx;
  partnerId: string;
  input: { certificationId: string; reason: string };
}): Promise<PartnerDetail> {
  const { ctx, partnerId, input } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const partner = await lockPartner(tx, ctx.tenantId, partnerId);
    const cert = await lockCertification(tx, ctx.tenantId, input.certificationId);
    if (!cert || cert.partner_id !== partnerId) throw new AppError("not_found", "Certification not found", { field: "certificationId" });
    if (!isActiveCertification(cert, today)) {
      throw new AppError("rule_violation", "Only an active CTPAT or MRA certification can replace the questionnaire", {
        certificationId: cert.id,
        status: cert.status,
        validTo: cert.valid_to,
      });
    }
    const before = await loadPartnerDetail(tx, ctx.tenantId, partner, today);
    const waivedAt = new Date();
    await tx
      .updateTable("partner_certifications")
      .set({ last_verified_on: today, next_verification_on: nextVerificationOn(today), updated_at: waivedAt })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", cert.id)
      .execute();
    await tx
      .updateTable("partners")
      .set({ questionnaire_waived_at: waivedAt, questionnaire_waiver_reason: input.reason, updated_at: waivedAt })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", partnerId)
      .execute();
    const row = await findPartner(tx, ctx.tenantId, partnerId);
    if (!row) throw notFound("Partner");
    const after = await loadPartnerDetail(tx, ctx.tenantId, row, today);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "partner.questionnaire-waive",
      entityType: "partner",
      entityId: partnerId,
      before: { questionnaireWaiver: before.questionnaireWaiver, questionnaireWaived: before.questionnaireWaived },
      after: {
        questionnaireWaiver: after.questionnaireWaiver,
        questionnaireWaived: after.questionnaireWaived,
        certificationId: cert.id,
        program: cert.program,
        certificateId: cert.certificate_id,
        validTo: cert.valid_to,
        nextVerificationOn: nextVerificationOn(today),
      },
      requestId: ctx.requestId,
    });
    return after;
  });
}
