import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { CreateSiteBody, ListSitesQuery, SiteListSchema, SiteSchema, UpdateSiteBody } from "./sites.schema.ts";
import { changeSite, createSite, getSite, listSites } from "./sites.service.ts";

const tags = ["sites"];

/** The tenant's own facilities. */
export const sitesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/sites", {
    schema: { tags, summary: "List sites", querystring: ListSitesQuery, response: { 200: SiteListSchema } },
    config: READ_ACCESS,
    handler: (req) => listSites({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/sites", {
    schema: { tags, summary: "Create a site", body: CreateSiteBody, response: { 201: SiteSchema } },
    config: EDIT_ACCESS,
    handler: async (req, reply) => reply.status(201).send(await createSite({ ctx: tenantCtx(req), input: req.body })),
  });
  app.get("/sites/:id", {
    schema: { tags, summary: "Read a site", params: IdParams, response: { 200: SiteSchema } },
    config: READ_ACCESS,
    handler: (req) => getSite({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/sites/:id", {
    schema: { tags, summary: "Update a site", params: IdParams, body: UpdateSiteBody, response: { 200: SiteSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeSite({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "update", input: req.body } }),
  });
  app.post("/sites/:id/archive", {
    schema: { tags, summary: "Archive a site", params: IdParams, response: { 200: SiteSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeSite({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "archive" } }),
  });
  app.post("/sites/:id/restore", {
    schema: { tags, summary: "Restore an archived site", params: IdParams, response: { 200: SiteSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeSite({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "restore" } }),
  });
};
