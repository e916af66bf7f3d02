import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { APPROVE_ACCESS, EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import {
  CompareQuery,
  CompareSchema,
  OpenReviewBody,
  ReviewDetailSchema,
  ReviewOverviewSchema,
  SignBody,
  TaskParams,
  UpdateTaskBody,
} from "./reviews.schema.ts";
import { getReview, openReview, reviewOverview, updateTask } from "./reviews.service.ts";
import { compareReviews, signReview } from "./reviews.sign.ts";

const tags = ["reviews"];
const base = "/security-profile/reviews";

/** The annual Security Profile review: tasks per MSC category, sign-off with a frozen, hashed snapshot. */
export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, {
    schema: { tags, summary: "The yearly review cycle and its reviews", response: { 200: ReviewOverviewSchema } },
    config: READ_ACCESS,
    handler: (req) => reviewOverview({ ctx: tenantCtx(req) }),
  });
  app.post(base, {
    schema: { tags, summary: "Open the review of the next anniversary", body: OpenReviewBody, response: { 201: ReviewDetailSchema } },
    config: EDIT_ACCESS,
    handler: async (req, reply) => reply.status(201).send(await openReview({ ctx: tenantCtx(req) })),
  });
  app.get(`${base}/compare`, {
    schema: {
      tags,
      summary: "Compare two signed reviews, or one with the live profile",
      querystring: CompareQuery,
      response: { 200: CompareSchema },
    },
    config: READ_ACCESS,
    handler: (req) => compareReviews({ ctx: tenantCtx(req), from: req.query.from, to: req.query.to }),
  });
  app.get(`${base}/:id`, {
    schema: { tags, summary: "Read a review with its tasks", params: IdParams, response: { 200: ReviewDetailSchema } },
    config: READ_ACCESS,
    handler: (req) => getReview({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch(`${base}/:id/tasks/:categoryId`, {
    schema: {
      tags,
      summary: "Update one category's review task",
      params: TaskParams,
      body: UpdateTaskBody,
      response: { 200: ReviewDetailSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => updateTask({ ctx: tenantCtx(req), id: req.params.id, categoryId: req.params.categoryId, input: req.body }),
  });
  app.post(`${base}/:id/sign`, {
    schema: {
      tags,
      summary: "Sign the review and freeze the profile",
      params: IdParams,
      body: SignBody,
      response: { 200: ReviewDetailSchema },
    },
    config: APPROVE_ACCESS,
    handler: (req) => signReview({ ctx: tenantCtx(req), id: req.params.id, note: req.body.note }),
  });
};
