import {
  ApplicabilitySchema,
  CertaintySchema,
  EntityTypeSchema,
  FocusAreaIdSchema,
  LevelUnknownSchema,
  MscLangSchema,
  ProvenanceSchema,
  RequirementLevelSchema,
} from "@portcullis/domain";
import { z } from "zod";
import { text } from "../../http/schemas.ts";

const Bilingual = z.object({ en: z.string(), es: z.string() });

/** One MSC criterion as the API shows it. Provenance and certainty always travel with it. */
export const CriterionViewSchema = z.object({
  id: z.string(),
  categoryId: z.number(),
  focusAreaId: FocusAreaIdSchema,
  requirement: Bilingual,
  guidance: Bilingual.extend({ basis: z.enum(["reference", "editorial"]) }),
  /** For the entity type asked for, or the strictest over all types; null when no source gives one. */
  level: RequirementLevelSchema.nullable(),
  certainty: CertaintySchema,
  /** Every entity type a source ties the criterion to with a known level. */
  appliesTo: z.array(EntityTypeSchema),
  applicability: z.partialRecord(EntityTypeSchema, ApplicabilitySchema),
  levelUnknown: z.array(LevelUnknownSchema),
  effectiveChanges: z.array(
    z.object({
      date: z.string(),
      datePrecision: z.enum(["day", "month"]),
      change: z.enum(["added", "became-must", "became-should"]),
      level: RequirementLevelSchema,
      entityTypes: z.array(EntityTypeSchema),
      source: z.string(),
      certainty: CertaintySchema,
      note: z.string().optional(),
    }),
  ),
  provenance: ProvenanceSchema,
  yearlyReview: z.boolean(),
});
export type CriterionView = z.infer<typeof CriterionViewSchema>;

/** GET /api/criteria. */
export const CriteriaListSchema = z.object({
  library: z.object({ version: z.string(), edition: z.string(), publishedOn: z.string() }),
  focusAreas: z.array(z.object({ id: FocusAreaIdSchema, number: z.number(), name: Bilingual, provenance: ProvenanceSchema })),
  categories: z.array(
    z.object({
      id: z.number(),
      slug: z.string(),
      focusAreaId: FocusAreaIdSchema,
      name: Bilingual,
      nameEsCertainty: CertaintySchema,
      provenance: ProvenanceSchema,
    }),
  ),
  items: z.array(CriterionViewSchema),
  total: z.number(),
});
export type CriteriaList = z.infer<typeof CriteriaListSchema>;

/** Query of GET /api/criteria. */
export const ListCriteriaQuery = z.strictObject({
  entityType: EntityTypeSchema.optional(),
  categoryId: z.coerce.number().int().min(1).max(12).optional(),
  level: RequirementLevelSchema.optional(),
  q: text(200, 0).optional(),
  /** Search only this language's texts (both when omitted); views are always bilingual. */
  lang: MscLangSchema.optional(),
});
export type ListCriteriaQueryInput = z.infer<typeof ListCriteriaQuery>;

/** Path of GET /api/criteria/{criterionId}: any short string; what is not a known ID answers 404. */
export const CriterionIdParams = z.strictObject({ criterionId: z.string().max(100) });
