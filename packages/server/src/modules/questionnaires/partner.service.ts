import type { Kysely } from "kysely";
import { type Actor, appendAuditEvent } from "../../audit/audit.service.ts";
import type { Database } from "../../db/schema.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { ReceivedUpload } from "../../http/upload.ts";
import { parseUploadFields, requireFile } from "../evidence/evidence.input.ts";
import { insertEvidence } from "../evidence/evidence.service.ts";
import { commitEvidenceFile } from "../evidence/evidence.store.ts";
import { sniffEvidenceFile } from "../evidence/evidence.types.ts";
import { partnerItems } from "./questionnaires.present.ts";
import { lockAnswer } from "./questionnaires.repo.ts";
import {
  PARTNER_EDITABLE,
  type PartnerAnswerInput,
  PartnerEvidenceFields,
  type PartnerItem,
  type PartnerQuestionnaire,
  type QuestionnaireLang,
  type QuestionnaireStatus,
} from "./questionnaires.schema.ts";
import { ruleViolation } from "./questionnaires.service.ts";

/** Files a partner may attach to one answer. */
export const MAX_EVIDENCE_PER_ITEM = 20;

/**
 * What every partner-side operation receives: the session's company and questionnaire. Every query runs in that
 * company's scope and names that questionnaire, so a partner session can reach nothing else.
 */
export interface PartnerCtx {
  db: Kysely<Database>;
  tenantId: string;
  questionnaireId: string;
  requestId: string | null;
}

const scopeOf = (ctx: PartnerCtx) => ({ tenantId: ctx.tenantId });

/** The session's questionnaire with its partner and company, locked for a write when `lock` is set. */
async function sessionQuestionnaire(tx: Tx, ctx: PartnerCtx, lock: boolean) {
  let query = tx
    .selectFrom("questionnaires as q")
    .innerJoin("partners as p", (j) => j.onRef("p.id", "=", "q.partner_id").onRef("p.tenant_id", "=", "q.tenant_id"))
    .innerJoin("tenants as t", "t.id", "q.tenant_id")
    .where("q.tenant_id", "=", ctx.tenantId)
    .where("q.id", "=", ctx.questionnaireId)
    .select(["q.id", "q.status", "q.lang", "q.due_on", "q.round", "q.entity_type", "p.name as partner_name", "t.legal_name"]);
  if (lock) query = query.forUpdate("q");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Questionnaire");
  return row;
}

type SessionQuestionnaire = Awaited<ReturnType<typeof sessionQuestionnaire>>;

/** The audit actor of a partner: no user, labelled with the partner's name. */
const partnerActor = (q: SessionQuestionnaire): Actor => ({ id: null, label: `partner:${q.partner_name}` });

function assertOpen(q: SessionQuestionnaire): void {
  if (!PARTNER_EDITABLE.includes(q.status as QuestionnaireStatus)) {
    throw ruleViolation("not-open", `This questionnaire is ${q.status}; it can no longer be changed`);
  }
}

/** The answer row the partner may change: in the current round (after round 1, only the items sent back). */
async function editableRow(tx: Tx, ctx: PartnerCtx, q: SessionQuestionnaire, criterionId: string) {
  const row = await lockAnswer(tx, ctx.tenantId, ctx.questionnaireId, criterionId, q.round);
  if (row) return row;
  const asked = await tx
    .selectFrom("questionnaire_answers")
    .select("criterion_id")
    .where("tenant_id", "=", ctx.tenantId)
    .where("questionnaire_id", "=", ctx.questionnaireId)
    .where("criterion_id", "=", criterionId)
    .executeTakeFirst();
  if (!asked) throw notFound("Question");
  throw ruleViolation("not-sent-back", "Only the items the reviewer sent back can be changed in this round");
}

async function itemOf(tx: Tx, ctx: PartnerCtx, criterionId: string): Promise<PartnerItem> {
  const q = await sessionQuestionnaire(tx, ctx, false);
  const items = await partnerItems(tx, ctx.tenantId, q);
  const item = items.find((i) => i.criterionId === criterionId);
  if (!item) throw notFound("Question");
  return item;
}

