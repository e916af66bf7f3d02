import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { APPROVE_ACCESS, EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { createCertification, updateCertification, waiveQuestionnaire } from "./partners.certifications.ts";
import { addSupplier, createScreening, removeSupplier } from "./partners.chain.ts";
import {
  CertificationSchema,
  CreateCertificationBody,
  CreatePartnerSiteBody,
  CreateScreeningBody,
  ListPartnerSitesQuery,
  PartnerSiteListSchema,
  PartnerSiteSchema,
  ScreeningCreatedSchema,
  SupplierBody,
  UpdateCertificationBody,
  UpdatePartnerSiteBody,
  WaiverBody,
} from "./partners.records.schema.ts";
import { PartnerDetailSchema, RelationsSchema } from "./partners.schema.ts";
import { changePartnerSite, createPartnerSite, listPartnerSites } from "./partners.sites.ts";

const tags = ["partners"];

/** A partner's sites, certifications, screening records, suppliers and questionnaire waiver. */
export const partnerRecordsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/partners/:id/sites", {
    schema: {
      tags,
      summary: "List a partner's sites",
      params: IdParams,
      querystring: ListPartnerSitesQuery,
      response: { 200: PartnerSiteListSchema },
    },
    config: READ_ACCESS,
    handler: (req) => listPartnerSites({ ctx: tenantCtx(req), partnerId: req.params.id, query: req.query }),
  });
  app.post("/partners/:id/sites", {
    schema: {
      tags,
      summary: "Add a site to a partner",
      params: IdParams,
      body: CreatePartnerSiteBody,
      response: { 201: PartnerSiteSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) =>
      reply.status(201).send(await createPartnerSite({ ctx: tenantCtx(req), partnerId: req.params.id, input: req.body })),
  });
  app.patch("/partner-sites/:id", {
    schema: { tags, summary: "Update a partner site", params: IdParams, body: UpdatePartnerSiteBody, response: { 200: PartnerSiteSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changePartnerSite({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "update", input: req.body } }),
  });
  app.post("/partner-sites/:id/archive", {
    schema: { tags, summary: "Archive a partner site", params: IdParams, response: { 200: PartnerSiteSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changePartnerSite({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "archive" } }),
  });
  app.post("/partners/:id/certifications", {
    schema: {
      tags,
      summary: "Record a partner's CTPAT or MRA certification",
      params: IdParams,
      body: CreateCertificationBody,
      response: { 201: CertificationSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) =>
      reply.status(201).send(await createCertification({ ctx: tenantCtx(req), partnerId: req.params.id, input: req.body })),
  });
  app.patch("/partner-certifications/:id", {
    schema: {
      tags,
      summary: "Update a certification",
      params: IdParams,
      body: UpdateCertificationBody,
      response: { 200: CertificationSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => updateCertification({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
  app.post("/partners/:id/screenings", {
    schema: {
      tags,
      summary: "Record a screening (due diligence) of a partner",
      params: IdParams,
      body: CreateScreeningBody,
      response: { 201: ScreeningCreatedSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) =>
      reply.status(201).send(await createScreening({ ctx: tenantCtx(req), partnerId: req.params.id, input: req.body })),
  });
  app.post("/partners/:id/suppliers", {
    schema: {
      tags,
      summary: "Add a supplier of this partner (next tier)",
      params: IdParams,
      body: SupplierBody,
      response: { 200: RelationsSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => addSupplier({ ctx: tenantCtx(req), partnerId: req.params.id, supplierId: req.body.supplierId }),
  });
  app.post("/partners/:id/suppliers/remove", {
    schema: {
      tags,
      summary: "Remove a supplier of this partner",
      params: IdParams,
      body: SupplierBody,
      response: { 200: RelationsSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => removeSupplier({ ctx: tenantCtx(req), partnerId: req.params.id, supplierId: req.body.supplierId }),
  });
  app.post("/partners/:id/questionnaire-waiver", {
    schema: {
      tags,
      summary: "Waive the security questionnaire on the strength of an active CTPAT/MRA certification",
      params: IdParams,
      body: WaiverBody,
      response: { 200: PartnerDetailSchema },
    },
    config: APPROVE_ACCESS,
    handler: (req) => waiveQuestionnaire({ ctx: tenantCtx(req), partnerId: req.params.id, input: req.body }),
  });
};
