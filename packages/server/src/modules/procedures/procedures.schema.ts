import { CriterionIdSchema } from "@portcullis/domain";
import { z } from "zod";
import { PageQuery, QueryBool, text } from "../../http/schemas.ts";

/** A person as the API shows one. */
export const PersonSchema = z.object({ id: z.string(), displayName: z.string() }).nullable();
export type Person = z.infer<typeof PersonSchema>;

/** Where a procedure stands: its newest version's state, `approved` once any version is in force, or archived. */
export const PROCEDURE_STATUSES = ["draft", "in_review", "approved", "archived"] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

/** MSC IDs a procedure covers: well-formed here (400); unknown to the library → 422 in the service. */
const CriterionIds = z.array(CriterionIdSchema).max(60);
const Interval = z.int().min(1).max(60);
const Body = text(100_000);

/** Body of POST /api/procedures. */
export const CreateProcedureBody = z.strictObject({
  code: text(40),
  title: text(200),
  body: Body,
  criterionIds: CriterionIds,
  ownerUserId: z.uuid().nullish(),
  requiresAck: z.boolean().optional(),
  /** Omitted or null: 12 months when a linked criterion needs yearly review, else 24. */
  reviewIntervalMonths: Interval.nullish(),
});
export type CreateProcedureInput = z.infer<typeof CreateProcedureBody>;

/** Body of PATCH /api/procedures/{id}. */
export const UpdateProcedureBody = z.strictObject({
  title: text(200).optional(),
  criterionIds: CriterionIds.optional(),
  ownerUserId: z.uuid().nullish(),
  requiresAck: z.boolean().optional(),
  reviewIntervalMonths: Interval.nullish(),
});
export type UpdateProcedureInput = z.infer<typeof UpdateProcedureBody>;

/** Body of POST /api/procedures/{id}/versions. */
export const NewVersionBody = z.strictObject({ body: Body, changeNote: text(1000) });
export type NewVersionInput = z.infer<typeof NewVersionBody>;

/** Body of PUT /api/procedures/{id}/draft. */
export const EditDraftBody = z.strictObject({ body: Body, changeNote: text(1000).nullish() });
export type EditDraftInput = z.infer<typeof EditDraftBody>;

/** Body of POST /api/procedures/{id}/reject. */
export const RejectBody = z.strictObject({ comment: text(2000) });

/** Query of GET /api/procedures. */
export const ListProceduresQuery = z.strictObject({
  q: text(200, 0).optional(),
  status: z.enum(PROCEDURE_STATUSES).optional(),
  reviewDue: QueryBool.optional(),
  criterionId: text(10).optional(),
  ...PageQuery,
});
export type ListProceduresQueryInput = z.infer<typeof ListProceduresQuery>;

/** A procedure as lists show it. */
export const ProcedureSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.enum(PROCEDURE_STATUSES),
  /** The version in force (approved), or null before the first approval. */
  currentVersion: z.number().nullable(),
  latestVersion: z.number(),
  /** An open draft or version under review, if any. */
  pending: z.object({ version: z.number(), status: z.enum(["draft", "in_review"]) }).nullable(),
  criterionIds: z.array(z.string()),
  owner: PersonSchema,
  requiresAck: z.boolean(),
  reviewIntervalMonths: z.number(),
  /** True when the interval is the default rather than set on the procedure. */
  reviewIntervalDefault: z.boolean(),
  yearlyReview: z.boolean(),
  approvedAt: z.string().nullable(),
  approvedBy: PersonSchema,
  nextReviewOn: z.string().nullable(),
  /** Review due within 30 days, or overdue. */
  reviewDue: z.boolean(),
  reviewOverdue: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const ProcedureListSchema = z.object({
  items: z.array(ProcedureSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** One version in a procedure's history (bodies are not repeated here). */
export const VersionSchema = z.object({
  version: z.number(),
  status: z.enum(["draft", "in_review", "approved", "superseded"]),
  changeNote: z.string().nullable(),
  author: PersonSchema,
  submittedAt: z.string().nullable(),
  approvedBy: PersonSchema,
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Version = z.infer<typeof VersionSchema>;

/** GET /api/procedures/{id}. */
export const ProcedureDetailSchema = ProcedureSchema.extend({
  versions: z.array(VersionSchema),
  /** Text of the newest version (the open draft or review when there is one). */
  body: z.string(),
  /** Text of the version in force, or null. */
  approvedBody: z.string().nullable(),
  /** When the caller acknowledged the version in force (null: not yet, or nothing to acknowledge). */
  acknowledgedAt: z.string().nullable(),
  /** The last rejection of the open draft, so its author sees why. */
  rejection: z.object({ version: z.number(), comment: z.string(), by: PersonSchema, at: z.string() }).nullable(),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetailSchema>;

/** GET /api/procedures/{id}/acknowledgements. */
export const AcknowledgementsSchema = z.object({
  version: z.number().nullable(),
  acknowledged: z.number(),
  total: z.number(),
  items: z.array(z.object({ user: PersonSchema, role: z.string(), acknowledgedAt: z.string().nullable() })),
});
export type Acknowledgements = z.infer<typeof AcknowledgementsSchema>;
