import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { APPROVE_ACCESS, EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import {
  AcknowledgementsSchema,
  CreateProcedureBody,
  EditDraftBody,
  ListProceduresQuery,
  NewVersionBody,
  ProcedureDetailSchema,
  ProcedureListSchema,
  RejectBody,
  UpdateProcedureBody,
} from "./procedures.schema.ts";
import {
  archiveProcedure,
  createProcedure,
  getProcedure,
  listAcknowledgements,
  listProcedures,
  updateProcedure,
} from "./procedures.service.ts";
import { acknowledgeProcedure, approveVersion, createVersion, editDraft, rejectVersion, submitVersion } from "./procedures.workflow.ts";

const tags = ["procedures"];
const detail = { 200: ProcedureDetailSchema };

/** Security procedures (SOPs): versions draft → in_review → approved, with acknowledgements. */
export const proceduresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/procedures", {
    schema: { tags, summary: "List procedures", querystring: ListProceduresQuery, response: { 200: ProcedureListSchema } },
    config: READ_ACCESS,
    handler: (req) => listProcedures({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/procedures", {
    schema: {
      tags,
      summary: "Create a procedure (version 1, a draft)",
      body: CreateProcedureBody,
      response: { 201: ProcedureDetailSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) => reply.status(201).send(await createProcedure({ ctx: tenantCtx(req), input: req.body })),
  });
  app.get("/procedures/:id", {
    schema: { tags, summary: "Read a procedure with its versions", params: IdParams, response: detail },
    config: READ_ACCESS,
    handler: (req) => getProcedure({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/procedures/:id", {
    schema: { tags, summary: "Update a procedure's details", params: IdParams, body: UpdateProcedureBody, response: detail },
    config: EDIT_ACCESS,
    handler: (req) => updateProcedure({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
  app.post("/procedures/:id/versions", {
    schema: { tags, summary: "Start a new draft version", params: IdParams, body: NewVersionBody, response: detail },
    config: EDIT_ACCESS,
    handler: (req) => createVersion({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
  app.put("/procedures/:id/draft", {
    schema: { tags, summary: "Edit the open draft", params: IdParams, body: EditDraftBody, response: detail },
    config: EDIT_ACCESS,
    handler: (req) => editDraft({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
  app.post("/procedures/:id/submit", {
    schema: { tags, summary: "Submit the draft for review", params: IdParams, response: detail },
    config: EDIT_ACCESS,
    handler: (req) => submitVersion({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/procedures/:id/approve", {
    schema: { tags, summary: "Approve the version under review (not its author)", params: IdParams, response: detail },
    config: APPROVE_ACCESS,
    handler: (req) => approveVersion({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/procedures/:id/reject", {
    schema: { tags, summary: "Send the version under review back to draft", params: IdParams, body: RejectBody, response: detail },
    config: APPROVE_ACCESS,
    handler: (req) => rejectVersion({ ctx: tenantCtx(req), id: req.params.id, comment: req.body.comment }),
  });
  app.post("/procedures/:id/acknowledge", {
    schema: { tags, summary: "Acknowledge the version in force", params: IdParams, response: detail },
    config: READ_ACCESS,
    handler: (req) => acknowledgeProcedure({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.get("/procedures/:id/acknowledgements", {
    schema: { tags, summary: "Who acknowledged the version in force", params: IdParams, response: { 200: AcknowledgementsSchema } },
    config: READ_ACCESS,
    handler: (req) => listAcknowledgements({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/procedures/:id/archive", {
    schema: { tags, summary: "Archive a procedure", params: IdParams, response: detail },
    config: EDIT_ACCESS,
    handler: (req) => archiveProcedure({ ctx: tenantCtx(req), id: req.params.id }),
  });
};
