import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { partnerRoutes } from "./partner.routes.ts";
import { reviewQuestionnaire } from "./questionnaires.review.ts";
import {
  CreateInvitationBody,
  CreateQuestionnaireBody,
  InvitationCreatedSchema,
  ListQuestionnairesQuery,
  QuestionnaireDetailSchema,
  QuestionnaireListSchema,
  ReviewBody,
  RevokeResultSchema,
} from "./questionnaires.schema.ts";
import {
  createInvitation,
  createQuestionnaire,
  getQuestionnaire,
  listQuestionnaires,
  revokePartnerAccess,
} from "./questionnaires.service.ts";

const tags = ["questionnaires"];

/** Partner security questionnaires: the company's side, then the partner's (./partner.routes.ts). */
export const questionnairesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/questionnaires", {
    schema: { tags, summary: "List questionnaires", querystring: ListQuestionnairesQuery, response: { 200: QuestionnaireListSchema } },
    config: READ_ACCESS,
    handler: (req) => listQuestionnaires({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/questionnaires", {
    schema: {
      tags,
      summary: "Create a draft questionnaire from the partner type's criteria",
      body: CreateQuestionnaireBody,
      response: { 201: QuestionnaireDetailSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) => reply.status(201).send(await createQuestionnaire({ ctx: tenantCtx(req), input: req.body })),
  });
  app.get("/questionnaires/:id", {
    schema: {
      tags,
      summary: "Read a questionnaire with every round and its invitation links",
      params: IdParams,
      response: { 200: QuestionnaireDetailSchema },
    },
    config: READ_ACCESS,
    handler: (req) => getQuestionnaire({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/questionnaires/:id/invitations", {
    schema: {
      tags,
      summary: "Create an invitation link (shown once)",
      description: "The link /q/<token> carries a 256-bit random token; only its SHA-256 is stored. Sending a draft marks it sent.",
      params: IdParams,
      body: CreateInvitationBody,
      response: { 201: InvitationCreatedSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) =>
      reply.status(201).send(await createInvitation({ ctx: tenantCtx(req), id: req.params.id, input: req.body })),
  });
  app.post("/questionnaires/:id/invitations/revoke", {
    schema: {
      tags,
      summary: "Revoke every open invitation link and partner session",
      params: IdParams,
      response: { 200: RevokeResultSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => revokePartnerAccess({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/questionnaires/:id/review", {
    schema: {
      tags,
      summary: "Accept items or send them back with a comment",
      description: "A decision for every item of the current round. Any change opens a new round; all accepted scores the partner.",
      params: IdParams,
      body: ReviewBody,
      response: { 200: QuestionnaireDetailSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => reviewQuestionnaire({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });

  await app.register(partnerRoutes);
};
