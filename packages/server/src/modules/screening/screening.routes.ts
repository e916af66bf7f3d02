import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { APPROVE_ACCESS, EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { receiveUpload } from "../../http/upload.ts";
import { MAX_LIST_BYTES } from "./screening.parse.ts";
import {
  DecisionBody,
  ImportResultSchema,
  ListListsQuery,
  ListMatchesQuery,
  RunBody,
  ScreeningListPageSchema,
  ScreeningMatchPageSchema,
  ScreeningMatchSchema,
  ScreeningRunSchema,
} from "./screening.schema.ts";
import { decideScreeningMatch, importUploadedList, listScreeningLists, listScreeningMatches, runScreening } from "./screening.service.ts";

const tags = ["screening"];

/** Denied-party screening: uploaded lists (CSL, OFAC SDN), fuzzy matches against partners, and decisions on them. */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/screening/lists", {
    schema: { tags, summary: "List the imported screening lists", querystring: ListListsQuery, response: { 200: ScreeningListPageSchema } },
    config: READ_ACCESS,
    handler: (req) => listScreeningLists({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/screening/lists", {
    schema: {
      tags,
      summary: "Import a denied-party list and rescreen every active partner against it (multipart: file, name, source)",
      description:
        "source = csl (U.S. Consolidated Screening List CSV), sdn-csv (OFAC sdn.csv) or sdn-xml (OFAC sdn.xml); up to 50 MB. " +
        "A file that cannot be read as that source → 400; a list without entries → 422; nothing is saved then. " +
        "The answer holds the list, the number of partners screened and the matches recorded.",
      consumes: ["multipart/form-data"],
      response: { 201: ImportResultSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) => {
      const ctx = tenantCtx(req);
      const upload = await receiveUpload(req, { maxBytes: MAX_LIST_BYTES });
      try {
        return reply.status(201).send(await importUploadedList({ ctx, upload }));
      } finally {
        await upload.discard();
      }
    },
  });
  app.post("/screening/run", {
    schema: {
      tags,
      summary: "Rescreen one partner or every active partner against all imported lists",
      body: RunBody,
      response: { 200: ScreeningRunSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => runScreening({ ctx: tenantCtx(req), input: req.body }),
  });
  app.get("/screening/matches", {
    schema: {
      tags,
      summary: "List screening matches (open first)",
      querystring: ListMatchesQuery,
      response: { 200: ScreeningMatchPageSchema },
    },
    config: READ_ACCESS,
    handler: (req) => listScreeningMatches({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/screening/matches/:id/decision", {
    schema: {
      tags,
      summary: "Decide a match: false positive, or confirmed (an approved partner is then suspended)",
      params: IdParams,
      body: DecisionBody,
      response: { 200: ScreeningMatchSchema },
    },
    config: APPROVE_ACCESS,
    handler: (req) => decideScreeningMatch({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
};
