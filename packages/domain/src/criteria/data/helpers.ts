import { ENTITY_TYPES, type EntityType } from "../../entity-types.ts";
import type { ApplicabilityInput, Certainty, Provenance, RequirementLevel } from "../criteria.schema.ts";

/** Every entity type: CBP's "CORE" tag. */
export const CORE: readonly EntityType[] = ENTITY_TYPES;

/** One applicability entry. */
export function app(
  level: RequirementLevel,
  certainty: Certainty,
  source: string,
  extra: { mixed?: boolean; note?: string } = {},
): ApplicabilityInput {
  return { level, certainty, source, ...extra };
}

/** The same applicability entry for several entity types. */
export function each(types: readonly EntityType[], entry: ApplicabilityInput): Partial<Record<EntityType, ApplicabilityInput>> {
  return Object.fromEntries(types.map((t) => [t, { ...entry }]));
}

export function prov(certainty: Certainty, ...sources: string[]): Provenance {
  return { certainty, sources };
}
