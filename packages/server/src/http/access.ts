import { APPROVER_ROLES, EDITOR_ROLES, INTERNAL_ROLES, type Role } from "@portcullis/domain";

/**
 * Who may call a route, declared on every route as `config.access`. The authorization hook enforces
 * it and the authorization-matrix test reads it from the router to check every route.
 */
export type Access =
  | { public: true }
  /** Any authenticated user, with or without a current tenant (e.g. /auth/me). */
  | { authenticated: true }
  /** Members of the current tenant holding one of these roles. */
  | { roles: readonly Role[] }
  /**
   * An outside business partner answering a questionnaire through a partner session (`pc_partner` cookie) and
   * nothing else: user sessions and API tokens are not accepted here, and a partner session nowhere else.
   */
  | { partner: true };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Route config for reads of tenant data: every internal role (not outside partners). */
export const READ_ACCESS: { access: Access } = { access: { roles: INTERNAL_ROLES } };
/** Route config for edits of tenant data: the editor roles. */
export const EDIT_ACCESS: { access: Access } = { access: { roles: EDITOR_ROLES } };
/** Route config for decisions that need an approver (approvals, sign-offs, match decisions). */
export const APPROVE_ACCESS: { access: Access } = { access: { roles: APPROVER_ROLES } };
