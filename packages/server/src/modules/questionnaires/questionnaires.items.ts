import {
  compareCriterionIds,
  criteriaFor,
  type EntityType,
  EntityTypeSchema,
  getCriterion,
  levelLabel,
  PARTNER_ENTITY_TYPE,
  PartnerTypeSchema,
  type RequirementLevel,
} from "@portcullis/domain";
import type { Answer, QuestionnaireLang } from "./questionnaires.schema.ts";

/** The CTPAT entity type whose criteria a partner of this type answers ("other" partners answer as importers). */
export function entityTypeOfPartner(partnerType: string): EntityType {
  const parsed = PartnerTypeSchema.safeParse(partnerType);
  return parsed.success ? PARTNER_ENTITY_TYPE[parsed.data] : "importer";
}

/** The criteria a questionnaire for this entity type asks about, in CBP's order. */
export function questionnaireCriteria(entityType: EntityType): { criterionId: string; level: RequirementLevel }[] {
  return criteriaFor([entityType]).map((c) => ({ criterionId: c.criterion.id, level: c.level }));
}

/** What an item shows of its criterion, worded in the questionnaire's language. */
export interface CriterionWording {
  criterionId: string;
  categoryId: number;
  level: RequirementLevel;
  levelLabel: string;
  requirement: string;
  guidance: string;
}

/**
 * Wording of the criteria of a questionnaire's entity type, by criterion ID. A stored criterion that the library
 * no longer ties to the entity type is still worded (as a Should), so an old questionnaire always reads whole.
 */
export function createWording(entityType: string, lang: QuestionnaireLang): (criterionId: string) => CriterionWording {
  const parsed = EntityTypeSchema.safeParse(entityType);
  const levels = new Map(parsed.success ? questionnaireCriteria(parsed.data).map((c) => [c.criterionId, c.level]) : []);
  return (criterionId) => {
    const criterion = getCriterion(criterionId);
    const level = levels.get(criterionId) ?? "should";
    return {
      criterionId,
      categoryId: criterion?.categoryId ?? 0,
      level,
      levelLabel: levelLabel(level, lang),
      requirement: criterion?.requirement[lang] ?? criterionId,
      guidance: criterion?.guidance[lang] ?? "",
    };
  };
}

/** Sort anything keyed by criterion ID in CBP's numeric order. */
export function byCriterion<T extends { criterionId: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId));
}

const ANSWER_POINTS: Record<Exclude<Answer, "not_applicable">, number> = { yes: 100, partial: 50, no: 0 };
const LEVEL_WEIGHT: Record<RequirementLevel, number> = { must: 2, should: 1 };

/**
 * The questionnaire's score, 0–100: yes 100, partial 50, no 0, each Must counting twice; "not applicable" is left
 * out. An unanswered item counts as no (acceptance needs every item answered, so this is only a safe default).
 * Null when nothing is left to score (every item not applicable).
 */
export function questionnaireScore(items: readonly { level: RequirementLevel; answer: Answer | null }[]): number | null {
  let points = 0;
  let weight = 0;
  for (const item of items) {
    if (item.answer === "not_applicable") continue;
    const w = LEVEL_WEIGHT[item.level];
    points += w * (item.answer ? ANSWER_POINTS[item.answer] : 0);
    weight += w;
  }
  return weight === 0 ? null : Math.round(points / weight);
}
