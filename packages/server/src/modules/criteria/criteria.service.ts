import {
  type Certainty,
  type Criterion,
  CriterionIdSchema,
  type EntityType,
  getCriterion,
  MSC_LIBRARY,
  type RequirementLevel,
  searchCriteria,
} from "@portcullis/domain";
import { notFound } from "../../errors.ts";
import type { CriteriaList, CriterionView, ListCriteriaQueryInput } from "./criteria.schema.ts";

const CERTAINTY_RANK: Record<Certainty, number> = { verified: 0, secondary: 1, uncertain: 2 };
const FOCUS_OF_CATEGORY = new Map(MSC_LIBRARY.categories.map((c) => [c.id, c.focusAreaId]));

/**
 * Level and certainty of a criterion for one entity type, or over all of them (Must beats Should; the best
 * certainty among the types that set that level). When no level is known, the certainty of what is known
 * (the level-unknown entry, else the criterion's own provenance) so a grade is never missing.
 */
function levelOf(c: Criterion, entityType?: EntityType): { level: RequirementLevel | null; certainty: Certainty } {
  const entries = Object.entries(c.applicability).flatMap(([type, a]) => (a && (!entityType || type === entityType) ? [a] : []));
  if (entries.length === 0) {
    const unknown = c.levelUnknown.find((u) => !entityType || u.entityTypes.includes(entityType));
    return { level: null, certainty: unknown?.certainty ?? c.provenance.certainty };
  }
  const level: RequirementLevel = entries.some((a) => a.level === "must") ? "must" : "should";
  const certainty = entries
    .filter((a) => a.level === level)
    .map((a) => a.certainty)
    .sort((x, y) => CERTAINTY_RANK[x] - CERTAINTY_RANK[y])[0] as Certainty;
  return { level, certainty };
}

/** Whitelist a library criterion for the API, with its level for `entityType` (or the strictest). */
export function presentCriterion(c: Criterion, entityType?: EntityType): CriterionView {
  return {
    id: c.id,
    categoryId: c.categoryId,
    focusAreaId: FOCUS_OF_CATEGORY.get(c.categoryId) ?? "corporate-security",
    requirement: { en: c.requirement.en, es: c.requirement.es },
    guidance: { en: c.guidance.en, es: c.guidance.es, basis: c.guidance.basis },
    ...levelOf(c, entityType),
    appliesTo: Object.keys(c.applicability) as EntityType[],
    applicability: c.applicability,
    levelUnknown: c.levelUnknown,
    effectiveChanges: c.effectiveChanges,
    provenance: c.provenance,
    yearlyReview: c.yearlyReview === true,
  };
}

/**
 * GET /api/criteria: the library with its structure, filtered. `q` is the domain's search (ID prefixes, words
 * in any order, accent-insensitive). `level` filters on the level shown, so the list never contradicts itself.
 */
export function listCriteria(options: { query: ListCriteriaQueryInput }): CriteriaList {
  const { query } = options;
  const found = searchCriteria({ text: query.q, lang: query.lang, entityType: query.entityType, categoryId: query.categoryId });
  const items = found.map((c) => presentCriterion(c, query.entityType)).filter((v) => !query.level || v.level === query.level);
  return {
    library: { version: MSC_LIBRARY.version, edition: MSC_LIBRARY.edition, publishedOn: MSC_LIBRARY.publishedOn },
    focusAreas: MSC_LIBRARY.focusAreas.map((f) => ({ id: f.id, number: f.number, name: f.name, provenance: f.provenance })),
    categories: MSC_LIBRARY.categories.map((c) => ({
      id: c.id,
      slug: c.slug,
      focusAreaId: c.focusAreaId,
      name: c.name,
      nameEsCertainty: c.nameEsCertainty,
      provenance: c.provenance,
    })),
    items,
    total: items.length,
  };
}

/** GET /api/criteria/{criterionId}; anything that is not a known ID exactly ("6.2", not " 6.2" or "6.02") → 404. */
export function getCriterionView(options: { criterionId: string }): CriterionView {
  const { criterionId } = options;
  const criterion = CriterionIdSchema.safeParse(criterionId).success ? getCriterion(criterionId) : undefined;
  if (!criterion) throw notFound("Criterion");
  return presentCriterion(criterion);
}
