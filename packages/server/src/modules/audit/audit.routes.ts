import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createCheckpoint, verifyTenantChain } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import { tenantCtx } from "../../http/context.ts";
import {
  AuditEventListSchema,
  CheckpointListSchema,
  CheckpointSchema,
  ListEventsQuery,
  PublicKeySchema,
  VerifyResultSchema,
} from "./audit.schema.ts";
import { listAuditEvents, listCheckpoints } from "./audit.service.ts";

const tags = ["audit"];
const READERS = ["owner", "admin", "security-manager", "auditor"] as const;
const SIGNERS = ["owner", "admin", "security-manager"] as const;

/** The tamper-evident audit trail: read, verify, checkpoint. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/audit/events", {
    schema: { tags, summary: "Audit events, newest first", querystring: ListEventsQuery, response: { 200: AuditEventListSchema } },
    config: { access: { roles: READERS } },
    handler: (req) => listAuditEvents({ ctx: tenantCtx(req), query: req.query }),
  });
  app.get("/audit/verify", {
    schema: { tags, summary: "Verify the company's whole hash chain and its signed checkpoints", response: { 200: VerifyResultSchema } },
    config: { access: { roles: READERS } },
    handler: async (req) => {
      const ctx = tenantCtx(req);
      return withScope(ctx.db, { tenantId: ctx.tenantId }, (tx) =>
        verifyTenantChain({ db: tx, tenantId: ctx.tenantId, publicKeyPem: app.deps.key.publicKeyPem }),
      );
    },
  });
  app.get("/audit/checkpoints", {
    schema: { tags, summary: "Signed checkpoints (export them to detect later truncation)", response: { 200: CheckpointListSchema } },
    config: { access: { roles: READERS } },
    handler: (req) => listCheckpoints({ ctx: tenantCtx(req) }),
  });
  app.post("/audit/checkpoints", {
    schema: { tags, summary: "Sign the current chain head", response: { 201: CheckpointSchema } },
    config: { access: { roles: SIGNERS } },
    handler: async (req, reply) => {
      const ctx = tenantCtx(req);
      const cp = await withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, (tx) =>
        createCheckpoint({ tx, tenantId: ctx.tenantId, key: app.deps.key, actor: ctx.actor, requestId: ctx.requestId }),
      );
      return reply.status(201).send(cp);
    },
  });
  app.get("/audit/public-key", {
    schema: { tags, summary: "The Ed25519 public key that signs checkpoints", response: { 200: PublicKeySchema } },
    config: { access: { roles: READERS } },
    handler: async () => ({ keyId: app.deps.key.keyId, publicKeyPem: app.deps.key.publicKeyPem }),
  });
};
