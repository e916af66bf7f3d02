import fs from "node:fs";
import path from "node:path";
import type { ChainBreak } from "@portcullis/domain";
import { type Checkpoint, verifyTenantChain } from "@portcullis/server/audit/audit.service.ts";
import { loadOrCreateSigningKey } from "@portcullis/server/audit/keys.ts";
import type { Config } from "@portcullis/server/config.ts";
import type { Db } from "@portcullis/server/db/open.ts";
import { z } from "zod";
import { UsageError } from "./errors.ts";
import { plural, printLine, printNote } from "./output.ts";
import type { TenantRef } from "./tenants.ts";

/** Chains at least this long get a progress bar (when stderr is a terminal): one verification page. */
const PROGRESS_MIN_EVENTS = 5000;

/** The key file written by loadOrCreateSigningKey; checked first so verifying never mints a new key. */
const KEY_FILE = "audit-ed25519.pem";

/** One tenant's verification outcome, as printed and as `--json` reports it. */
export interface ChainReport {
  tenantId: string;
  /** Null when the tenant is only known from a checkpoint file (it is gone from the database). */
  legalName: string | null;
  ok: boolean;
  events: number;
  headSeq: number;
  checkpointsChecked: number;
  break: { kind: ChainBreak["kind"]; seq: number; eventId: string | null; detail: string } | null;
}

const CheckpointShape = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  seq: z.number().int().min(0),
  hash: z.string().min(1),
  signedAt: z.string().min(1),
  keyId: z.string().min(1),
  signature: z.string().min(1),
});
const CheckpointFile = z.union([z.array(CheckpointShape), z.object({ items: z.array(CheckpointShape) }).transform((f) => f.items)]);

