import { z } from "zod";
import { text } from "../../http/schemas.ts";

export const ListEventsQuery = z.strictObject({
  entityType: text(50).optional(),
  entityId: text(100).optional(),
  action: text(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Return events with seq below this (newest first paging). */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type ListEventsInput = z.infer<typeof ListEventsQuery>;

export const AuditEventSchema = z.object({
  id: z.string(),
  seq: z.number(),
  actor: z.object({ id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  occurredAt: z.string(),
  hash: z.string(),
});
export const AuditEventListSchema = z.object({ items: z.array(AuditEventSchema), nextBefore: z.number().nullable() });

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  events: z.number(),
  headSeq: z.number(),
  checkpointsChecked: z.number(),
  break: z
    .object({
      kind: z.string(),
      seq: z.number().optional(),
      eventId: z.string().optional(),
      expectedSeq: z.number().optional(),
      foundSeq: z.number().optional(),
      detail: z.string().optional(),
    })
    .nullable(),
});

export const CheckpointSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  seq: z.number(),
  hash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export const CheckpointListSchema = z.object({ items: z.array(CheckpointSchema) });
export const PublicKeySchema = z.object({ keyId: z.string(), publicKeyPem: z.string() });
