import { ADMIN_ROLES } from "@portcullis/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { READ_ACCESS } from "../../http/access.ts";
import { authOf, tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { CreatedTokenSchema, CreateTokenBody, TokenListSchema } from "./tokens.schema.ts";
import { createToken, listTokens, revokeToken } from "./tokens.service.ts";

const tags = ["tokens"];
const isAdmin = (role: string | null) => role !== null && (ADMIN_ROLES as readonly string[]).includes(role);

/** API tokens: bound to one user and one company, shown once, revocable. */
export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/tokens", {
    schema: { tags, summary: "API tokens (admins see everyone's)", response: { 200: TokenListSchema } },
    config: READ_ACCESS,
    handler: (req) => listTokens({ ctx: tenantCtx(req), all: isAdmin(authOf(req).role) }),
  });
  app.post("/tokens", {
    schema: {
      tags,
      summary: "Create an API token for yourself (shown once)",
      body: CreateTokenBody,
      response: { 201: CreatedTokenSchema },
    },
    config: READ_ACCESS,
    handler: async (req, reply) => {
      const ctx = tenantCtx(req);
      const created = await createToken({
        db: ctx.db,
        tenantId: ctx.tenantId,
        userId: authOf(req).userId,
        actor: ctx.actor,
        input: req.body,
        requestId: req.id,
      });
      return reply.status(201).send(created);
    },
  });
  app.delete("/tokens/:id", {
    schema: { tags, summary: "Revoke a token", params: IdParams, response: { 204: z.null() } },
    config: READ_ACCESS,
    handler: async (req, reply) => {
      await revokeToken({ ctx: tenantCtx(req), id: req.params.id, all: isAdmin(authOf(req).role) });
      return reply.status(204).send(null);
    },
  });
};
