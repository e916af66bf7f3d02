import { z } from "zod";
import type { EntityType } from "../entity-types.ts";

/** Kinds of business partner a CTPAT member screens (MSC category 3). */
export const PARTNER_TYPES = [
  "manufacturer",
  "highway-carrier",
  "rail-carrier",
  "sea-carrier",
  "air-carrier",
  "customs-broker",
  "consolidator",
  "3pl",
  "terminal-operator",
  "exporter",
  "other",
] as const;
export const PartnerTypeSchema = z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerTypeSchema>;

/**
 * The CTPAT entity type whose MSC booklet fits a partner type: a partner questionnaire is built from the
 * criteria that apply to it. "other" has no booklet; questionnaires then use the importer's set.
 */
export const PARTNER_ENTITY_TYPE: Record<PartnerType, EntityType> = {
  manufacturer: "foreign-manufacturer",
  "highway-carrier": "highway-carrier",
  "rail-carrier": "rail-carrier",
  "sea-carrier": "sea-carrier",
  "air-carrier": "air-carrier",
  "customs-broker": "customs-broker",
  consolidator: "consolidator",
  "3pl": "3pl",
  "terminal-operator": "marine-port-terminal-operator",
  exporter: "exporter",
  other: "importer",
};

/** Partner lifecycle: prospect → screening → approved → suspended/terminated. */
export const PARTNER_STATUSES = ["prospect", "screening", "approved", "suspended", "terminated"] as const;
export const PartnerStatusSchema = z.enum(PARTNER_STATUSES);
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>;

const TRANSITIONS: Record<PartnerStatus, readonly PartnerStatus[]> = {
  prospect: ["screening", "terminated"],
  screening: ["approved", "prospect", "terminated"],
  approved: ["suspended", "terminated", "screening"],
  // A suspended partner comes back only through a new screening.
  suspended: ["screening", "terminated"],
  terminated: [],
};

/** The statuses a partner may move to from `from` (terminated is final). */
export function nextPartnerStatuses(from: PartnerStatus): readonly PartnerStatus[] {
  return TRANSITIONS[from];
}

/** True when a partner may move from `from` to `to`. */
export function canMovePartner(from: PartnerStatus, to: PartnerStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
