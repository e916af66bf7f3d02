import { RequirementLevelSchema } from "@portcullis/domain";
import { z } from "zod";
import { DateString, longText, PageQuery, text } from "../../http/schemas.ts";

/** Where a questionnaire stands: draft → sent → in_progress → submitted → (changes_requested → submitted)* → accepted. */
export const QUESTIONNAIRE_STATUSES = ["draft", "sent", "in_progress", "submitted", "changes_requested", "accepted", "cancelled"] as const;
export const QuestionnaireStatusSchema = z.enum(QUESTIONNAIRE_STATUSES);
export type QuestionnaireStatus = z.infer<typeof QuestionnaireStatusSchema>;

/** The statuses in which the partner may still answer (and so may be sent a link). */
export const PARTNER_EDITABLE: readonly QuestionnaireStatus[] = ["sent", "in_progress", "changes_requested"];

/** A partner's answer to one criterion. */
export const ANSWERS = ["yes", "partial", "no", "not_applicable"] as const;
export const AnswerSchema = z.enum(ANSWERS);
export type Answer = z.infer<typeof AnswerSchema>;

/** The language the questionnaire is worded in (the partner's). */
export const QuestionnaireLangSchema = z.enum(["en", "es"]);
export type QuestionnaireLang = z.infer<typeof QuestionnaireLangSchema>;

/** Invitation links live 1 to 60 days. */
export const INVITATION_DAYS = { min: 1, max: 60, default: 14 } as const;

// ─── Requests ────────────────────────────────────────────────────────────────────────────────────────

/** Body of POST /api/questionnaires. */
export const CreateQuestionnaireBody = z.strictObject({
  partnerId: z.string().max(100),
  dueOn: DateString,
  lang: QuestionnaireLangSchema.default("en"),
});
export type CreateQuestionnaireInput = z.infer<typeof CreateQuestionnaireBody>;

/** Query of GET /api/questionnaires. */
export const ListQuestionnairesQuery = z.strictObject({
  partnerId: z.string().max(100).optional(),
  status: QuestionnaireStatusSchema.optional(),
  ...PageQuery,
});
export type ListQuestionnairesQueryInput = z.infer<typeof ListQuestionnairesQuery>;

/** Body of POST /api/questionnaires/{id}/invitations. */
export const CreateInvitationBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).email().nullish(),
  expiresInDays: z.number().int().min(INVITATION_DAYS.min).max(INVITATION_DAYS.max).default(INVITATION_DAYS.default),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationBody>;

/** Body of POST /api/questionnaires/{id}/review: a decision for every item of the current round. */
export const ReviewBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        criterionId: z.string().max(20),
        decision: z.enum(["accept", "change"]),
        comment: longText(2000).nullish(),
      }),
    )
    .min(1)
    .max(200),
});
export type ReviewInput = z.infer<typeof ReviewBody>;

/** Body of PUT /api/partner/questionnaire/answers/{criterionId} (a draft save; null clears the answer). */
export const PartnerAnswerBody = z.strictObject({
  answer: AnswerSchema.nullable(),
  comment: longText(4000).nullish(),
});
export type PartnerAnswerInput = z.infer<typeof PartnerAnswerBody>;

/** Text fields of the partner's evidence upload. */
export const PartnerEvidenceFields = z.strictObject({
  criterionId: text(20),
  title: text(200).optional(),
});

/** Path of the partner's answer route. */
export const CriterionParams = z.strictObject({ criterionId: z.string().max(100) });

/** Path of the invitation landing route. */
export const TokenParams = z.strictObject({ token: z.string().max(200) });

/** Body of POST /api/partner-access/exchange. */
export const ExchangeBody = z.strictObject({ token: z.string().min(1).max(200) });

// ─── Responses ───────────────────────────────────────────────────────────────────────────────────────

const Person = z.object({ id: z.string(), displayName: z.string() }).nullable();

