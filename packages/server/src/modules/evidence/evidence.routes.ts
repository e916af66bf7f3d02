import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { receiveUpload } from "../../http/upload.ts";
import { changeEvidence, changeEvidenceLink } from "./evidence.changes.ts";
import { contentDisposition, DOWNLOAD_CSP, servedContentType } from "./evidence.http.ts";
import {
  DownloadQuery,
  EvidenceDetailSchema,
  EvidenceListSchema,
  EvidenceViewSchema,
  LinkBody,
  ListEvidenceQuery,
  UpdateEvidenceBody,
  VaultCheckSchema,
} from "./evidence.schema.ts";
import { addEvidenceVersion, createEvidence, getEvidence, listEvidence, openEvidenceDownload } from "./evidence.service.ts";
import { evidenceTmpDir } from "./evidence.store.ts";
import { ACCEPTED_TYPES_TEXT } from "./evidence.types.ts";
import { verifyEvidenceVault } from "./evidence.verify.ts";

const tags = ["evidence"];
const uploadNote = `multipart/form-data with one \`file\` (${ACCEPTED_TYPES_TEXT}); the type is checked from the content.`;

/** The evidence vault: files with versions, expiry, and links to MSC criteria and procedures. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { evidenceDir, uploadMaxBytes } = app.deps.config;
  const receive = (req: FastifyRequest) => receiveUpload(req, { maxBytes: uploadMaxBytes, tmpDir: evidenceTmpDir(evidenceDir) });

  app.get("/evidence", {
    schema: { tags, summary: "List evidence", querystring: ListEvidenceQuery, response: { 200: EvidenceListSchema } },
    config: READ_ACCESS,
    handler: (req) => listEvidence({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/evidence", {
    schema: {
      tags,
      summary: "Upload a new piece of evidence",
      description: `${uploadNote} Fields: title, description?, category?, effectiveOn?, expiresOn?, remindDays?, criterionIds? (comma-separated).`,
      consumes: ["multipart/form-data"],
      response: { 201: EvidenceViewSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req, reply) => {
      const ctx = tenantCtx(req);
      const upload = await receive(req);
      return reply.status(201).send(await createEvidence({ ctx, upload, evidenceDir }));
    },
  });
  app.get("/evidence/:id", {
    schema: {
      tags,
      summary: "Read a piece of evidence with its versions and links",
      params: IdParams,
      response: { 200: EvidenceDetailSchema },
    },
    config: READ_ACCESS,
    handler: (req) => getEvidence({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/evidence/:id", {
    schema: { tags, summary: "Update evidence details", params: IdParams, body: UpdateEvidenceBody, response: { 200: EvidenceViewSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeEvidence({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "update", input: req.body } }),
  });
  app.post("/evidence/:id/versions", {
    schema: {
      tags,
      summary: "Upload a new version",
      description: `${uploadNote} Fields: note?.`,
      consumes: ["multipart/form-data"],
      params: IdParams,
      response: { 200: EvidenceViewSchema },
    },
    config: EDIT_ACCESS,
    handler: async (req) => {
      const ctx = tenantCtx(req);
      const upload = await receive(req);
      return addEvidenceVersion({ ctx, id: req.params.id, upload, evidenceDir });
    },
  });
  app.get("/evidence/:id/download", {
    schema: {
      tags,
      summary: "Download a version (the current one by default)",
      description: "Always an attachment, served with its sniffed type, nosniff, a sandbox CSP and X-Evidence-SHA256.",
      params: IdParams,
      querystring: DownloadQuery,
    },
    config: READ_ACCESS,
    handler: async (req, reply) => {
      const { version, stream } = await openEvidenceDownload({
        ctx: tenantCtx(req),
        id: req.params.id,
        version: req.query.version,
        evidenceDir,
        headOnly: req.method === "HEAD",
      });
      return reply
        .header("content-type", servedContentType(version.mediaType))
        .header("content-length", String(version.sizeBytes))
        .header("content-disposition", contentDisposition(version.filename))
        .header("content-security-policy", DOWNLOAD_CSP)
        .header("x-evidence-sha256", version.sha256)
        .send(stream);
    },
  });
  app.post("/evidence/:id/links", {
    schema: { tags, summary: "Link to a criterion or procedure", params: IdParams, body: LinkBody, response: { 200: EvidenceViewSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeEvidenceLink({ ctx: tenantCtx(req), id: req.params.id, kind: "link", input: req.body }),
  });
  app.post("/evidence/:id/unlink", {
    schema: { tags, summary: "Remove a link", params: IdParams, body: LinkBody, response: { 200: EvidenceViewSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeEvidenceLink({ ctx: tenantCtx(req), id: req.params.id, kind: "unlink", input: req.body }),
  });
  app.post("/evidence/:id/archive", {
    schema: { tags, summary: "Archive a piece of evidence", params: IdParams, response: { 200: EvidenceViewSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeEvidence({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "archive" } }),
  });
  app.post("/evidence/:id/restore", {
    schema: { tags, summary: "Restore an archived piece of evidence", params: IdParams, response: { 200: EvidenceViewSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeEvidence({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "restore" } }),
  });
  app.post("/evidence/verify", {
    schema: {
      tags,
      summary: "Check the vault: re-read every stored file and compare it with its recorded SHA-256",
      description: "Any internal role may run it (auditors especially); the outcome is recorded as an evidence.verify audit event.",
      response: { 200: VaultCheckSchema },
    },
    config: READ_ACCESS,
    handler: (req) => verifyEvidenceVault({ ctx: tenantCtx(req), evidenceDir }),
  });
};
