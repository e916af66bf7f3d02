import { randomBytes, randomUUID } from "node:crypto";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { sha256Hex } from "../../auth/crypto.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { todayIso } from "../evidence/evidence.status.ts";
import { entityTypeOfPartner, questionnaireCriteria } from "./questionnaires.items.ts";
import { presentSummary, readDetail } from "./questionnaires.present.ts";
import { findPartner, findSummaryRow, listSummaryRows, lockQuestionnaire, progressOf } from "./questionnaires.repo.ts";
import {
  type CreateInvitationInput,
  type CreateQuestionnaireInput,
  type InvitationCreated,
  type ListQuestionnairesQueryInput,
  PARTNER_EDITABLE,
  type QuestionnaireDetail,
  type QuestionnaireStatus,
} from "./questionnaires.schema.ts";

/** The RLS scope of a reviewer's request. */
export const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** A 422 naming the rule that refused the change. */
export function ruleViolation(rule: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("rule_violation", message, { rule, ...extra });
}

/** The path of the partner's landing page for a raw link token. */
export const invitationPath = (token: string) => `/q/${token}`;

/** Lock a questionnaire of the caller's company; anything else (another company's, a malformed id) is a 404. */
export async function lockOwnQuestionnaire(tx: Tx, tenantId: string, id: string) {
  const row = isUuid(id) ? await lockQuestionnaire(tx, tenantId, id) : undefined;
  if (!row) throw notFound("Questionnaire");
  return row;
}

/** The whole questionnaire as its reviewers see it, inside a transaction. */
export async function readQuestionnaire(tx: Tx, tenantId: string, id: string): Promise<QuestionnaireDetail> {
  const row = isUuid(id) ? await findSummaryRow(tx, tenantId, id) : undefined;
  if (!row) throw notFound("Questionnaire");
  return readDetail(tx, tenantId, row);
}

/**
 * Create a draft questionnaire for a partner: one item per criterion of the partner type's CTPAT entity type
 * (PARTNER_ENTITY_TYPE), worded in `lang` when read. The criteria are fixed at creation, so a later library
 * change does not move the questions under a partner's answers.
 */
export async function createQuestionnaire(options: { ctx: TenantCtx; input: CreateQuestionnaireInput }): Promise<QuestionnaireDetail> {
  const { ctx, input } = options;
  if (!isUuid(input.partnerId)) throw notFound("Partner");
  if (input.dueOn < todayIso()) throw ruleViolation("due-in-past", "The due date cannot be in the past");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const partner = await findPartner(tx, ctx.tenantId, input.partnerId);
    if (!partner) throw notFound("Partner");
    if (partner.archived_at) throw ruleViolation("partner-archived", "This partner is archived; restore it before sending a questionnaire");
    const entityType = entityTypeOfPartner(partner.type);
    const criteria = questionnaireCriteria(entityType);
    const id = randomUUID();
    await tx
      .insertInto("questionnaires")
      .values({
        id,
        tenant_id: ctx.tenantId,
        partner_id: partner.id,
        entity_type: entityType,
        status: "draft",
        lang: input.lang,
        due_on: input.dueOn,
        round: 1,
        score: null,
        created_by: ctx.userId,
      })
      .execute();
    await tx
      .insertInto("questionnaire_answers")
      .values(criteria.map((c) => ({ tenant_id: ctx.tenantId, questionnaire_id: id, criterion_id: c.criterionId, round: 1 })))
      .execute();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "questionnaire.create",
      entityType: "questionnaire",
      entityId: id,
      after: { partnerId: partner.id, entityType, lang: input.lang, dueOn: input.dueOn, criterionIds: criteria.map((c) => c.criterionId) },
      requestId: ctx.requestId,
    });
    return readQuestionnaire(tx, ctx.tenantId, id);
  });
}

