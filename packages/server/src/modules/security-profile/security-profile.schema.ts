import { CertaintySchema, EntityTypeSchema, FocusAreaIdSchema, ProvenanceSchema, RequirementLevelSchema } from "@portcullis/domain";
import { z } from "zod";
import { DateString, longText, text } from "../../http/schemas.ts";

/** Where a criterion stands in the company's self-assessment. `not_assessed` is also what "no row yet" means. */
export const PROFILE_STATUSES = ["not_assessed", "implemented", "partial", "not_implemented", "not_applicable"] as const;
export const ProfileStatusSchema = z.enum(PROFILE_STATUSES);
export type ProfileStatus = z.infer<typeof ProfileStatusSchema>;

/** Approval state of a "not applicable": only a Must needs one. */
export const NA_STATUSES = ["none", "pending", "approved"] as const;
export type NaStatus = (typeof NA_STATUSES)[number];

/** The shortcut filters of the profile list (and the gap dashboard's attention counts). */
export const PROFILE_FILTERS = ["musts-not-met", "no-evidence", "review-overdue", "na-pending"] as const;
export type ProfileFilter = (typeof PROFILE_FILTERS)[number];

/** A person as the API shows one. */
export const PersonSchema = z.object({ id: z.string(), displayName: z.string() }).nullable();
export type Person = z.infer<typeof PersonSchema>;

const Bilingual = z.object({ en: z.string(), es: z.string() });

/** One criterion of the company's profile, saved or not. */
export const ProfileItemViewSchema = z.object({
  criterionId: z.string(),
  categoryId: z.number(),
  focusAreaId: FocusAreaIdSchema,
  level: RequirementLevelSchema,
  certainty: CertaintySchema,
  appliesTo: z.array(EntityTypeSchema),
  requirement: Bilingual,
  provenance: ProvenanceSchema,
  yearlyReview: z.boolean(),
  status: ProfileStatusSchema,
  narrative: z.string().nullable(),
  owner: PersonSchema,
  naJustification: z.string().nullable(),
  naStatus: z.enum(NA_STATUSES),
  /** Who asked for the N/A (the approver must be someone else). */
  naRequestedBy: PersonSchema,
  naApprovedBy: PersonSchema,
  naApprovedAt: z.string().nullable(),
  lastReviewedOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  evidenceCount: z.number(),
  procedureCount: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: PersonSchema,
});
export type ProfileItemView = z.infer<typeof ProfileItemViewSchema>;

/** GET /api/security-profile. */
export const ProfileListSchema = z.object({
  entityTypes: z.array(EntityTypeSchema),
  anniversaryDate: z.string().nullable(),
  items: z.array(ProfileItemViewSchema),
  total: z.number(),
});
export type ProfileList = z.infer<typeof ProfileListSchema>;

/** Query of GET /api/security-profile. */
export const ListProfileQuery = z.strictObject({
  categoryId: z.coerce.number().int().min(1).max(12).optional(),
  focusAreaId: FocusAreaIdSchema.optional(),
  level: RequirementLevelSchema.optional(),
  status: ProfileStatusSchema.optional(),
  filter: z.enum(PROFILE_FILTERS).optional(),
  q: text(200, 0).optional(),
});
export type ListProfileQueryInput = z.infer<typeof ListProfileQuery>;

/** Path of the item routes; any string, the service answers 404 for what is not an applicable criterion. */
export const CriterionParams = z.strictObject({ criterionId: z.string().max(100) });

/** Body of PUT /api/security-profile/items/{criterionId}. An omitted field keeps its saved value; null clears it. */
export const PutProfileItemBody = z.strictObject({
  status: ProfileStatusSchema,
  narrative: longText(10_000).nullish(),
  ownerUserId: z.uuid().nullish(),
  naJustification: longText(4_000).nullish(),
  lastReviewedOn: DateString.nullish(),
});
export type PutProfileItemInput = z.infer<typeof PutProfileItemBody>;

/** GET /api/security-profile/items/{criterionId}: the item with what supports it. */
export const ProfileItemDetailSchema = ProfileItemViewSchema.extend({
  evidence: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      currentVersion: z.number(),
      sha256: z.string().nullable(),
      filename: z.string().nullable(),
      expiresOn: z.string().nullable(),
      status: z.enum(["valid", "expiring", "expired", "no-expiry"]),
    }),
  ),
  procedures: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), status: z.string() })),
});
export type ProfileItemDetail = z.infer<typeof ProfileItemDetailSchema>;

/** How many items are in each status. */
export const CountsSchema = z.object({
  total: z.number(),
  implemented: z.number(),
  partial: z.number(),
  not_implemented: z.number(),
  not_applicable: z.number(),
  not_assessed: z.number(),
});
export type Counts = z.infer<typeof CountsSchema>;

/** GET /api/security-profile/gaps. */
export const GapsSchema = z.object({
  score: z.number(),
  totals: CountsSchema,
  byFocusArea: z.array(z.object({ focusAreaId: FocusAreaIdSchema, name: Bilingual, must: CountsSchema, should: CountsSchema })),
  byCategory: z.array(
    z.object({
      categoryId: z.number(),
      focusAreaId: FocusAreaIdSchema,
      name: Bilingual,
      must: CountsSchema,
      should: CountsSchema,
      evidenceLinks: z.number(),
    }),
  ),
  attention: z.object({ mustsNotMet: z.number(), noEvidence: z.number(), reviewOverdue: z.number(), naPending: z.number() }),
});
export type Gaps = z.infer<typeof GapsSchema>;
