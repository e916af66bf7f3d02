import { MSC_LIBRARY } from "./library.ts";
import { createCriteriaIndex } from "./lookup.ts";

export * from "./criteria.schema.ts";
export { MSC_LIBRARY } from "./library.ts";
export {
  type CombinedCriterion,
  type CriteriaIndex,
  type CriteriaSearch,
  compareCriterionIds,
  createCriteriaIndex,
  levelLabel,
} from "./lookup.ts";

const index = createCriteriaIndex(MSC_LIBRARY);

/** A criterion by its CBP ID ("6.2"), or undefined. */
export const getCriterion = index.getCriterion;
/** Union of the criteria for several entity types; Must beats Should and `mustBecause` names the types that made it Must. */
export const criteriaFor = index.criteriaFor;
/** Criteria tied to these entity types whose Must/Should the sources do not show. */
export const levelUnknownFor = index.levelUnknownFor;
/** Search by ID prefix ("6.") and/or English or Spanish words, accent-insensitive, with filters. */
export const searchCriteria = index.searchCriteria;
/** Must/Should for an entity type on a date, applying effective-date changes; null if not in force or not known to apply. */
export const levelOn = index.levelOn;
