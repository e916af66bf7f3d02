import { createPublicKey, randomUUID, sign, verify } from "node:crypto";
import { type ChainBreak, ChainVerifier, canonicalJson, GENESIS_HASH, hashEvent } from "@portcullis/domain";
import type { Kysely } from "kysely";
import type { AuditEventRow, Database } from "../db/schema.ts";
import type { Tx } from "../db/tx.ts";
import type { SigningKey } from "./keys.ts";

/** Who did something. `id` is null for the system and the CLI run as the operator. */
export interface Actor {
  id: string | null;
  label: string;
}

/** The system actor, for scheduled jobs and operator commands. */
export const SYSTEM_ACTOR: Actor = { id: null, label: "system" };

/** What happened, to be appended to the tenant's chain. */
export interface AuditInput {
  tenantId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/**
 * Append one event to the tenant's hash chain inside the caller's transaction, so the event
 * commits or rolls back together with the change it records. The head row lock serialises
 * writers of one tenant; other tenants are not blocked.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  await tx
    .insertInto("audit_heads")
    .values({ tenant_id: input.tenantId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("tenant_id").doNothing())
    .execute();
  const head = await tx
    .selectFrom("audit_heads")
    .select(["seq", "hash"])
    .where("tenant_id", "=", input.tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const body = {
    tenantId: input.tenantId,
    seq: Number(head.seq) + 1,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    // Round-trip through canonical JSON so what we hash is exactly what jsonb gives back.
    before: normalise(input.before),
    after: normalise(input.after),
    requestId: input.requestId ?? null,
    occurredAt: new Date().toISOString(),
  };
  const hash = hashEvent(head.hash, body);
  await tx
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      tenant_id: body.tenantId,
      seq: body.seq,
      actor_id: body.actorId,
      actor_label: body.actorLabel,
      action: body.action,
      entity_type: body.entityType,
      entity_id: body.entityId,
      before: body.before === null ? (null as unknown as string) : canonicalJson(body.before),
      after: body.after === null ? (null as unknown as string) : canonicalJson(body.after),
      request_id: body.requestId,
      occurred_at: body.occurredAt,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx.updateTable("audit_heads").set({ seq: body.seq, hash }).where("tenant_id", "=", input.tenantId).execute();
  return { seq: body.seq, hash };
}

function normalise(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(canonicalJson(value));
}

/** Result of verifying one tenant's chain. */
export interface VerifyResult {
  ok: boolean;
  events: number;
  headSeq: number;
  checkpointsChecked: number;
  break: ChainBreak | null;
}

/** A checkpoint as exported: enough to re-verify a chain later, signed with the audit key. */
export interface Checkpoint {
  id: string;
  tenantId: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** Options for {@link verifyTenantChain}. */
export interface VerifyOptions {
  /** A handle that can read the tenant's events (scoped transaction or owner connection). */
  db: Kysely<Database> | Tx;
  tenantId: string;
  /** Public key to check checkpoint signatures; checkpoints are skipped when absent. */
  publicKeyPem?: string;
  /** Checkpoints to check against, besides those stored in the database (e.g. an exported file). */
  extraCheckpoints?: Checkpoint[];
  /** Page size for streaming events. */
  pageSize?: number;
  /** Called after each page with the number of events verified so far. */
  onProgress?: (verified: number) => void;
}

/**
 * Verify a tenant's chain from the first event: sequence, links and hashes, then every checkpoint
 * (signature valid, hash at its sequence matches, chain not shorter than it: tail truncation).
 */
export async function verifyTenantChain(options: VerifyOptions): Promise<VerifyResult> {
  const { db, tenantId } = options;
  const stored = await db.selectFrom("audit_checkpoints").selectAll().where("tenant_id", "=", tenantId).orderBy("seq").execute();
  const checkpoints: Checkpoint[] = [
    ...stored.map((c) => ({
      id: c.id,
      tenantId: c.tenant_id,
      seq: Number(c.seq),
      hash: c.hash,
      signedAt: c.signed_at,
      keyId: c.key_id,
      signature: c.signature,
    })),
    ...(options.extraCheckpoints ?? []).filter((c) => c.tenantId === tenantId),
  ];
  const verifier = new ChainVerifier(new Set(checkpoints.map((c) => c.seq)));
  const pageSize = options.pageSize ?? 5000;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (!verifier.push(toChainEvent(row))) {
        break;
      }
    }
    options.onProgress?.(verifier.count);
    if (verifier.broken || rows.length < pageSize) {
      break;
    }
    after = Number(rows[rows.length - 1]?.seq);
  }
  const head = await db.selectFrom("audit_heads").select(["seq", "hash"]).where("tenant_id", "=", tenantId).executeTakeFirst();
  const headSeq = Number(head?.seq ?? 0);
  let brk: ChainBreak | null = verifier.broken;
  if (!brk && head && (headSeq !== verifier.count || head.hash !== verifier.headHash)) {
    brk = { kind: "checkpoint-mismatch", seq: headSeq, detail: `chain head says ${headSeq} events, found ${verifier.count}` };
  }
  let checked = 0;
  if (!brk) {
    for (const cp of checkpoints) {
      const problem = checkCheckpoint(cp, verifier, options.publicKeyPem);
      if (problem) {
        brk = { kind: "checkpoint-mismatch", seq: cp.seq, detail: problem };
        break;
      }
      checked += 1;
    }
  }
  return { ok: brk === null, events: verifier.count, headSeq, checkpointsChecked: checked, break: brk };
}

