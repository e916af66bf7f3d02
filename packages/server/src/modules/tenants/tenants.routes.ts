import { ADMIN_ROLES } from "@portcullis/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/context.ts";
import { withScope } from "../../db/tx.ts";
import { READ_ACCESS } from "../../http/access.ts";
import { authOf, tenantCtx } from "../../http/context.ts";
import { listMemberships } from "../auth/auth.service.ts";
import { MembershipListSchema, TenantProfileBody, TenantSchema, UpdateTenantBody } from "./tenants.schema.ts";
import { createTenant, getTenant, updateTenant } from "./tenants.service.ts";

const tags = ["company"];

/** The current company's CTPAT profile, and the companies a user belongs to. */
export const tenantsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/tenant", {
    schema: { tags, summary: "The current company's CTPAT profile", response: { 200: TenantSchema } },
    config: READ_ACCESS,
    handler: (req) => getTenant({ ctx: tenantCtx(req) }),
  });
  app.patch("/tenant", {
    schema: { tags, summary: "Update the company's CTPAT profile", body: UpdateTenantBody, response: { 200: TenantSchema } },
    config: { access: { roles: ADMIN_ROLES } },
    handler: (req) => updateTenant({ ctx: tenantCtx(req), input: req.body }),
  });
  app.get("/tenants", {
    schema: { tags, summary: "Companies the caller belongs to", response: { 200: MembershipListSchema } },
    config: { access: { authenticated: true } },
    handler: async (req) => {
      const auth = authOf(req);
      const items = await withScope(app.deps.db.kysely, { userId: auth.userId }, (tx) => listMemberships(tx, auth.userId));
      return { items };
    },
  });
  app.post("/tenants", {
    schema: {
      tags,
      summary: "Create another company; the caller becomes its owner (consultants, brokers)",
      body: TenantProfileBody,
      response: { 201: TenantSchema },
    },
    config: { access: { authenticated: true } },
    handler: async (req, reply) => {
      const auth = authOf(req);
      const { tenant } = await createTenant({
        db: app.deps.db.kysely,
        input: req.body,
        owner: { userId: auth.userId },
        actor: actorOf(auth),
        requestId: req.id,
      });
      return reply.status(201).send(tenant);
    },
  });
};
