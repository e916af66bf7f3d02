import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CriteriaListSchema, CriterionIdParams, CriterionViewSchema, ListCriteriaQuery } from "./criteria.schema.ts";
import { getCriterionView, listCriteria } from "./criteria.service.ts";

const tags = ["criteria"];

/** The MSC criteria library (catalog, the same for every company): any signed-in user may read it. */
export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/criteria", {
    schema: { tags, summary: "The MSC criteria library", querystring: ListCriteriaQuery, response: { 200: CriteriaListSchema } },
    config: { access: { authenticated: true } },
    handler: async (req) => listCriteria({ query: req.query }),
  });
  app.get("/criteria/:criterionId", {
    schema: { tags, summary: "One MSC criterion", params: CriterionIdParams, response: { 200: CriterionViewSchema } },
    config: { access: { authenticated: true } },
    handler: async (req) => getCriterionView({ criterionId: req.params.criterionId }),
  });
};
