import { z } from "zod";

/**
 * The 12 CTPAT entity types, as API/CLI slugs. Source: CBP's list of eligible business entities
 * (see shared/domain/ctpat-reference.md, "entity types").
 */
export const ENTITY_TYPES = [
  "importer",
  "exporter",
  "foreign-manufacturer",
  "highway-carrier",
  "mexican-long-haul-carrier",
  "rail-carrier",
  "sea-carrier",
  "air-carrier",
  "marine-port-terminal-operator",
  "consolidator",
  "customs-broker",
  "3pl",
] as const;

export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** CTPAT membership status of a tenant. */
export const CTPAT_STATUSES = ["applicant", "certified", "validated", "suspended", "removed", "inactive"] as const;
export const CtpatStatusSchema = z.enum(CTPAT_STATUSES);

/** Importer tiers (CTPAT Tier I–III); null for entity types without tiers. */
export const CTPAT_TIERS = ["tier-1", "tier-2", "tier-3"] as const;
export const CtpatTierSchema = z.enum(CTPAT_TIERS);
