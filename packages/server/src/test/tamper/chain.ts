/** Chains and tamper tools for the audit tamper battery (audit-tamper.int.test.ts). */
import { generateKeyPairSync, sign } from "node:crypto";
import { canonicalJson } from "@portcullis/domain";
import type pg from "pg";
import { expect } from "vitest";
import { type Checkpoint, type VerifyResult, verifyTenantChain } from "../../audit/audit.service.ts";
import type { AuditEventRow } from "../../db/schema.ts";
import { type Caller, createTenantFixture, unique } from "../factories.ts";
import type { Harness } from "../harness.ts";

/** Awkward but valid content, so a verifier that mis-canonicalises would raise false alarms. */
const NAMES = [
  "Almacén Nº 3 — Nuevo Laredo",
  "倉庫 東京 🏭",
  'Quote "and" backslash \\ yard',
  "עברית warehouse",
  "Zero\u200Bwidth joiner 👩‍👩‍👧",
  "Tab\tinside",
];

/** A tenant with an audit chain and one signed checkpoint. */
export interface Chain {
  owner: Caller;
  tenantId: string;
  /** Sequence number the signed checkpoint covers. */
  checkpointSeq: number;
  lastSeq: number;
  /** The checkpoint as exported by GET /api/audit/checkpoints. */
  exported: Checkpoint[];
}

/** 30 site writes, a signed checkpoint through the API, then `after` more writes. */
export async function buildChain(h: Harness, writes = 30, after = 5): Promise<Chain> {
  const owner = await createTenantFixture(h);
  let lastSite = "";
  const write = async (i: number) => {
    const name = `${NAMES[i % NAMES.length]} ${unique("")}`;
    const res =
      i % 2 === 0 || !lastSite
        ? await owner.request("POST", "/api/sites", {
            name,
            kind: i % 4 === 0 ? "warehouse" : "office",
            countryCode: i % 3 === 0 ? "MX" : "US",
            address: i % 5 === 0 ? "Line 1\nLine 2" : null,
            latitude: i % 3 === 0 ? 25.686613 + i / 1e7 : -0.1 + 0.2 * (i % 7),
            longitude: -100.316116,
          })
        : // Coordinates go together (or not at all): clear both, or move the point.
          await owner.request("PATCH", `/api/sites/${lastSite}`, {
            name,
            ...(i % 5 === 0 ? { latitude: null, longitude: null } : { latitude: 1e-7 * i, longitude: -100.316116 + 1e-7 * i }),
          });
    expect(res.statusCode, res.body).toBeLessThan(300);
    if (res.statusCode === 201) lastSite = res.json().id;
  };
  for (let i = 0; i < writes; i += 1) await write(i);
  const cp = await owner.request("POST", "/api/audit/checkpoints");
  expect(cp.statusCode, cp.body).toBe(201);
  for (let i = writes; i < writes + after; i += 1) await write(i);
  const exported = (await owner.request("GET", "/api/audit/checkpoints")).json().items as Checkpoint[];
  const [head] = await h.rawQuery<{ seq: number }>("SELECT seq FROM audit_heads WHERE tenant_id = $1", [owner.tenantId]);
  const chain = { owner, tenantId: owner.tenantId, checkpointSeq: cp.json().seq, lastSeq: Number(head?.seq), exported };
  expect(chain.checkpointSeq).toBeGreaterThan(writes);
  expect(chain.lastSeq).toBe(chain.checkpointSeq + after);
  return chain;
}

/** Tamper as the database owner with the append-only triggers bypassed, committed. */
export async function tamper(h: Harness, fn: (c: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await h.db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await fn(client);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

/** The stored row of one event, read with the given client. */
export const eventAt = async (c: pg.PoolClient, tenantId: string, seq: number) =>
  (await c.query<AuditEventRow>("SELECT * FROM audit_events WHERE tenant_id = $1 AND seq = $2", [tenantId, seq])).rows[0];

/** Verify three ways (streamed in one page, in small pages, over HTTP) and require the same answer. */
export async function verifyAll(
  h: Harness,
  chain: { tenantId: string; owner: Caller },
  extraCheckpoints?: Checkpoint[],
): Promise<VerifyResult> {
  const opts = { db: h.db.kysely, tenantId: chain.tenantId, publicKeyPem: h.key.publicKeyPem, extraCheckpoints };
  const whole = await verifyTenantChain(opts);
  const paged = await verifyTenantChain({ ...opts, pageSize: 7 });
  expect(paged).toEqual(whole);
  if (!extraCheckpoints) {
    const res = await chain.owner.request("GET", "/api/audit/verify");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(whole)));
  }
  return whole;
}

/** Verify the chain and require it intact through its last event, with its one checkpoint. */
export async function expectIntact(h: Harness, chain: Chain): Promise<void> {
  const result = await verifyAll(h, chain);
  expect(result).toEqual({ ok: true, events: chain.lastSeq, headSeq: chain.lastSeq, checkpointsChecked: 1, break: null });
}

/** Run one statement (after `setup`, "$1" bound to the tenant) in a transaction that is always rolled back. */
export async function attemptRolledBack(
  h: Harness,
  tenantId: string,
  setup: string[],
  statement: string,
  values: unknown[] = [],
): Promise<void> {
  const client = await h.db.pool.connect();
  try {
    await client.query("BEGIN");
    for (const s of setup) await client.query(s, s.includes("$1") ? [tenantId] : []);
    await client.query(statement, values);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** Sign a checkpoint payload exactly like the server does, but with a key the server does not trust. */
export function signWithStrangerKey(cp: Checkpoint): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  const payload = canonicalJson({ tenantId: cp.tenantId, seq: cp.seq, hash: cp.hash, signedAt: cp.signedAt, keyId: cp.keyId });
  return sign(null, Buffer.from(payload), privateKey).toString("base64");
}

/** Ways to forge a stored checkpoint: each must fail its signature check. */
export const CHECKPOINT_FORGERIES: [string, (cp: Checkpoint) => Partial<Checkpoint>][] = [
  ["a signature from another key", (cp) => ({ signature: signWithStrangerKey(cp) })],
  ["a garbage signature", () => ({ signature: Buffer.from("not a signature").toString("base64") })],
  [
    "a moved checkpoint hash, re-signed with another key",
    (cp) => {
      const moved = { ...cp, hash: "f".repeat(64) };
      return { hash: moved.hash, signature: signWithStrangerKey(moved) };
    },
  ],
  ["a back-dated signing time under the original signature", () => ({ signedAt: "2020-01-01T00:00:00.000Z" })],
];
