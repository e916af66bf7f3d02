import { sql } from "kysely";
import type { QuestionnaireRow } from "../../db/schema-partners.ts";
import type { Tx } from "../../db/tx.ts";
import type { ItemEvidence, ListQuestionnairesQueryInput } from "./questionnaires.schema.ts";

/** Every query here filters by tenant explicitly, besides row-level security. */

/** The partner a questionnaire is for. */
export function findPartner(tx: Tx, tenantId: string, id: string) {
  return tx
    .selectFrom("partners")
    .select(["id", "name", "type", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Lock one questionnaire for a change (every write to it, reviewer's or partner's, takes this lock first). */
export function lockQuestionnaire(tx: Tx, tenantId: string, id: string): Promise<QuestionnaireRow | undefined> {
  return tx.selectFrom("questionnaires").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Questionnaires with their partner and creator: the rows behind a summary. */
function summaryQuery(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("questionnaires as q")
    .innerJoin("partners as p", (j) => j.onRef("p.id", "=", "q.partner_id").onRef("p.tenant_id", "=", "q.tenant_id"))
    .leftJoin("users as u", "u.id", "q.created_by")
    .where("q.tenant_id", "=", tenantId)
    .selectAll("q")
    .select(["p.name as partner_name", "p.type as partner_type", "u.display_name as created_by_name"]);
}

/** One row behind a QuestionnaireSummary. */
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>>;

/** One questionnaire with its partner, or undefined. */
export function findSummaryRow(tx: Tx, tenantId: string, id: string): Promise<SummaryRow | undefined> {
  return summaryQuery(tx, tenantId).where("q.id", "=", id).executeTakeFirst();
}

/** Page through the tenant's questionnaires, the latest first. */
export async function listSummaryRows(
  tx: Tx,
  tenantId: string,
  query: ListQuestionnairesQueryInput & { partnerId?: string | undefined },
): Promise<{ rows: SummaryRow[]; total: number }> {
  let base = summaryQuery(tx, tenantId);
  if (query.partnerId) base = base.where("q.partner_id", "=", query.partnerId);
  if (query.status) base = base.where("q.status", "=", query.status);
  const [rows, count] = await Promise.all([
    base.orderBy("q.created_at", "desc").orderBy("q.id").limit(query.limit).offset(query.offset).execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * How many criteria each questionnaire has and how many are answered, judging each criterion by its latest round.
 */
export async function progressOf(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, { answered: number; total: number }>> {
  const out = new Map(ids.map((id) => [id, { answered: 0, total: 0 }]));
  if (ids.length === 0) return out;
  const { rows } = await sql<{ questionnaire_id: string; total: number; answered: number }>`
    SELECT questionnaire_id, count(*)::int AS total, count(*) FILTER (WHERE answer IS NOT NULL)::int AS answered
    FROM (
      SELECT DISTINCT ON (questionnaire_id, criterion_id) questionnaire_id, answer
      FROM questionnaire_answers
      WHERE tenant_id = ${tenantId} AND questionnaire_id = ANY(${[...ids]}::uuid[])
      ORDER BY questionnaire_id, criterion_id, round DESC
    ) latest
    GROUP BY questionnaire_id`.execute(tx);
  for (const r of rows) out.set(r.questionnaire_id, { answered: Number(r.answered), total: Number(r.total) });
  return out;
}

/** Every answer row of a questionnaire, all rounds, with the reviewer's name. */
export function answerRows(tx: Tx, tenantId: string, questionnaireId: string) {
  return tx
    .selectFrom("questionnaire_answers as a")
    .leftJoin("users as u", "u.id", "a.reviewed_by")
    .where("a.tenant_id", "=", tenantId)
    .where("a.questionnaire_id", "=", questionnaireId)
    .selectAll("a")
    .select("u.display_name as reviewed_by_name")
    .orderBy("a.round")
    .execute();
}

/** One answer row with its reviewer's name. */
export type AnswerRow = Awaited<ReturnType<typeof answerRows>>[number];

/** Lock the answer row of one criterion in one round. */
export function lockAnswer(tx: Tx, tenantId: string, questionnaireId: string, criterionId: string, round: number) {
  return tx
    .selectFrom("questionnaire_answers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("questionnaire_id", "=", questionnaireId)
    .where("criterion_id", "=", criterionId)
    .where("round", "=", round)
    .forUpdate()
    .executeTakeFirst();
}

/** The evidence attached to answers, by id (current version's file facts). */
export async function evidenceByIds(tx: Tx, tenantId: string, ids: readonly string[]): Promise<Map<string, ItemEvidence>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .selectFrom("evidence_items as e")
    .innerJoin("evidence_versions as v", (j) => j.onRef("v.evidence_id", "=", "e.id").onRef("v.version", "=", "e.current_version"))
    .where("e.tenant_id", "=", tenantId)
    .where("e.id", "in", wanted)
    .select(["e.id", "e.title", "v.filename", "v.media_type", "v.size_bytes", "v.uploaded_at"])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        filename: r.filename,
        mediaType: r.media_type,
        sizeBytes: Number(r.size_bytes),
        uploadedAt: new Date(r.uploaded_at).toISOString(),
      },
    ]),
  );
}

/** A questionnaire's invitation links, the newest first. */
export function invitationRows(tx: Tx, tenantId: string, questionnaireId: string) {
  return tx
    .selectFrom("questionnaire_invitations")
    .select(["id", "email", "expires_at", "used_at", "revoked_at", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("questionnaire_id", "=", questionnaireId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}
