/** Enumerations of the Portcullis domain, kept in sync with packages/domain. */

export const ROLES = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor", "partner"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may change program data such as sites. */
export const EDITOR_ROLES: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];

/** Roles that administer the tenant: users, tokens, company profile. */
export const ADMIN_ROLES: readonly Role[] = ["owner", "admin"];

export const SITE_KINDS = [
  "office",
  "warehouse",
  "distribution-center",
  "factory",
  "yard",
  "port-terminal",
  "border-crossing-point",
  "cross-dock",
  "other",
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

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
export type EntityType = (typeof ENTITY_TYPES)[number];

export const CTPAT_STATUSES = ["applicant", "certified", "validated", "suspended", "removed", "inactive"] as const;
export type CtpatStatus = (typeof CTPAT_STATUSES)[number];

export const CTPAT_TIERS = ["tier-1", "tier-2", "tier-3"] as const;
export type CtpatTier = (typeof CTPAT_TIERS)[number];

export function isEditor(role: Role | null | undefined): boolean {
  return !!role && EDITOR_ROLES.includes(role);
}

export function isAdmin(role: Role | null | undefined): boolean {
  return !!role && ADMIN_ROLES.includes(role);
}
