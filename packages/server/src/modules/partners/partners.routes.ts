import { MRA_PROGRAMS } from "@portcullis/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { authOf, tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { partnerRecordsRoutes } from "./partners.records.routes.ts";
import { MraProgramListSchema } from "./partners.records.schema.ts";
import {
  CreatePartnerBody,
  ListPartnersQuery,
  MovePartnerBody,
  PartnerDetailSchema,
  PartnerListSchema,
  UpdatePartnerBody,
} from "./partners.schema.ts";
import { archivePartner, createPartner, getPartner, listPartners, movePartner, updatePartner } from "./partners.service.ts";

const tags = ["partners"];

/** The business partner registry (MSC category 3): partners, their sites, certifications, screenings and tiers. */
export const partnersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/partners", {
    schema: { tags, summary: "List business partners", querystring: ListPartnersQuery, response: { 200: PartnerListSchema } },
    config: READ_ACCESS,
    handler: (req) => listPartners({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/partners", {
    schema: { tags, summary: "Create a business partner (as a prospect)", body: CreatePartnerBody, response: { 201: PartnerDetailSchema } },
    config: EDIT_ACCESS,
    handler: async (req, reply) => reply.status(201).send(await createPartner({ ctx: tenantCtx(req), input: req.body })),
  });
  app.get("/partners/:id", {
    schema: { tags, summary: "Read a partner with its records", params: IdParams, response: { 200: PartnerDetailSchema } },
    config: READ_ACCESS,
    handler: (req) => getPartner({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/partners/:id", {
    schema: { tags, summary: "Update a partner", params: IdParams, body: UpdatePartnerBody, response: { 200: PartnerDetailSchema } },
    config: EDIT_ACCESS,
    handler: (req) => updatePartner({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
  app.post("/partners/:id/status", {
    schema: {
      tags,
      summary: "Move a partner to another status (approved, suspended, terminated: approvers only)",
      params: IdParams,
      body: MovePartnerBody,
      response: { 200: PartnerDetailSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => movePartner({ ctx: tenantCtx(req), callerRole: authOf(req).role, id: req.params.id, input: req.body }),
  });
  app.post("/partners/:id/archive", {
    schema: { tags, summary: "Archive a partner", params: IdParams, response: { 200: PartnerDetailSchema } },
    config: EDIT_ACCESS,
    handler: (req) => archivePartner({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.get("/mra-programs", {
    schema: { tags, summary: "The Mutual Recognition Arrangements, with provenance", response: { 200: MraProgramListSchema } },
    config: READ_ACCESS,
    handler: async () => ({
      items: MRA_PROGRAMS.map((p) => ({
        id: p.id,
        countryCode: p.countryCode,
        partner: p.partner,
        program: p.program,
        signed: p.signed,
        certainty: p.certainty,
        disputed: p.disputed ?? null,
        sources: [...p.sources],
      })),
    }),
  });
  await app.register(partnerRecordsRoutes);
};