/** A partner's first save starts the questionnaire. */
async function markStarted(tx: Tx, ctx: PartnerCtx, q: SessionQuestionnaire): Promise<void> {
  if (q.status !== "sent") return;
  await tx
    .updateTable("questionnaires")
    .set({ status: "in_progress", updated_at: new Date() })
    .where("tenant_id", "=", ctx.tenantId)
    .where("id", "=", ctx.questionnaireId)
    .execute();
}

/** GET /api/partner/questionnaire: the session's questionnaire, worded in its language. */
export async function getPartnerQuestionnaire(options: {
  ctx: PartnerCtx;
  sessionHash: string;
  csrfToken: string;
}): Promise<PartnerQuestionnaire> {
  const { ctx } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const q = await sessionQuestionnaire(tx, ctx, false);
    const items = await partnerItems(tx, ctx.tenantId, q);
    const session = await tx
      .selectFrom("partner_sessions")
      .select("expires_at")
      .where("tenant_id", "=", ctx.tenantId)
      .where("questionnaire_id", "=", ctx.questionnaireId)
      .where("id_hash", "=", options.sessionHash)
      .executeTakeFirst();
    // Revoked between the access check and this read: the same answer the check would now give.
    if (!session) throw new AppError("unauthenticated", "This partner session has ended");
    const answered = items.filter((i) => i.answer !== null).length;
    const open = PARTNER_EDITABLE.includes(q.status as QuestionnaireStatus);
    return {
      company: q.legal_name,
      partner: q.partner_name,
      status: q.status as QuestionnaireStatus,
      lang: q.lang as QuestionnaireLang,
      dueOn: q.due_on,
      round: q.round,
      progress: { answered, total: items.length },
      canSubmit: open && items.every((i) => !i.editable || i.answer !== null),
      csrfToken: options.csrfToken,
      sessionExpiresAt: new Date(session.expires_at).toISOString(),
      items,
    };
  });
}

/** PUT /api/partner/questionnaire/answers/{criterionId}: save a draft answer (omitted comment kept, null clears). */
export async function savePartnerAnswer(options: {
  ctx: PartnerCtx;
  criterionId: string;
  input: PartnerAnswerInput;
}): Promise<PartnerItem> {
  const { ctx, criterionId, input } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const q = await sessionQuestionnaire(tx, ctx, true);
    assertOpen(q);
    const row = await editableRow(tx, ctx, q, criterionId);
    const comment = input.comment === undefined ? row.comment : input.comment?.trim() || null;
    await tx
      .updateTable("questionnaire_answers")
      .set({ answer: input.answer, comment, updated_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("questionnaire_id", "=", ctx.questionnaireId)
      .where("criterion_id", "=", row.criterion_id)
      .where("round", "=", q.round)
      .execute();
    await markStarted(tx, ctx, q);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: partnerActor(q),
      action: "questionnaire.answer",
      entityType: "questionnaire",
      entityId: ctx.questionnaireId,
      before: { criterionId, round: q.round, answer: row.answer, comment: row.comment },
      after: { criterionId, round: q.round, answer: input.answer, comment },
      requestId: ctx.requestId,
    });
    return itemOf(tx, ctx, criterionId);
  });
}

/**
 * POST /api/partner/questionnaire/evidence: store a file in the company's evidence vault (same checks and storage
 * as any upload), link it to the questionnaire, and attach it to the answer. It is deliberately not linked to the
 * criterion: it is the partner's evidence, not the company's own. The upload is always cleaned up.
 */
