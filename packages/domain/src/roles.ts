import { z } from "zod";

/** Membership roles inside one tenant, from most to least privileged. */
export const ROLES = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor", "partner"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Roles that may read the tenant's program data (everyone inside the company, not partners). */
export const INTERNAL_ROLES: readonly Role[] = ROLES.filter((r) => r !== "partner");

/** Roles that may change program data such as sites. */
export const EDITOR_ROLES: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];

/** Roles that administer the tenant: users, tokens, company profile. */
export const ADMIN_ROLES: readonly Role[] = ["owner", "admin"];

/** Roles that approve and sign: "not applicable" on a Must, procedure versions, the annual profile review. */
export const APPROVER_ROLES: readonly Role[] = ["owner", "admin", "security-manager"];
