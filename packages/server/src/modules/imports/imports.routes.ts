import { APPROVER_ROLES } from "@portcullis/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { authOf, tenantCtx } from "../../http/context.ts";
import { receiveUpload } from "../../http/upload.ts";
import { exportFile } from "./imports.export.ts";
import { MAX_IMPORT_BYTES } from "./imports.read.ts";
import { ExportQuery, ImportReportSchema } from "./imports.schema.ts";
import { importFile } from "./imports.service.ts";

const tags = ["imports"];

/** Partner, site and lane import and export. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/imports", {
    schema: {
      tags,
      summary: "Import partners, partner sites or lanes from CSV or XLSX (multipart: file, kind, dryRun)",
      description:
        "Upsert by the key column. dryRun=true answers the plan without saving; dryRun=false applies it in one " +
        "transaction with one audit event. Any bad row → 422 import_invalid with the report in details, nothing saved. " +
        "At most 20 MB.",
      consumes: ["multipart/form-data"],
      response: { 200: ImportReportSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req) => {
      const ctx = tenantCtx(req);
      const role = authOf(req).role;
      const upload = await receiveUpload(req, { maxBytes: MAX_IMPORT_BYTES });
      try {
        return await importFile({ ctx, upload, canApprove: role !== null && APPROVER_ROLES.includes(role) });
      } finally {
        await upload.discard();
      }
    },
  });
  app.get("/imports/export", {
    schema: {
      tags,
      summary: "Export partners, partner sites or lanes in the import's columns (CSV or XLSX)",
      querystring: ExportQuery,
    },
    config: READ_ACCESS,
    handler: async (req, reply) => {
      const file = await exportFile({ ctx: tenantCtx(req), query: req.query });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .send(file.body);
    },
  });
};
