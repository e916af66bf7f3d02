import { z } from "zod";
import { longText } from "../../http/schemas.ts";
import { PersonSchema } from "../procedures/procedures.schema.ts";

/** Body of POST /api/security-profile/reviews (the anniversary comes from the company profile). */
export const OpenReviewBody = z.strictObject({});

/** Path of the task route; any short strings, the service answers 404 for what is not a task of ours. */
export const TaskParams = z.strictObject({ id: z.string().max(100), categoryId: z.string().max(10) });

/** Body of PATCH /api/security-profile/reviews/{id}/tasks/{categoryId}. */
export const UpdateTaskBody = z.strictObject({
  ownerUserId: z.uuid().nullish(),
  status: z.enum(["open", "done"]).optional(),
  note: longText(4000).nullish(),
});
export type UpdateTaskInput = z.infer<typeof UpdateTaskBody>;

/** Body of POST /api/security-profile/reviews/{id}/sign. */
export const SignBody = z.strictObject({ note: longText(4000).nullish() });

/** Query of GET /api/security-profile/reviews/compare: `from` defaults to the latest signed review, `to` to "current". */
export const CompareQuery = z.strictObject({ from: z.string().max(100).optional(), to: z.string().max(100).default("current") });

/** One review in the list. */
export const ReviewSummarySchema = z.object({
  id: z.string(),
  anniversaryOn: z.string(),
  opensOn: z.string(),
  status: z.enum(["open", "signed"]),
  version: z.number().nullable(),
  snapshotHash: z.string().nullable(),
  signedBy: PersonSchema,
  signedAt: z.string().nullable(),
  tasksDone: z.number(),
  tasksTotal: z.number(),
  createdBy: PersonSchema,
  createdAt: z.string(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

/** GET /api/security-profile/reviews. */
export const ReviewOverviewSchema = z.object({
  anniversaryDate: z.string().nullable(),
  nextAnniversary: z.string().nullable(),
  windowOpensOn: z.string().nullable(),
  windowOpen: z.boolean(),
  items: z.array(ReviewSummarySchema),
});

const Counts = z.object({
  total: z.number(),
  implemented: z.number(),
  partial: z.number(),
  not_implemented: z.number(),
  not_applicable: z.number(),
  not_assessed: z.number(),
});

/** GET /api/security-profile/reviews/{id}. */
export const ReviewDetailSchema = ReviewSummarySchema.extend({
  signoffNote: z.string().nullable(),
  tasks: z.array(
    z.object({
      categoryId: z.number(),
      name: z.object({ en: z.string(), es: z.string() }),
      owner: PersonSchema,
      status: z.enum(["open", "done"]),
      note: z.string().nullable(),
      completedBy: PersonSchema,
      completedAt: z.string().nullable(),
    }),
  ),
  /** What was frozen at signing (null while open). `hashVerified`: the stored snapshot still hashes to its SHA-256. */
  snapshot: z
    .object({
      version: z.number(),
      sha256: z.string(),
      hashVerified: z.boolean(),
      takenOn: z.string(),
      items: z.number(),
      counts: Counts,
      evidenceFiles: z.number(),
      procedures: z.number(),
    })
    .nullable(),
});
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

const Side = z
  .object({
    status: z.string(),
    narrative: z.string().nullable(),
    owner: z.string().nullable(),
    naJustification: z.string().nullable(),
    evidence: z.array(z.object({ title: z.string(), version: z.number(), sha256: z.string() })),
    procedures: z.array(z.object({ code: z.string(), title: z.string(), approvedVersion: z.number().nullable() })),
  })
  .nullable();

const CompareEnd = z.object({
  id: z.string(),
  version: z.number().nullable(),
  anniversaryOn: z.string().nullable(),
  signedAt: z.string().nullable(),
  takenOn: z.string(),
});

/** GET /api/security-profile/reviews/compare. */
export const CompareSchema = z.object({
  from: CompareEnd,
  to: CompareEnd,
  changed: z.number(),
  rows: z.array(z.object({ criterionId: z.string(), level: z.string(), from: Side, to: Side, changed: z.boolean() })),
});
export type Compare = z.infer<typeof CompareSchema>;
