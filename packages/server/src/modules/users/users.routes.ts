import { ADMIN_ROLES } from "@portcullis/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authOf, tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { AddUserBody, MemberListSchema, MemberSchema, UpdateMemberBody } from "./users.schema.ts";
import { addMember, getMember, listMembers, updateMember } from "./users.service.ts";

const tags = ["users"];
const MANAGERS = [...ADMIN_ROLES, "security-manager"] as const;

/** People of the current company and their roles. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/users", {
    schema: { tags, summary: "Members of the company", response: { 200: MemberListSchema } },
    config: { access: { roles: MANAGERS } },
    handler: (req) => listMembers({ ctx: tenantCtx(req) }),
  });
  app.get("/users/:id", {
    schema: { tags, summary: "One member", params: IdParams, response: { 200: MemberSchema } },
    config: { access: { roles: MANAGERS } },
    handler: (req) => getMember({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/users", {
    schema: { tags, summary: "Add a person with a role", body: AddUserBody, response: { 201: MemberSchema } },
    config: { access: { roles: ADMIN_ROLES } },
    handler: async (req, reply) =>
      reply.status(201).send(await addMember({ ctx: tenantCtx(req), callerRole: authOf(req).role ?? "", input: req.body })),
  });
  app.patch("/users/:id", {
    schema: {
      tags,
      summary: "Change role, name, or deactivate",
      params: IdParams,
      body: UpdateMemberBody,
      response: { 200: MemberSchema },
    },
    config: { access: { roles: ADMIN_ROLES } },
    handler: (req) => updateMember({ ctx: tenantCtx(req), callerRole: authOf(req).role ?? "", id: req.params.id, input: req.body }),
  });
};
