import type { FastifyPluginAsync } from "fastify";
import { auditRoutes } from "./audit/audit.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { criteriaRoutes } from "./criteria/criteria.routes.ts";
import { evidenceRoutes } from "./evidence/evidence.routes.ts";
import { exportsRoutes } from "./exports/exports.routes.ts";
import { frameworksRoutes } from "./frameworks/frameworks.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { notificationsRoutes } from "./notifications/notifications.routes.ts";
import { proceduresRoutes } from "./procedures/procedures.routes.ts";
import { reviewsRoutes } from "./reviews/reviews.routes.ts";
import { securityProfileRoutes } from "./security-profile/security-profile.routes.ts";
import { sitesRoutes } from "./sites/sites.routes.ts";
import { tenantsRoutes } from "./tenants/tenants.routes.ts";
import { tokensRoutes } from "./tokens/tokens.routes.ts";
import { usersRoutes } from "./users/users.routes.ts";

/** Every API module, mounted under /api. Add a module here and its routes join the OpenAPI document and the test matrix. */
export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(tenantsRoutes);
  await app.register(usersRoutes);
  await app.register(tokensRoutes);
  await app.register(sitesRoutes);
  await app.register(auditRoutes);
  await app.register(criteriaRoutes);
  await app.register(securityProfileRoutes);
  await app.register(evidenceRoutes);
  await app.register(proceduresRoutes);
  await app.register(reviewsRoutes);
  await app.register(frameworksRoutes);
  await app.register(exportsRoutes);
  await app.register(notificationsRoutes);
};
