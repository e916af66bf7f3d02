import type { FastifyPluginAsync } from "fastify";
import { auditRoutes } from "./audit/audit.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";
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
};