function checkCheckpoint(cp: Checkpoint, verifier: ChainVerifier, publicKeyPem?: string): string | null {
  if (publicKeyPem && !verifyCheckpointSignature(cp, publicKeyPem)) {
    return `checkpoint ${cp.id} has an invalid signature`;
  }
  if (cp.seq > verifier.count) {
    return `checkpoint at event ${cp.seq} but the chain ends at ${verifier.count} (events removed from the tail)`;
  }
  if (cp.seq > 0 && verifier.hashAt(cp.seq) !== cp.hash) {
    return `event ${cp.seq} does not match the signed checkpoint`;
  }
  return null;
}

/** Map a stored row to the verifier's shape. */
export function toChainEvent(row: AuditEventRow) {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
    occurredAt: row.occurred_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function checkpointPayload(cp: Omit<Checkpoint, "id" | "signature">): Buffer {
  return Buffer.from(canonicalJson({ tenantId: cp.tenantId, seq: cp.seq, hash: cp.hash, signedAt: cp.signedAt, keyId: cp.keyId }));
}

/** Check a checkpoint's Ed25519 signature against a PEM public key. */
export function verifyCheckpointSignature(cp: Checkpoint, publicKeyPem: string): boolean {
  try {
    return verify(null, checkpointPayload(cp), createPublicKey(publicKeyPem), Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

/**
 * Sign the tenant's current chain head and store the checkpoint (recorded in the chain itself too).
 */
export async function createCheckpoint(options: {
  tx: Tx;
  tenantId: string;
  key: SigningKey;
  actor: Actor;
  requestId?: string | null;
}): Promise<Checkpoint> {
  const { tx, tenantId, key } = options;
  // Record the act first, then sign the head that includes it.
  await appendAuditEvent(tx, {
    tenantId,
    actor: options.actor,
    action: "audit.checkpoint",
    entityType: "audit_chain",
    entityId: tenantId,
    requestId: options.requestId,
  });
  const head = await tx.selectFrom("audit_heads").select(["seq", "hash"]).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow();
  const unsigned = { tenantId, seq: Number(head.seq), hash: head.hash, signedAt: new Date().toISOString(), keyId: key.keyId };
  const signature = sign(null, checkpointPayload(unsigned), key.privateKey).toString("base64");
  const cp: Checkpoint = { id: randomUUID(), ...unsigned, signature };
  await tx
    .insertInto("audit_checkpoints")
    .values({ id: cp.id, tenant_id: tenantId, seq: cp.seq, hash: cp.hash, signed_at: cp.signedAt, key_id: cp.keyId, signature })
    .execute();
  return cp;
}
