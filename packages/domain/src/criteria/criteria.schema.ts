import { z } from "zod";
import { EntityTypeSchema } from "../entity-types.ts";

/**
 * Schemas for the CTPAT Minimum Security Criteria (MSC) library.
 *
 * Facts come only from shared/domain/ctpat-reference*.md. Their tags map to certainty grades as follows:
 * V → "verified"; P (portal mock), Q (quoted in a developer file) and W (modal verb in a secondary list) → "secondary";
 * U (inferred, or sources disagree) → "uncertain".
 */

/** "must" = CBP "Must" (es "Debe"); "should" = CBP "Should" (es "Debería"). */
export const REQUIREMENT_LEVELS = ["must", "should"] as const;
export const RequirementLevelSchema = z.enum(REQUIREMENT_LEVELS);
export type RequirementLevel = z.infer<typeof RequirementLevelSchema>;

export const CERTAINTY_GRADES = ["verified", "secondary", "uncertain"] as const;
export const CertaintySchema = z.enum(CERTAINTY_GRADES);
export type Certainty = z.infer<typeof CertaintySchema>;

export const MSC_LANGS = ["en", "es"] as const;
export const MscLangSchema = z.enum(MSC_LANGS);
export type MscLang = z.infer<typeof MscLangSchema>;

/** Our own short wording; never copied sentences. */
export const BilingualTextSchema = z.object({
  en: z.string().trim().min(1).max(600),
  es: z.string().trim().min(1).max(600),
});
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** Requirement paraphrases stay short (≤ 400 characters in each language). */
export const RequirementTextSchema = z.object({
  en: z.string().trim().min(1).max(400),
  es: z.string().trim().min(1).max(400),
});

/**
 * Implementation guidance. `basis: "reference"` = drawn from facts in the reference files;
 * `basis: "editorial"` = a practical Portcullis suggestion, not CBP text.
 */
export const GuidanceSchema = BilingualTextSchema.extend({ basis: z.enum(["reference", "editorial"]) });

