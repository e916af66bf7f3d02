import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { receiveUpload } from "../../http/upload.ts";
import { MAX_IMPORT_BYTES } from "./frameworks.import.ts";
import {
  AssessControlBody,
  ControlSchema,
  CoverageSchema,
  FrameworkDetailSchema,
  FrameworkListSchema,
  FrameworkSchema,
  ImportPreviewSchema,
  ListFrameworksQuery,
} from "./frameworks.schema.ts";
import { archiveFramework, assessControl, getCoverage, getFramework, importFramework, listFrameworks } from "./frameworks.service.ts";

const tags = ["frameworks"];

/** Custom frameworks mapped to MSC IDs. */
export const frameworksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/frameworks", {
    schema: { tags, summary: "List the company's frameworks", querystring: ListFrameworksQuery, response: { 200: FrameworkListSchema } },
    config: READ_ACCESS,
    handler: (req) => listFrameworks({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/frameworks/import", {
    schema: {
      tags,
      summary: "Import a framework from CSV, XLSX or YAML (multipart: file, name?, version?, dryRun)",
      description:
        "Columns ref, title, description, msc (`6.1=equal; 6.2=related`). Any bad row → 422 import_invalid with " +
        "details.errors = [{ row, column, message }] and nothing saved. dryRun=true previews (200) without saving.",
      consumes: ["multipart/form-data"],
      response: { 200: ImportPreviewSchema, 201: FrameworkSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) => {
      const ctx = tenantCtx(req);
      // Small files: kept in a temporary file by receiveUpload, read into memory once, removed whatever happens.
      const upload = await receiveUpload(req, { maxBytes: MAX_IMPORT_BYTES });
      try {
        const result = await importFramework({ ctx, upload });
        return result.dryRun ? reply.status(200).send(result.preview) : reply.status(201).send(result.framework);
      } finally {
        await upload.discard();
      }
    },
  });
  app.get("/frameworks/:id", {
    schema: { tags, summary: "A framework with its controls and mappings", params: IdParams, response: { 200: FrameworkDetailSchema } },
    config: READ_ACCESS,
    handler: (req) => getFramework({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/frameworks/:id/controls", {
    schema: {
      tags,
      summary: "Record the company's status of one control",
      params: IdParams,
      body: AssessControlBody,
      response: { 200: ControlSchema },
    },
    config: EDIT_ACCESS,
    handler: (req) => assessControl({ ctx: tenantCtx(req), id: req.params.id, input: req.body }),
  });
  app.get("/frameworks/:id/coverage", {
    schema: {
      tags,
      summary: "Draft statuses derived between the framework and the Security Profile",
      params: IdParams,
      response: { 200: CoverageSchema },
    },
    config: READ_ACCESS,
    handler: (req) => getCoverage({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.post("/frameworks/:id/archive", {
    schema: { tags, summary: "Archive a framework", params: IdParams, response: { 200: FrameworkSchema } },
    config: EDIT_ACCESS,
    handler: (req) => archiveFramework({ ctx: tenantCtx(req), id: req.params.id }),
  });
};
