import { appendAuditEvent } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { createWording, questionnaireScore } from "./questionnaires.items.ts";
import { latestRows } from "./questionnaires.present.ts";
import { answerRows } from "./questionnaires.repo.ts";
import type { Answer, QuestionnaireDetail, QuestionnaireLang, ReviewInput } from "./questionnaires.schema.ts";
import { lockOwnQuestionnaire, readQuestionnaire, ruleViolation, scopeOf } from "./questionnaires.service.ts";

/**
 * Review a submitted questionnaire: a decision for every item of the current round, no more, no less.
 * Any "change" (which needs a comment for the partner) sends it back: status `changes_requested` and a new round
 * holding only those items, pre-filled with the partner's last answer; earlier rounds stay as they were.
 * When everything is accepted the questionnaire is `accepted` and scored (see questionnaireScore), and the score
 * becomes the partner's vulnerability score. One audit event records the decisions, the outcome and the score.
 */
export async function reviewQuestionnaire(options: { ctx: TenantCtx; id: string; input: ReviewInput }): Promise<QuestionnaireDetail> {
  const { ctx, id, input } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const q = await lockOwnQuestionnaire(tx, ctx.tenantId, id);
    if (q.status !== "submitted") {
      throw ruleViolation("not-submitted", `Only a submitted questionnaire can be reviewed; this one is ${q.status}`);
    }
    const rows = await answerRows(tx, ctx.tenantId, q.id);
    const inRound = new Set(rows.filter((r) => r.round === q.round).map((r) => r.criterion_id));
    const decided = new Map<string, ReviewInput["items"][number]>();
    const duplicates: string[] = [];
    for (const item of input.items) {
      if (decided.has(item.criterionId)) duplicates.push(item.criterionId);
      decided.set(item.criterionId, item);
    }
    const unknown = [...decided.keys()].filter((c) => !inRound.has(c));
    const missing = [...inRound].filter((c) => !decided.has(c));
    if (duplicates.length > 0 || unknown.length > 0 || missing.length > 0) {
      throw ruleViolation("decide-each-item-once", `Decide every item of round ${q.round} exactly once`, {
        duplicates: duplicates.slice(0, 50),
        notInRound: unknown.slice(0, 50).map((c) => c.slice(0, 20)),
        missing: missing.slice(0, 50),
      });
    }
    const uncommented = input.items.filter((i) => i.decision === "change" && !i.comment?.trim()).map((i) => i.criterionId);
    if (uncommented.length > 0) {
      throw ruleViolation("comment-required", "Tell the partner what to change: a change request needs a comment", {
        criterionIds: uncommented,
      });
    }

    const now = new Date();
    for (const item of input.items) {
      await tx
        .updateTable("questionnaire_answers")
        .set({
          review: item.decision === "accept" ? "accepted" : "change_requested",
          review_comment: item.comment?.trim() || null,
          reviewed_by: ctx.userId,
          reviewed_at: now,
        })
        .where("tenant_id", "=", ctx.tenantId)
        .where("questionnaire_id", "=", q.id)
        .where("criterion_id", "=", item.criterionId)
        .where("round", "=", q.round)
        .execute();
    }
    const changes = input.items.filter((i) => i.decision === "change").map((i) => i.criterionId);
    let after: Record<string, unknown>;
    if (changes.length > 0) {
      const round = q.round + 1;
      const previous = new Map(rows.filter((r) => r.round === q.round).map((r) => [r.criterion_id, r]));
      await tx
        .insertInto("questionnaire_answers")
        .values(
          changes.map((criterionId) => {
            const last = previous.get(criterionId);
            return {
              tenant_id: ctx.tenantId,
              questionnaire_id: q.id,
              criterion_id: criterionId,
              round,
              answer: last?.answer ?? null,
              comment: last?.comment ?? null,
              evidence_ids: last?.evidence_ids ?? [],
            };
          }),
        )
        .execute();
      await tx
        .updateTable("questionnaires")
        .set({ status: "changes_requested", round, updated_at: now })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", q.id)
        .execute();
      after = { status: "changes_requested", round, changeRequested: changes };
    } else {
      // Score every criterion by its latest answer: accepted items of earlier rounds count as they were.
      const wording = createWording(q.entity_type, q.lang as QuestionnaireLang);
      const score = questionnaireScore(
        latestRows(rows).map((r) => ({ level: wording(r.criterion_id).level, answer: r.answer as Answer | null })),
      );
      await tx
        .updateTable("questionnaires")
        .set({ status: "accepted", score, accepted_at: now, updated_at: now })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", q.id)
        .execute();
      const partner = await tx
        .updateTable("partners")
        // The questionnaire scores compliance (100 = every answer meets the MSC); the partner's vulnerability rating,
        // which risk assessment uses, runs the other way (0 = no gap found).
        .set({ vulnerability_score: score === null ? null : 100 - score, updated_at: now })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", q.partner_id)
        .returning("vulnerability_score")
        .executeTakeFirst();
      after = {
        status: "accepted",
        round: q.round,
        score,
        partnerId: q.partner_id,
        partnerVulnerabilityScore: partner?.vulnerability_score ?? null,
      };
    }
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "questionnaire.review",
      entityType: "questionnaire",
      entityId: q.id,
      before: { status: q.status, round: q.round, score: q.score },
      after: { ...after, decisions: input.items.map((i) => ({ criterionId: i.criterionId, decision: i.decision })) },
      requestId: ctx.requestId,
    });
    return readQuestionnaire(tx, ctx.tenantId, q.id);
  });
}