/** A questionnaire in lists. */
export const QuestionnaireSummarySchema = z.object({
  id: z.string(),
  partner: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  entityType: z.string(),
  status: QuestionnaireStatusSchema,
  lang: QuestionnaireLangSchema,
  dueOn: z.string().nullable(),
  round: z.number(),
  score: z.number().nullable(),
  progress: z.object({ answered: z.number(), total: z.number() }),
  createdBy: Person,
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummarySchema>;

export const QuestionnaireListSchema = z.object({
  items: z.array(QuestionnaireSummarySchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** One piece of evidence attached to an answer. */
export const ItemEvidenceSchema = z.object({
  id: z.string(),
  title: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export type ItemEvidence = z.infer<typeof ItemEvidenceSchema>;

/** The criterion an item asks about, worded in the questionnaire's language. */
const CriterionWording = {
  criterionId: z.string(),
  categoryId: z.number(),
  level: RequirementLevelSchema,
  /** "Must"/"Should", or "Debe"/"Debería" in Spanish. */
  levelLabel: z.string(),
  requirement: z.string(),
  guidance: z.string(),
};

/** One item as the company's reviewers see it (one row of one round). */
export const ReviewerItemSchema = z.object({
  ...CriterionWording,
  round: z.number(),
  answer: AnswerSchema.nullable(),
  comment: z.string().nullable(),
  evidence: z.array(ItemEvidenceSchema),
  review: z.enum(["accepted", "change_requested"]).nullable(),
  reviewComment: z.string().nullable(),
  reviewedBy: Person,
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReviewerItem = z.infer<typeof ReviewerItemSchema>;

/** An invitation link as the reviewers see it (never the token). */
export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  state: z.enum(["open", "used", "expired", "revoked"]),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** GET /api/questionnaires/{id}: every criterion in its latest state, the earlier rounds, the links. */
export const QuestionnaireDetailSchema = QuestionnaireSummarySchema.extend({
  items: z.array(ReviewerItemSchema),
  rounds: z.array(z.object({ round: z.number(), items: z.array(ReviewerItemSchema) })),
  invitations: z.array(InvitationSchema),
});
export type QuestionnaireDetail = z.infer<typeof QuestionnaireDetailSchema>;

/** POST /api/questionnaires/{id}/invitations: the link, shown this once. */
export const InvitationCreatedSchema = z.object({
  id: z.string(),
  url: z.string(),
  email: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

/** POST /api/questionnaires/{id}/invitations/revoke. */
export const RevokeResultSchema = z.object({ revokedInvitations: z.number(), revokedSessions: z.number() });

/** GET /api/partner-access/{token}: what the landing page shows before the link is spent. */
export const LandingSchema = z.object({
  company: z.string(),
  partner: z.string(),
  status: QuestionnaireStatusSchema,
  lang: QuestionnaireLangSchema,
  dueOn: z.string().nullable(),
  expiresAt: z.string(),
});
export type Landing = z.infer<typeof LandingSchema>;

/** POST /api/partner-access/exchange (the session id travels only in the cookie). */
export const ExchangeResultSchema = z.object({ csrfToken: z.string(), expiresAt: z.string() });

/** One item as the partner sees it. */
export const PartnerItemSchema = z.object({
  ...CriterionWording,
  answer: AnswerSchema.nullable(),
  comment: z.string().nullable(),
  evidence: z.array(ItemEvidenceSchema),
  /** True when the partner may still change this item (open status and, after round 1, a change was requested). */
  editable: z.boolean(),
  /** The reviewer's comment when this item was sent back. */
  changeRequest: z.string().nullable(),
});
export type PartnerItem = z.infer<typeof PartnerItemSchema>;

/** GET /api/partner/questionnaire. */
export const PartnerQuestionnaireSchema = z.object({
  company: z.string(),
  partner: z.string(),
  status: QuestionnaireStatusSchema,
  lang: QuestionnaireLangSchema,
  dueOn: z.string().nullable(),
  round: z.number(),
  progress: z.object({ answered: z.number(), total: z.number() }),
  canSubmit: z.boolean(),
  /** The partner session's CSRF token (for a reloaded page) and when the session ends. */
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
  items: z.array(PartnerItemSchema),
});
export type PartnerQuestionnaire = z.infer<typeof PartnerQuestionnaireSchema>;

/** POST /api/partner/questionnaire/submit. */
export const SubmitResultSchema = z.object({ status: QuestionnaireStatusSchema, submittedAt: z.string() });
