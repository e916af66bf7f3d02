import { Kysely } from "kysely";
import type { Actor } from "../../audit/audit.service.ts";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { addDaysIso } from "../procedures/review-interval.ts";
import { todayIso } from "../security-profile/security-profile.service.ts";
import { type PartnerCtx, savePartnerAnswer, submitPartnerQuestionnaire } from "./partner.service.ts";
import { exchangeLink } from "./partner-access.service.ts";
import { reviewQuestionnaire } from "./questionnaires.review.ts";
import type { Answer, QuestionnaireLang } from "./questionnaires.schema.ts";
import { createInvitation, createQuestionnaire } from "./questionnaires.service.ts";

/** What the demo created: the open link is printed when the demo starts. */
export interface QuestionnairesDemoResult {
  accepted: { partner: string; questionnaireId: string; score: number | null } | null;
  submitted: { partner: string; questionnaireId: string } | null;
  open: { partner: string; questionnaireId: string; url: string; expiresAt: string } | null;
}

// Partners in these countries get their questionnaire in Spanish.
const SPANISH = new Set([
  "MX",
  "ES",
  "GT",
  "HN",
  "SV",
  "NI",
  "CR",
  "PA",
  "CO",
  "VE",
  "EC",
  "PE",
  "BO",
  "CL",
  "AR",
  "UY",
  "PY",
  "DO",
  "CU",
  "PR",
]);

const COMMENTS: Record<QuestionnaireLang, Record<Exclude<Answer, "yes">, string>> = {
  en: {
    partial: "In place at the main plant; the second site follows next quarter.",
    no: "Not yet: the budget is approved and the work is planned.",
    not_applicable: "We do not handle this kind of cargo.",
  },
  es: {
    partial: "Implementado en la planta principal; la segunda planta lo tendrá el próximo trimestre.",
    no: "Aún no: el presupuesto está aprobado y el trabajo está programado.",
    not_applicable: "No manejamos este tipo de carga.",
  },
};

/** A believable spread of answers: mostly yes, a few partial, one no, one not applicable (on a Should). */
function demoAnswer(index: number, level: string): Answer {
  if (index === 3) return "no";
  if (index === 5 && level === "should") return "not_applicable";
  return index % 4 === 1 ? "partial" : "yes";
}

/**
 * Demo questionnaires for the partners present when called (run after the partner demo): the first partner's
 * questionnaire went through a round of changes and was accepted with a score, the second's is submitted and waits
 * for review, the third's was sent and its link is still open (returned so the demo start can print it). Everything
 * goes through the same services as the API, audit events included; the partner's side is done as the partner.
 */
export async function seedQuestionnairesDemo(options: {
  db: Db | Kysely<Database>;
  tenantId: string;
  actor: Actor;
}): Promise<QuestionnairesDemoResult> {
  const db = options.db instanceof Kysely ? options.db : options.db.kysely;
  const { tenantId } = options;
  const result: QuestionnairesDemoResult = { accepted: null, submitted: null, open: null };
  const partners = await withScope(db, { tenantId }, (tx) =>
    tx
      .selectFrom("partners")
      .select(["id", "name", "country_code"])
      .where("tenant_id", "=", tenantId)
      .where("archived_at", "is", null)
      .where("status", "<>", "terminated")
      .orderBy("created_at")
      .orderBy("name")
      .limit(3)
      .execute(),
  );
  const ctx: TenantCtx = { db, tenantId, actor: options.actor, userId: options.actor.id, requestId: null };
  const today = todayIso();

  for (const [k, partner] of partners.entries()) {
    const lang: QuestionnaireLang = SPANISH.has(partner.country_code) ? "es" : "en";
    const q = await createQuestionnaire({ ctx, input: { partnerId: partner.id, dueOn: addDaysIso(today, k === 2 ? 5 : 30), lang } });
    const invitation = await createInvitation({ ctx, id: q.id, input: { email: null, expiresInDays: 14 } });
    if (k === 2) {
      result.open = { partner: partner.name, questionnaireId: q.id, url: invitation.url, expiresAt: invitation.expiresAt };
      continue;
    }
    // The partner opens the link and answers.
    await exchangeLink({
      db,
      config: { loginMaxFailures: 5, loginWindowMs: 15 * 60_000 },
      ip: "demo",
      token: invitation.url.slice("/q/".length),
      requestId: "demo",
    });
    const partnerCtx: PartnerCtx = { db, tenantId, questionnaireId: q.id, requestId: null };
    for (const [index, item] of q.items.entries()) {
      const answer = demoAnswer(index, item.level);
      await savePartnerAnswer({
        ctx: partnerCtx,
        criterionId: item.criterionId,
        input: { answer, comment: answer === "yes" ? null : COMMENTS[lang][answer] },
      });
    }
    await submitPartnerQuestionnaire({ ctx: partnerCtx });
    if (k === 1) {
      result.submitted = { partner: partner.name, questionnaireId: q.id };
      continue;
    }
    // Round 1: the "no" goes back with a question; the partner improves it; round 2 is accepted.
    const sentBack = q.items[3]?.criterionId;
    const first = await reviewQuestionnaire({
      ctx,
      id: q.id,
      input: {
        items: q.items.map((i) =>
          i.criterionId === sentBack
            ? {
                criterionId: i.criterionId,
                decision: "change" as const,
                comment: lang === "es" ? "¿Cuál es la fecha compromiso?" : "By when?",
              }
            : { criterionId: i.criterionId, decision: "accept" as const },
        ),
      },
    });
    if (sentBack && first.status === "changes_requested") {
      await savePartnerAnswer({ ctx: partnerCtx, criterionId: sentBack, input: { answer: "partial", comment: COMMENTS[lang].partial } });
      await submitPartnerQuestionnaire({ ctx: partnerCtx });
      const done = await reviewQuestionnaire({ ctx, id: q.id, input: { items: [{ criterionId: sentBack, decision: "accept" }] } });
      result.accepted = { partner: partner.name, questionnaireId: q.id, score: done.score };
    } else {
      result.accepted = { partner: partner.name, questionnaireId: q.id, score: first.score };
    }
  }
  return result;
}
