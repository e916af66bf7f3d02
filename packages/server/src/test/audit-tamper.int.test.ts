import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { canonicalJson, hashEvent } from "@portcullis/domain";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Checkpoint, toChainEvent, type VerifyResult, verifyTenantChain } from "../audit/audit.service.ts";
import type { AuditEventRow } from "../db/schema.ts";
import { type Caller, createTenantFixture, unique } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";
import { openSession } from "./probes.ts";

/** Awkward but valid content, so a verifier that mis-canonicalises would raise false alarms. */
const NAMES = [
  "Almacén Nº 3 — Nuevo Laredo",
  "倉庫 東京 🏭",
  'Quote "and" backslash \\ yard',
  "עברית warehouse",
  "Zero\u200Bwidth joiner 👩‍👩‍👧",
  "Tab\tinside",
];

interface Chain {
  owner: Caller;
  tenantId: string;
  /** Sequence number the signed checkpoint covers. */
  checkpointSeq: number;
  lastSeq: number;
  /** The checkpoint as exported by GET /api/audit/checkpoints. */
  exported: Checkpoint[];
}

describe("audit chain tamper battery", () => {
  let h: Harness;

  /** 30 site writes, a signed checkpoint through the API, then `after` more writes. */
  async function buildChain(writes = 30, after = 5): Promise<Chain> {
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
          : await owner.request("PATCH", `/api/sites/${lastSite}`, { name, latitude: i % 5 === 0 ? null : 1e-7 * i });
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
  async function tamper(fn: (c: pg.PoolClient) => Promise<void>): Promise<void> {
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

  const eventAt = async (c: pg.PoolClient, tenantId: string, seq: number) =>
    (await c.query<AuditEventRow>("SELECT * FROM audit_events WHERE tenant_id = $1 AND seq = $2", [tenantId, seq])).rows[0];

  /** Verify three ways (streamed in one page, in small pages, over HTTP) and require the same answer. */
  async function verifyAll(chain: { tenantId: string; owner: Caller }, extraCheckpoints?: Checkpoint[]): Promise<VerifyResult> {
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

  async function expectIntact(chain: Chain): Promise<void> {
    const result = await verifyAll(chain);
    expect(result).toEqual({ ok: true, events: chain.lastSeq, headSeq: chain.lastSeq, checkpointsChecked: 1, break: null });
  }

  beforeAll(async () => {
    h = await createHarness();
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  describe("no false alarms", () => {
    it("verifies several intact chains (awkward Unicode, floats, nulls), in one page and in small pages", async () => {
      for (let i = 0; i < 3; i += 1) {
        await expectIntact(await buildChain(30, 5 + i));
      }
    });

    it("verifies an empty company (no events, no head) as intact", async () => {
      const tenantId = randomUUID();
      await h.rawQuery("INSERT INTO tenants (id, legal_name, entity_types) VALUES ($1, 'Empty Co', '{importer}')", [tenantId]);
      const direct = await verifyTenantChain({ db: h.db.kysely, tenantId, publicKeyPem: h.key.publicKeyPem });
      expect(direct).toEqual({ ok: true, events: 0, headSeq: 0, checkpointsChecked: 0, break: null });
      // Over HTTP too, with a member added without writing any event.
      const userId = randomUUID();
      await h.rawQuery("INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, 'Auditor', 'x')", [
        userId,
        `${unique("empty")}@example.test`,
      ]);
      await h.rawQuery("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'auditor')", [tenantId, userId]);
      const s = await openSession(h, userId, tenantId);
      const res = await h.app.inject({ method: "GET", url: "/api/audit/verify", headers: { cookie: s.cookie } });
      expect(res.json()).toEqual({ ok: true, events: 0, headSeq: 0, checkpointsChecked: 0, break: null });
      const [events] = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1", [tenantId]);
      expect(events?.n).toBe(0);
    });

    it("verifies a chain with two checkpoints", async () => {
      const chain = await buildChain(30, 3);
      expect((await chain.owner.request("POST", "/api/audit/checkpoints")).statusCode).toBe(201);
      const result = await verifyAll(chain);
      expect(result).toMatchObject({ ok: true, events: chain.lastSeq + 1, checkpointsChecked: 2, break: null });
    });
  });

  describe("every tamper is caught at the first broken event", () => {
    const edits: [string, string, unknown, number][] = [
      ["action", "UPDATE audit_events SET action = $3 WHERE tenant_id = $1 AND seq = $2", "site.archive", 10],
      [
        "after json",
        `UPDATE audit_events SET after = after || jsonb_build_object('name', $3::text) WHERE tenant_id = $1 AND seq = $2`,
        "Forged",
        12,
      ],
      ["occurred_at", "UPDATE audit_events SET occurred_at = $3 WHERE tenant_id = $1 AND seq = $2", "2020-01-01T00:00:00.000Z", 15],
      ["actor_label", "UPDATE audit_events SET actor_label = $3 WHERE tenant_id = $1 AND seq = $2", "someone-else@example.test", 5],
      ["entity_id", "UPDATE audit_events SET entity_id = $3 WHERE tenant_id = $1 AND seq = $2", randomUUID(), 21],
    ];
    for (const [field, statement, value, seq] of edits) {
      it(`an edited ${field} (event ${seq})`, async () => {
        const chain = await buildChain();
        await tamper(async (c) => {
          const r = await c.query(statement, [chain.tenantId, seq, value]);
          expect(r.rowCount).toBe(1);
        });
        const result = await verifyAll(chain);
        expect(result.ok).toBe(false);
        expect(result.break).toMatchObject({ kind: "hash-mismatch", seq });
      });
    }

    it("a deleted middle event", async () => {
      const chain = await buildChain();
      await tamper(async (c) => {
        expect((await c.query("DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 17", [chain.tenantId])).rowCount).toBe(1);
      });
      const result = await verifyAll(chain);
      expect(result.break).toMatchObject({ kind: "sequence-gap", expectedSeq: 17, foundSeq: 18 });
      expect(result.ok).toBe(false);
    });

    for (const [i, j] of [
      [20, 21],
      [8, 25],
    ] as const) {
      it(`reordered events (seq ${i} and ${j} swapped)`, async () => {
        const chain = await buildChain();
        await tamper(async (c) => {
          await c.query("UPDATE audit_events SET seq = -1 WHERE tenant_id = $1 AND seq = $2", [chain.tenantId, i]);
          await c.query("UPDATE audit_events SET seq = $3 WHERE tenant_id = $1 AND seq = $2", [chain.tenantId, j, i]);
          await c.query("UPDATE audit_events SET seq = $2 WHERE tenant_id = $1 AND seq = -1", [chain.tenantId, j]);
        });
        const result = await verifyAll(chain);
        expect(result.ok).toBe(false);
        expect(result.break).toMatchObject({ kind: "prev-hash-mismatch", seq: i });
      });
    }

    it("a forged event inserted in the middle with a correct own hash (not relinked)", async () => {
      const chain = await buildChain();
      const k = 14;
      await tamper(async (c) => {
        // Make room: shift k.. up by one (via negatives, the (tenant, seq) key is not deferrable).
        await c.query("UPDATE audit_events SET seq = -seq WHERE tenant_id = $1 AND seq >= $2", [chain.tenantId, k]);
        await c.query("UPDATE audit_events SET seq = -seq + 1 WHERE tenant_id = $1 AND seq < 0", [chain.tenantId]);
        const prev = await eventAt(c, chain.tenantId, k - 1);
        const body = {
          tenantId: chain.tenantId,
          seq: k,
          actorId: null,
          actorLabel: "system",
          action: "site.create",
          entityType: "site",
          entityId: randomUUID(),
          before: null,
          after: { name: "Ghost warehouse", countryCode: "MX" },
          requestId: null,
          occurredAt: new Date().toISOString(),
        };
        const hash = hashEvent(prev?.hash ?? "", body);
        await c.query(
          `INSERT INTO audit_events (id, tenant_id, seq, actor_id, actor_label, action, entity_type, entity_id, before, after,
                                     request_id, occurred_at, prev_hash, hash)
           VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, NULL, $8, NULL, $9, $10, $11)`,
          [
            randomUUID(),
            chain.tenantId,
            k,
            body.actorLabel,
            body.action,
            body.entityType,
            body.entityId,
            canonicalJson(body.after),
            body.occurredAt,
            prev?.hash,
            hash,
          ],
        );
        await c.query("UPDATE audit_heads SET seq = seq + 1 WHERE tenant_id = $1", [chain.tenantId]);
      });
      const result = await verifyAll(chain);
      expect(result.ok).toBe(false);
      // The forged event itself verifies; the event after it no longer links to it.
      expect(result.break).toMatchObject({ kind: "prev-hash-mismatch", seq: k + 1 });
    });

    it("a truncated tail past the checkpoint, with the head rewound to match: caught by the signed checkpoint", async () => {
      const chain = await buildChain();
      const keep = chain.checkpointSeq - 3;
      await tamper(async (c) => {
        const r = await c.query("DELETE FROM audit_events WHERE tenant_id = $1 AND seq > $2", [chain.tenantId, keep]);
        expect(r.rowCount).toBe(chain.lastSeq - keep);
        const last = await eventAt(c, chain.tenantId, keep);
        await c.query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1", [chain.tenantId, keep, last?.hash]);
      });
      const result = await verifyAll(chain);
      expect(result).toMatchObject({ ok: false, events: keep, headSeq: keep });
      expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: chain.checkpointSeq });
      expect(result.break?.kind === "checkpoint-mismatch" && result.break.detail).toMatch(/removed from the tail/);
    });

    it("the same truncation with the stored checkpoint deleted too: caught by the exported checkpoint", async () => {
      const chain = await buildChain();
      const keep = chain.checkpointSeq - 3;
      await tamper(async (c) => {
        await c.query("DELETE FROM audit_events WHERE tenant_id = $1 AND seq > $2", [chain.tenantId, keep]);
        const last = await eventAt(c, chain.tenantId, keep);
        await c.query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1", [chain.tenantId, keep, last?.hash]);
        await c.query("DELETE FROM audit_checkpoints WHERE tenant_id = $1", [chain.tenantId]);
      });
      // Stored data alone now looks consistent: this is why checkpoints are exported.
      expect((await verifyAll(chain)).ok).toBe(true);
      const result = await verifyAll(chain, chain.exported);
      expect(result.ok).toBe(false);
      expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: chain.checkpointSeq });
    });

    it("history rewritten and re-hashed from before the checkpoint onwards: caught by the checkpoint's hash", async () => {
      const chain = await buildChain();
      const from = chain.checkpointSeq - 2;
      await tamper(async (c) => {
        const rows = (
          await c.query<AuditEventRow>("SELECT * FROM audit_events WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq", [chain.tenantId, from])
        ).rows;
        let prev = (await eventAt(c, chain.tenantId, from - 1))?.hash ?? "";
        for (const row of rows) {
          const { id: _id, prevHash: _p, hash: _h, ...body } = toChainEvent(row);
          const after = row.seq === from ? { ...(body.after as object), name: "Rewritten" } : body.after;
          const hash = hashEvent(prev, { ...body, after });
          await c.query("UPDATE audit_events SET after = $2, prev_hash = $3, hash = $4 WHERE id = $1", [
            row.id,
            after === null ? null : canonicalJson(after),
            prev,
            hash,
          ]);
          prev = hash;
        }
        await c.query("UPDATE audit_heads SET hash = $2 WHERE tenant_id = $1", [chain.tenantId, prev]);
      });
      const result = await verifyAll(chain);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ events: chain.lastSeq });
      expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: chain.checkpointSeq });
      expect(result.break?.kind === "checkpoint-mismatch" && result.break.detail).toMatch(/does not match the signed checkpoint/);
    });

    const forgeries: [string, (cp: Checkpoint) => Partial<Checkpoint>][] = [
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
    for (const [what, forge] of forgeries) {
      it(`a forged checkpoint: ${what}`, async () => {
        const chain = await buildChain(30, 2);
        const [cp] = chain.exported;
        if (!cp) throw new Error("no checkpoint exported");
        const changed = { ...cp, ...forge(cp) };
        await tamper(async (c) => {
          const r = await c.query("UPDATE audit_checkpoints SET signature = $2, hash = $3, signed_at = $4 WHERE id = $1", [
            cp.id,
            changed.signature,
            changed.hash,
            changed.signedAt,
          ]);
          expect(r.rowCount).toBe(1);
        });
        const result = await verifyAll(chain);
        expect(result.ok).toBe(false);
        expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: cp.seq });
        expect(result.break?.kind === "checkpoint-mismatch" && result.break.detail).toMatch(/invalid signature/);
      });
    }
  });

  describe("append-only in the database", () => {
    let chain: Chain;
    beforeAll(async () => {
      chain = await buildChain(3, 0);
    }, 60_000);

    /** Run one statement in a transaction that is always rolled back. */
    async function attempt(setup: string[], statement: string, values: unknown[] = []): Promise<void> {
      const client = await h.db.pool.connect();
      try {
        await client.query("BEGIN");
        for (const s of setup) await client.query(s, s.includes("$1") ? [chain.tenantId] : []);
        await client.query(statement, values);
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    }
    const asApp = ["SET LOCAL ROLE portcullis_app", "SELECT set_config('app.tenant_id', $1, true)"];

    it("the application role may not UPDATE, DELETE or TRUNCATE audit events (nor touch checkpoints)", async () => {
      const statements = [
        ["UPDATE audit_events SET action = 'x' WHERE tenant_id = $1", [chain.tenantId]],
        ["DELETE FROM audit_events WHERE tenant_id = $1", [chain.tenantId]],
        ["TRUNCATE audit_events", []],
        ["UPDATE audit_checkpoints SET signature = 'x' WHERE tenant_id = $1", [chain.tenantId]],
        ["DELETE FROM audit_checkpoints WHERE tenant_id = $1", [chain.tenantId]],
      ] as const;
      for (const [statement, values] of statements) {
        await expect(attempt(asApp, statement, [...values]), statement).rejects.toThrow(/permission denied/i);
      }
      // It can still read its own events (the refusals above are about writing, not a broken scope).
      const client = await h.db.pool.connect();
      try {
        await client.query("BEGIN");
        for (const s of asApp) await client.query(s, s.includes("$1") ? [chain.tenantId] : []);
        const { rows } = await client.query("SELECT count(*)::int AS n FROM audit_events");
        expect(rows[0].n).toBe(chain.lastSeq);
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    });

    it("the owner is refused by the append-only trigger", async () => {
      for (const statement of [
        "UPDATE audit_events SET action = 'x' WHERE tenant_id = $1",
        "DELETE FROM audit_events WHERE tenant_id = $1",
        "TRUNCATE audit_events",
      ]) {
        await expect(attempt([], statement, statement.includes("$1") ? [chain.tenantId] : []), statement).rejects.toThrow(/append-only/);
      }
      await expectIntact(chain);
    });
  });
});

/** Sign a checkpoint payload exactly like the server does, but with a key the server does not trust. */
function signWithStrangerKey(cp: Checkpoint): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  const payload = canonicalJson({ tenantId: cp.tenantId, seq: cp.seq, hash: cp.hash, signedAt: cp.signedAt, keyId: cp.keyId });
  return sign(null, Buffer.from(payload), privateKey).toString("base64");
}
