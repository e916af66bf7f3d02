import { compareCriterionIds } from "@portcullis/domain";
import type { Tx } from "../../db/tx.ts";
import { byCriterion, createWording } from "./questionnaires.items.ts";
import { type AnswerRow, answerRows, evidenceByIds, invitationRows, progressOf, type SummaryRow } from "./questionnaires.repo.ts";
import {
  type Answer,
  type ItemEvidence,
  PARTNER_EDITABLE,
  type PartnerItem,
  type QuestionnaireDetail,
  type QuestionnaireLang,
  type QuestionnaireStatus,
  type QuestionnaireSummary,
  type ReviewerItem,
} from "./questionnaires.schema.ts";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Whitelist a questionnaire row (with its partner) for the API. */
export function presentSummary(row: SummaryRow, progress: { answered: number; total: number }): QuestionnaireSummary {
  return {
    id: row.id,
    partner: { id: row.partner_id, name: row.partner_name, type: row.partner_type },
    entityType: row.entity_type,
    status: row.status as QuestionnaireStatus,
    lang: row.lang as QuestionnaireLang,
    dueOn: row.due_on,
    round: row.round,
    score: row.score,
    progress,
    createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? "" } : null,
    createdAt: iso(row.created_at) as string,
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    updatedAt: iso(row.updated_at) as string,
  };
}

/** Each criterion's latest row (its highest round), in CBP's order. */
export function latestRows(rows: readonly AnswerRow[]): AnswerRow[] {
  const latest = new Map<string, AnswerRow>();
  for (const r of rows) {
    const seen = latest.get(r.criterion_id);
    if (!seen || r.round > seen.round) latest.set(r.criterion_id, r);
  }
  return [...latest.values()].sort((a, b) => compareCriterionIds(a.criterion_id, b.criterion_id));
}

/** Everything an item view needs besides its row. */
interface ItemContext {
  wording: ReturnType<typeof createWording>;
  evidence: Map<string, ItemEvidence>;
}

function evidenceOf(row: AnswerRow, ctx: ItemContext): ItemEvidence[] {
  return row.evidence_ids.flatMap((id) => {
    const e = ctx.evidence.get(id);
    return e ? [e] : [];
  });
}

function reviewerItem(row: AnswerRow, ctx: ItemContext): ReviewerItem {
  return {
    ...ctx.wording(row.criterion_id),
    round: row.round,
    answer: row.answer as Answer | null,
    comment: row.comment,
    evidence: evidenceOf(row, ctx),
    review: row.review as ReviewerItem["review"],
    reviewComment: row.review_comment,
    reviewedBy: row.reviewed_by ? { id: row.reviewed_by, displayName: row.reviewed_by_name ?? "" } : null,
    reviewedAt: iso(row.reviewed_at),
    updatedAt: iso(row.updated_at) as string,
  };
}

/** Read a questionnaire whole for its reviewers: latest state of every criterion, earlier rounds, links. `tx` is scoped. */
export async function readDetail(tx: Tx, tenantId: string, row: SummaryRow): Promise<QuestionnaireDetail> {
  const [rows, invitations, progress] = await Promise.all([
    answerRows(tx, tenantId, row.id),
    invitationRows(tx, tenantId, row.id),
    progressOf(tx, tenantId, [row.id]),
  ]);
  const ctx: ItemContext = {
    wording: createWording(row.entity_type, row.lang as QuestionnaireLang),
    evidence: await evidenceByIds(
      tx,
      tenantId,
      rows.flatMap((r) => r.evidence_ids),
    ),
  };
  const now = Date.now();
  const rounds = Array.from({ length: Math.max(0, row.round - 1) }, (_, k) => k + 1).map((round) => ({
    round,
    items: byCriterion(rows.filter((r) => r.round === round).map((r) => reviewerItem(r, ctx))),
  }));
  return {
    ...presentSummary(row, progress.get(row.id) ?? { answered: 0, total: 0 }),
    items: latestRows(rows).map((r) => reviewerItem(r, ctx)),
    rounds,
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      state: i.revoked_at ? "revoked" : i.used_at ? "used" : new Date(i.expires_at).getTime() <= now ? "expired" : "open",
      expiresAt: iso(i.expires_at) as string,
      usedAt: iso(i.used_at),
      revokedAt: iso(i.revoked_at),
      createdAt: iso(i.created_at) as string,
    })),
  };
}

/** The partner's view of the items: latest state, whether each may still change, and why it was sent back. */
export async function partnerItems(
  tx: Tx,
  tenantId: string,
  q: { id: string; entity_type: string; lang: string; status: string; round: number },
): Promise<PartnerItem[]> {
  const rows = await answerRows(tx, tenantId, q.id);
  const ctx: ItemContext = {
    wording: createWording(q.entity_type, q.lang as QuestionnaireLang),
    evidence: await evidenceByIds(
      tx,
      tenantId,
      rows.flatMap((r) => r.evidence_ids),
    ),
  };
  const open = PARTNER_EDITABLE.includes(q.status as QuestionnaireStatus);
  return latestRows(rows).map((row) => {
    const sentBack = rows.find((r) => r.criterion_id === row.criterion_id && r.round === row.round - 1 && r.review === "change_requested");
    return {
      ...ctx.wording(row.criterion_id),
      answer: row.answer as Answer | null,
      comment: row.comment,
      evidence: evidenceOf(row, ctx),
      editable: open && row.round === q.round,
      changeRequest: sentBack?.review_comment ?? null,
    };
  });
}
