import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { APPROVE_ACCESS, EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { getGaps } from "./security-profile.gaps.ts";
import {
  CriterionParams,
  GapsSchema,
  ListProfileQuery,
  ProfileItemDetailSchema,
  ProfileItemViewSchema,
  ProfileListSchema,
  PutProfileItemBody,
} from "./security-profile.schema.ts";
import { getProfileItem, listProfile } from "./security-profile.service.ts";
import { approveNotApplicable, putProfileItem } from "./security-profile.write.ts";

const tags = ["security-profile"];

/** The company's self-assessment against the MSC. */
export const securityProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/security-profile", {
    schema: { tags, summary: "The company's Security Profile", querystring: ListProfileQuery, response: { 200: ProfileListSchema } },
    config: READ_ACCESS,
    handler: (req) => listProfile({ ctx: tenantCtx(req), query: req.query }),
  });
  app.get("/security-profile/gaps", {
    schema: { tags, summary: "Gap dashboard", response: { 200: GapsSchema } },
    config: READ_ACCESS,
    handler: (req) => getGaps({ ctx: tenantCtx(req) }),
  });
  app.get("/security-profile/items/:criterionId", {
    schema: {
      tags,
      summary: "One profile item with its evidence and procedures",
      params: CriterionParams,
      response: { 200: ProfileItemDetailSchema },
    },
    config: READ_ACCESS,
    handler: (req) => getProfileItem({ ctx: tenantCtx(req), criterionId: req.params.criterionId }),
  });
  app.put("/security-profile/items/:criterionId", {
    schema: {
      tags,
      summary: "Answer one criterion",
      params: CriterionParams,
      body: PutProfileItemBody,
      response: { 200: ProfileItemViewSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => putProfileItem({ ctx: tenantCtx(req), criterionId: req.params.criterionId, input: req.body }),
  });
  app.post("/security-profile/items/:criterionId/approve-na", {
    schema: {
      tags,
      summary: "Approve a Must's not applicable (four eyes)",
      params: CriterionParams,
      response: { 200: ProfileItemViewSchema },
    },
    config: APPROVE_ACCESS,
    handler: (req) => approveNotApplicable({ ctx: tenantCtx(req), criterionId: req.params.criterionId }),
  });
};