export const ProvenanceSchema = z.object({
  sources: z.array(z.string().min(1)).min(1),
  certainty: CertaintySchema,
  note: z.string().min(1).optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const FOCUS_AREA_IDS = ["corporate-security", "transportation-security", "people-and-physical-security"] as const;
export const FocusAreaIdSchema = z.enum(FOCUS_AREA_IDS);
export type FocusAreaId = z.infer<typeof FocusAreaIdSchema>;

export const FocusAreaSchema = z.object({
  id: FocusAreaIdSchema,
  number: z.int().min(1).max(3),
  name: BilingualTextSchema,
  provenance: ProvenanceSchema,
});
export type FocusArea = z.infer<typeof FocusAreaSchema>;

/** Category id = CBP's category number (1–12), the part of a criterion ID before the dot. */
export const MscCategoryIdSchema = z.int().min(1).max(12);
export type MscCategoryId = z.infer<typeof MscCategoryIdSchema>;

export const MscCategorySchema = z.object({
  id: MscCategoryIdSchema,
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  focusAreaId: FocusAreaIdSchema,
  name: BilingualTextSchema,
  /** How well the Spanish title is attested (glossary-es.md marks several "exact CBP wording unconfirmed"). */
  nameEsCertainty: CertaintySchema,
  provenance: ProvenanceSchema,
});
export type MscCategory = z.infer<typeof MscCategorySchema>;

/** CBP's shared numbering across entity types: "<category>.<n>", e.g. "6.2", "12.10". */
export const CriterionIdSchema = z.string().regex(/^(?:[1-9]|1[0-2])\.[1-9]\d?$/, "must look like 6.2 or 12.10");
export type CriterionId = z.infer<typeof CriterionIdSchema>;

export const ApplicabilitySchema = z.object({
  level: RequirementLevelSchema,
  certainty: CertaintySchema,
  /** Which reference file / booklet / deck supports this entity-type pairing and level. */
  source: z.string().min(1),
  /** The criterion mixes Must and Should sentences; `level` is its strictest part. */
  mixed: z.boolean().optional(),
  note: z.string().min(1).optional(),
});
export type Applicability = z.infer<typeof ApplicabilitySchema>;

/** A source ties the ID to an entity type but Must/Should could not be read (e.g. 6.4 for air carriers). */
export const LevelUnknownSchema = z.object({
  entityTypes: z.array(EntityTypeSchema).min(1),
  source: z.string().min(1),
  certainty: CertaintySchema,
  note: z.string().min(1),
});
export type LevelUnknown = z.infer<typeof LevelUnknownSchema>;

export const EffectiveChangeSchema = z
  .object({
    date: z.iso.date(),
    /** "month" when the source only gives a month; the date is then the first of that month. */
    datePrecision: z.enum(["day", "month"]).default("day"),
    change: z.enum(["added", "became-must", "became-should"]),
    /** Level in force from `date` on. */
    level: RequirementLevelSchema,
    entityTypes: z.array(EntityTypeSchema).min(1),
    source: z.string().min(1),
    certainty: CertaintySchema,
    note: z.string().min(1).optional(),
  })
  .refine((c) => c.change === "added" || c.change === `became-${c.level}`, "change and level disagree")
  .refine((c) => c.datePrecision === "day" || c.date.endsWith("-01"), "month precision dates use the first of the month");
export type EffectiveChange = z.infer<typeof EffectiveChangeSchema>;

export const CriterionSchema = z
  .object({
    id: CriterionIdSchema,
    categoryId: MscCategoryIdSchema,
    requirement: RequirementTextSchema,
    guidance: GuidanceSchema,
    /** Per entity type. A missing type means "not known to apply" in this data set (see library notes). */
    applicability: z.partialRecord(EntityTypeSchema, ApplicabilitySchema),
    levelUnknown: z.array(LevelUnknownSchema).default([]),
    effectiveChanges: z.array(EffectiveChangeSchema).default([]),
    provenance: ProvenanceSchema,
    /** The MSC text asks for a review at least once a year. */
    yearlyReview: z.boolean().optional(),
    yearlyReviewBasis: z.object({ source: z.string().min(1), certainty: CertaintySchema }).optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (Number(c.id.split(".")[0]) !== c.categoryId) {
      ctx.addIssue({ code: "custom", path: ["categoryId"], message: `does not match the ID prefix of ${c.id}` });
    }
    if (c.yearlyReview && !c.yearlyReviewBasis) {
      ctx.addIssue({ code: "custom", path: ["yearlyReviewBasis"], message: "a yearly review needs its source" });
    }
    for (const [type, a] of Object.entries(c.applicability)) {
      if (a?.mixed && a.level !== "must") {
        ctx.addIssue({ code: "custom", path: ["applicability", type], message: "a mixed criterion records its Must part" });
      }
      if (c.levelUnknown.some((u) => u.entityTypes.includes(type as never))) {
        ctx.addIssue({ code: "custom", path: ["levelUnknown"], message: `${type} has both a level and an unknown level` });
      }
    }
    for (const [i, ch] of c.effectiveChanges.entries()) {
      for (const type of ch.entityTypes) {
        if (!c.applicability[type]) {
          ctx.addIssue({ code: "custom", path: ["effectiveChanges", i], message: `${type} has no applicability` });
        }
      }
    }
    // The latest change for each entity type must match its current level.
    for (const [type, a] of Object.entries(c.applicability)) {
      const latest = c.effectiveChanges
        .filter((ch) => ch.entityTypes.includes(type as never))
        .sort((x, y) => x.date.localeCompare(y.date))
        .at(-1);
      if (latest && a && latest.level !== a.level) {
        ctx.addIssue({ code: "custom", path: ["applicability", type], message: "current level differs from the latest change" });
      }
    }
  });
export type Criterion = z.infer<typeof CriterionSchema>;
export type CriterionInput = z.input<typeof CriterionSchema>;
export type ApplicabilityInput = z.input<typeof ApplicabilitySchema>;

export const CriteriaLibrarySchema = z
  .object({
    /** Data version of this library (our own), independent of CBP's edition. */
    version: z.string().regex(/^\d{4}\.\d{2}-r\d+$/),
    edition: z.string().min(1),
    /** Date the MSC edition was published (final version posted to the CTPAT Portal). */
    publishedOn: z.iso.date(),
    publishedOnSource: z.string().min(1),
    notes: z.array(z.string().min(1)).min(1),
    focusAreas: z.array(FocusAreaSchema).length(3),
    categories: z.array(MscCategorySchema).length(12),
    criteria: z.array(CriterionSchema).min(1),
  })
  .superRefine((lib, ctx) => {
    const seen = new Set<string>();
    for (const [i, c] of lib.criteria.entries()) {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: `duplicate ID ${c.id}` });
      seen.add(c.id);
    }
    const focus = new Set(lib.focusAreas.map((f) => f.id));
    const categoryIds = lib.categories.map((c) => c.id);
    if (new Set(categoryIds).size !== 12)
      ctx.addIssue({ code: "custom", path: ["categories"], message: "category IDs must be 1–12, once each" });
    for (const [i, cat] of lib.categories.entries()) {
      if (!focus.has(cat.focusAreaId)) ctx.addIssue({ code: "custom", path: ["categories", i], message: "unknown focus area" });
    }
  });
export type CriteriaLibrary = z.infer<typeof CriteriaLibrarySchema>;
export type CriteriaLibraryInput = z.input<typeof CriteriaLibrarySchema>;
