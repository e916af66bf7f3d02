import type { Tx } from "../../db/tx.ts";
import type { Reminder } from "../notifications/reminders.job.ts";
import { addDaysIso } from "../procedures/review-interval.ts";
import { PARTNER_EDITABLE } from "./questionnaires.schema.ts";

/** A questionnaire is "due soon" this many days before its due date. */
export const QUESTIONNAIRE_DUE_SOON_DAYS = 7;

/**
 * The questionnaires' reminders for one company on `today` (called by the daily reminders job in its company-scoped
 * transaction): questionnaires still waiting for the partner (sent, in progress or sent back) whose due date is
 * within 7 days (`questionnaire.due-soon`) or has passed (`questionnaire.overdue`). Once with the partner's answers,
 * the next move is the reviewers', so submitted questionnaires are not chased. The due date is part of the dedupe
 * key: moving it reminds again.
 */
export async function collectQuestionnaireReminders(tx: Tx, tenantId: string, today: string): Promise<Reminder[]> {
  const rows = await tx
    .selectFrom("questionnaires as q")
    .innerJoin("partners as p", (j) => j.onRef("p.id", "=", "q.partner_id").onRef("p.tenant_id", "=", "q.tenant_id"))
    .select(["q.id", "q.status", "q.due_on", "p.id as partner_id", "p.name"])
    .where("q.tenant_id", "=", tenantId)
    .where("q.status", "in", [...PARTNER_EDITABLE])
    .where("q.due_on", "is not", null)
    .where("q.due_on", "<=", addDaysIso(today, QUESTIONNAIRE_DUE_SOON_DAYS))
    .where("p.archived_at", "is", null)
    .orderBy("q.id")
    .execute();
  return rows.map((q) => {
    const dueOn = q.due_on as string;
    const kind = dueOn < today ? "questionnaire.overdue" : "questionnaire.due-soon";
    return {
      kind,
      subjectType: "questionnaire",
      subjectId: q.id,
      params: { partnerId: q.partner_id, partnerName: q.name, status: q.status, dueOn },
      dueOn,
      dedupeKey: `${kind}:${q.id}:${dueOn}`,
    };
  });
}