/** Read checkpoints exported by `portcullis audit checkpoint` (an array, or `{ items: [...] }`). */
export function readCheckpointFile(options: { file: string }): Checkpoint[] {
  let text: string;
  try {
    text = fs.readFileSync(options.file, "utf8");
  } catch (err) {
    throw new UsageError(`--checkpoint: cannot read ${options.file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`--checkpoint: ${options.file} is not JSON`);
  }
  const parsed = CheckpointFile.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`--checkpoint: ${options.file} is not a checkpoint export (an array of checkpoints or { "items": [...] })`);
  }
  return parsed.data;
}

/**
 * The public key that signs checkpoints, or null when the key directory has none (e.g. a restored
 * database whose keys were not copied): signatures then cannot be checked, and we say so.
 */
export function loadPublicKey(options: { config: Config }): string | null {
  if (!fs.existsSync(path.join(options.config.keyDir, KEY_FILE))) {
    return null;
  }
  return loadOrCreateSigningKey(options.config.keyDir).publicKeyPem;
}

/** Verify the chains of the given companies (all when `tenants` is null), one by one. */
export async function verifyChains(options: {
  db: Db;
  config: Config;
  tenants: TenantRef[] | null;
  checkpoints: Checkpoint[];
}): Promise<ChainReport[]> {
  const { db } = options;
  const tenants =
    options.tenants ??
    (await db.kysely.selectFrom("tenants").select(["id", "legal_name as legalName"]).orderBy("legal_name").orderBy("id").execute());
  const publicKeyPem = loadPublicKey({ config: options.config });
  if (!publicKeyPem && (options.checkpoints.length > 0 || (await hasStoredCheckpoints({ db })))) {
    printNote(
      `warning: no signing key in ${options.config.keyDir}: checkpoint signatures are not checked (restore the key directory to check them)`,
    );
  }
  const reports: ChainReport[] = [];
  for (const tenant of tenants) {
    reports.push(await verifyOne({ db, tenant, publicKeyPem, checkpoints: options.checkpoints }));
  }
  if (options.tenants === null) {
    // A checkpoint for a company the database no longer has: the most complete truncation of all.
    const known = new Set(tenants.map((t) => t.id));
    for (const tenantId of new Set(options.checkpoints.map((c) => c.tenantId))) {
      if (!known.has(tenantId)) {
        const detail = "the checkpoint file has checkpoints for this company, but the database has no such company";
        reports.push(missingTenant({ tenantId, detail, checkpoints: options.checkpoints }));
      }
    }
  }
  return reports;
}

async function hasStoredCheckpoints(options: { db: Db }): Promise<boolean> {
  return (await options.db.kysely.selectFrom("audit_checkpoints").select("id").limit(1).executeTakeFirst()) !== undefined;
}

async function verifyOne(options: {
  db: Db;
  tenant: TenantRef;
  publicKeyPem: string | null;
  checkpoints: Checkpoint[];
}): Promise<ChainReport> {
  const { db, tenant } = options;
  const head = await db.kysely.selectFrom("audit_heads").select("seq").where("tenant_id", "=", tenant.id).executeTakeFirst();
  const total = Number(head?.seq ?? 0);
  const bar =
    process.stderr.isTTY && total >= PROGRESS_MIN_EVENTS
      ? new (await import("cli-progress")).SingleBar({
          format: `${tenant.legalName.slice(0, 40)} [{bar}] {value}/{total} events`,
          clearOnComplete: true,
          hideCursor: true,
        })
      : null;
  bar?.start(total, 0);
  try {
    const result = await verifyTenantChain({
      db: db.kysely,
      tenantId: tenant.id,
      ...(options.publicKeyPem ? { publicKeyPem: options.publicKeyPem } : {}),
      extraCheckpoints: options.checkpoints,
      onProgress: (n) => bar?.update(Math.min(n, total)),
    });
    return {
      tenantId: tenant.id,
      legalName: tenant.legalName,
      ok: result.ok,
      events: result.events,
      headSeq: result.headSeq,
      checkpointsChecked: result.checkpointsChecked,
      break: result.break ? describeBreak(result.break) : null,
    };
  } finally {
    bar?.stop();
  }
}

function missingTenant(options: { tenantId: string; detail: string; checkpoints: Checkpoint[] }): ChainReport {
  const seq = Math.max(...options.checkpoints.filter((c) => c.tenantId === options.tenantId).map((c) => c.seq));
  return {
    tenantId: options.tenantId,
    legalName: null,
    ok: false,
    events: 0,
    headSeq: 0,
    checkpointsChecked: 0,
    break: { kind: "checkpoint-mismatch", seq, eventId: null, detail: options.detail },
  };
}

/** A chain break in words an auditor can act on. */
export function describeBreak(b: ChainBreak): NonNullable<ChainReport["break"]> {
  switch (b.kind) {
    case "sequence-gap":
      return {
        kind: b.kind,
        seq: b.expectedSeq,
        eventId: b.eventId,
        detail: `expected event ${b.expectedSeq}, found ${b.foundSeq} (events missing)`,
      };
    case "prev-hash-mismatch":
      return { kind: b.kind, seq: b.seq, eventId: b.eventId, detail: "does not link to the event before it (events removed or reordered)" };
    case "hash-mismatch":
      return { kind: b.kind, seq: b.seq, eventId: b.eventId, detail: "its content does not match its hash (the event was altered)" };
    case "checkpoint-mismatch":
      return { kind: b.kind, seq: b.seq, eventId: null, detail: b.detail };
  }
}

/** Print one line per company and a summary; returns whether every chain is intact. */
export function printReports(options: { reports: ChainReport[] }): boolean {
  const { reports } = options;
  for (const r of reports) {
    const name = `${r.legalName ?? "(unknown company)"} (${r.tenantId})`;
    if (r.ok) {
      printLine(`ok      ${name}: ${plural(r.events, "event")}, ${plural(r.checkpointsChecked, "checkpoint")}`);
    } else if (r.break) {
      printLine(`BROKEN  ${name}: event ${r.break.seq} (${r.break.kind}): ${r.break.detail}`);
    }
  }
  const broken = reports.filter((r) => !r.ok).length;
  if (reports.length === 0) {
    printLine("No companies: nothing to verify.");
  } else if (broken === 0) {
    printLine(reports.length === 1 ? "The audit trail is intact." : `All ${reports.length} audit trails are intact.`);
  } else {
    printLine(`${broken} of ${reports.length} audit trails are BROKEN.`);
  }
  return broken === 0;
}
