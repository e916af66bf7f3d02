import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { type ExportFile, exportCriteria } from "./exports.criteria.ts";
import { contentDisposition, slug } from "./exports.labels.ts";
import { profilePdf } from "./exports.pdf.ts";
import { loadProfileExport } from "./exports.profile.ts";
import { profileXlsx } from "./exports.profile-xlsx.ts";
import { CriteriaExportQuery, ProfileExportQuery } from "./exports.schema.ts";

const sendFile = (reply: FastifyReply, file: ExportFile) =>
  reply
    .header("content-type", file.contentType)
    .header("content-length", String(file.body.length))
    .header("content-disposition", contentDisposition(file.filename))
    .send(file.body);

/** Downloads: the MSC library (any signed-in user) and the company's Security Profile (internal roles). */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/criteria/export", {
    schema: {
      tags: ["criteria"],
      summary: "The MSC library as a file (XLSX, CSV or JSON)",
      description: "Always an attachment. Levels per entity type in CBP's words (Must/Should, Debe/Debería); uncertain facts are marked.",
      querystring: CriteriaExportQuery,
      produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/json"],
    },
    config: { access: { authenticated: true } },
    handler: async (req, reply) => {
      const { format, lang, entityType } = req.query;
      return sendFile(reply, await exportCriteria({ format, lang, ...(entityType ? { entityType } : {}) }));
    },
  });
  app.get("/security-profile/export", {
    schema: {
      tags: ["security-profile"],
      summary: "The company's Security Profile as a file (PDF or XLSX), in CBP order",
      description:
        "Always an attachment: criterion, Must/Should, status, narrative, owner, evidence with SHA-256, provenance and certainty.",
      querystring: ProfileExportQuery,
      produces: ["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    },
    config: READ_ACCESS,
    handler: async (req, reply) => {
      const { format, lang } = req.query;
      const data = await loadProfileExport({ ctx: tenantCtx(req), lang });
      const filename = `security-profile-${slug(data.company.legalName)}-${data.generatedOn}.${format}`;
      return sendFile(reply, format === "pdf" ? await profilePdf(data, filename) : await profileXlsx(data, filename));
    },
  });
};