export async function addPartnerEvidence(options: { ctx: PartnerCtx; upload: ReceivedUpload; evidenceDir: string }): Promise<PartnerItem> {
  const { ctx, upload } = options;
  try {
    const fields = parseUploadFields(PartnerEvidenceFields, upload.fields);
    const file = requireFile(upload);
    const sniffed = await sniffEvidenceFile({ path: file.tmpPath, filename: file.filename, declaredType: file.declaredType });
    return await commitEvidenceFile({
      evidenceDir: options.evidenceDir,
      tenantId: ctx.tenantId,
      file,
      transaction: () =>
        withScope(ctx.db, scopeOf(ctx), async (tx) => {
          const q = await sessionQuestionnaire(tx, ctx, true);
          assertOpen(q);
          const row = await editableRow(tx, ctx, q, fields.criterionId);
          if (row.evidence_ids.length >= MAX_EVIDENCE_PER_ITEM) {
            throw ruleViolation("too-many-files", `Attach at most ${MAX_EVIDENCE_PER_ITEM} files to one answer`);
          }
          const actor = partnerActor(q);
          const evidence = await insertEvidence(tx, {
            tenantId: ctx.tenantId,
            actor,
            requestId: ctx.requestId,
            input: {
              title: fields.title ?? `${q.partner_name} · ${row.criterion_id} · ${file.filename}`.slice(0, 200),
              description: `Uploaded by ${q.partner_name} with questionnaire answer ${row.criterion_id}`,
              category: "document",
              criterionIds: [],
            },
            file: { sha256: file.sha256, size: file.size, mediaType: sniffed.mediaType, filename: file.filename },
          });
          await tx
            .insertInto("evidence_links")
            .values({
              tenant_id: ctx.tenantId,
              evidence_id: evidence.id,
              target_type: "questionnaire",
              target_id: ctx.questionnaireId,
              created_by: null,
            })
            .execute();
          await tx
            .updateTable("questionnaire_answers")
            .set({ evidence_ids: [...row.evidence_ids, evidence.id], updated_at: new Date() })
            .where("tenant_id", "=", ctx.tenantId)
            .where("questionnaire_id", "=", ctx.questionnaireId)
            .where("criterion_id", "=", row.criterion_id)
            .where("round", "=", q.round)
            .execute();
          await markStarted(tx, ctx, q);
          await appendAuditEvent(tx, {
            tenantId: ctx.tenantId,
            actor,
            action: "questionnaire.evidence",
            entityType: "questionnaire",
            entityId: ctx.questionnaireId,
            after: { criterionId: row.criterion_id, round: q.round, evidenceId: evidence.id, sha256: file.sha256 },
            requestId: ctx.requestId,
          });
          return itemOf(tx, ctx, row.criterion_id);
        }),
    });
  } finally {
    await upload.discard();
  }
}

/** POST /api/partner/questionnaire/submit: hand the answers over for review once every open item is answered. */
export async function submitPartnerQuestionnaire(options: {
  ctx: PartnerCtx;
}): Promise<{ status: QuestionnaireStatus; submittedAt: string }> {
  const { ctx } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const q = await sessionQuestionnaire(tx, ctx, true);
    assertOpen(q);
    const unanswered = await tx
      .selectFrom("questionnaire_answers")
      .select("criterion_id")
      .where("tenant_id", "=", ctx.tenantId)
      .where("questionnaire_id", "=", ctx.questionnaireId)
      .where("round", "=", q.round)
      .where("answer", "is", null)
      .execute();
    if (unanswered.length > 0) {
      throw new AppError("rule_violation", `Answer every question before sending: ${unanswered.length} still open`, {
        rule: "unanswered",
        criterionIds: unanswered.map((r) => r.criterion_id),
      });
    }
    const now = new Date();
    await tx
      .updateTable("questionnaires")
      .set({ status: "submitted", submitted_at: now, updated_at: now })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", ctx.questionnaireId)
      .execute();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: partnerActor(q),
      action: "questionnaire.submit",
      entityType: "questionnaire",
      entityId: ctx.questionnaireId,
      before: { status: q.status },
      after: { status: "submitted", round: q.round },
      requestId: ctx.requestId,
    });
    return { status: "submitted", submittedAt: now.toISOString() };
  });
}