/** GET /api/questionnaires: the company's questionnaires, the latest first. */
export async function listQuestionnaires(options: { ctx: TenantCtx; query: ListQuestionnairesQueryInput }) {
  const { ctx, query } = options;
  // A partner id that is not a UUID names nothing: an empty page rather than a database error.
  if (query.partnerId !== undefined && !isUuid(query.partnerId)) {
    return { items: [], total: 0, limit: query.limit, offset: query.offset };
  }
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const { rows, total } = await listSummaryRows(tx, ctx.tenantId, query);
    const progress = await progressOf(
      tx,
      ctx.tenantId,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => presentSummary(r, progress.get(r.id) ?? { answered: 0, total: 0 })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  });
}

/** GET /api/questionnaires/{id}; another company's questionnaire is reported as missing. */
export async function getQuestionnaire(options: { ctx: TenantCtx; id: string }): Promise<QuestionnaireDetail> {
  const { ctx, id } = options;
  return withScope(ctx.db, scopeOf(ctx), (tx) => readQuestionnaire(tx, ctx.tenantId, id));
}

/**
 * Create an invitation link: a 256-bit random token shown only in this answer (the database keeps its SHA-256),
 * valid 1–60 days and spent by its first exchange. Sending the first link moves a draft to `sent`.
 */
export async function createInvitation(options: { ctx: TenantCtx; id: string; input: CreateInvitationInput }): Promise<InvitationCreated> {
  const { ctx, id, input } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const q = await lockOwnQuestionnaire(tx, ctx.tenantId, id);
    const status = q.status as QuestionnaireStatus;
    if (status !== "draft" && !PARTNER_EDITABLE.includes(status)) {
      throw ruleViolation("not-open", `A ${status} questionnaire cannot be sent; the partner has nothing left to answer`);
    }
    const token = randomBytes(32).toString("base64url");
    const invitationId = randomUUID();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 3600_000);
    await tx
      .insertInto("questionnaire_invitations")
      .values({
        id: invitationId,
        tenant_id: ctx.tenantId,
        questionnaire_id: q.id,
        token_hash: sha256Hex(token),
        email: input.email ?? null,
        expires_at: expiresAt,
        created_by: ctx.userId,
      })
      .execute();
    if (status === "draft") {
      await tx
        .updateTable("questionnaires")
        .set({ status: "sent", updated_at: new Date() })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", q.id)
        .execute();
    }
    const view = { id: invitationId, url: invitationPath(token), email: input.email ?? null, expiresAt: expiresAt.toISOString() };
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "questionnaire.invite",
      entityType: "questionnaire",
      entityId: q.id,
      before: { status },
      // Never the link itself: the audit chain is readable by auditors, the link is a credential.
      after: { status: status === "draft" ? "sent" : status, invitationId, email: view.email, expiresAt: view.expiresAt },
      requestId: ctx.requestId,
    });
    return view;
  });
}

/** Revoke every open invitation link and end every partner session of a questionnaire. */
export async function revokePartnerAccess(options: { ctx: TenantCtx; id: string }) {
  const { ctx, id } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const q = await lockOwnQuestionnaire(tx, ctx.tenantId, id);
    const now = new Date();
    const invitations = await tx
      .updateTable("questionnaire_invitations")
      .set({ revoked_at: now })
      .where("tenant_id", "=", ctx.tenantId)
      .where("questionnaire_id", "=", q.id)
      .where("revoked_at", "is", null)
      .where("used_at", "is", null)
      .returning("id")
      .execute();
    const sessions = await tx
      .updateTable("partner_sessions")
      .set({ revoked_at: now })
      .where("tenant_id", "=", ctx.tenantId)
      .where("questionnaire_id", "=", q.id)
      .where("revoked_at", "is", null)
      .returning("id_hash")
      .execute();
    const result = { revokedInvitations: invitations.length, revokedSessions: sessions.length };
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "questionnaire.revoke_access",
      entityType: "questionnaire",
      entityId: q.id,
      after: { ...result, invitationIds: invitations.map((i) => i.id) },
      requestId: ctx.requestId,
    });
    return result;
  });
}
