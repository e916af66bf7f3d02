import { randomUUID } from "node:crypto";
import { canonicalJson, hashEvent } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toChainEvent, verifyTenantChain } from "../audit/audit.service.ts";
import type { AuditEventRow } from "../db/schema.ts";
import { unique } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";
import { openSession } from "./probes.ts";
import {
  attemptRolledBack,
  buildChain,
  CHECKPOINT_FORGERIES,
  type Chain,
  eventAt,
  expectIntact,
  tamper,
  verifyAll,
} from "./tamper/chain.ts";

/** The audit chain tamper battery: chains are built and tampered with by the helpers in ./tamper/chain.ts. */
describe("audit chain tamper battery", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  describe("no false alarms", () => {
    it("verifies several intact chains (awkward Unicode, floats, nulls), in one page and in small pages", async () => {
      for (let i = 0; i < 3; i += 1) {
        await expectIntact(h, await buildChain(h, 30, 5 + i));
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
      const chain = await buildChain(h, 30, 3);
      expect((await chain.owner.request("POST", "/api/audit/checkpoints")).statusCode).toBe(201);
      const result = await verifyAll(h, chain);
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
        const chain = await buildChain(h);
        await tamper(h, async (c) => {
          const r = await c.query(statement, [chain.tenantId, seq, value]);
          expect(r.rowCount).toBe(1);
        });
        const result = await verifyAll(h, chain);
        expect(result.ok).toBe(false);
        expect(result.break).toMatchObject({ kind: "hash-mismatch", seq });
      });
    }

    it("a deleted middle event", async () => {
      const chain = await buildChain(h);
      await tamper(h, async (c) => {
        expect((await c.query("DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 17", [chain.tenantId])).rowCount).toBe(1);
      });
      const result = await verifyAll(h, chain);
      expect(result.break).toMatchObject({ kind: "sequence-gap", expectedSeq: 17, foundSeq: 18 });
      expect(result.ok).toBe(false);
    });

    for (const [i, j] of [
      [20, 21],
      [8, 25],
    ] as const) {
      it(`reordered events (seq ${i} and ${j} swapped)`, async () => {
        const chain = await buildChain(h);
        await tamper(h, async (c) => {
          await c.query("UPDATE audit_events SET seq = -1 WHERE tenant_id = $1 AND seq = $2", [chain.tenantId, i]);
          await c.query("UPDATE audit_events SET seq = $3 WHERE tenant_id = $1 AND seq = $2", [chain.tenantId, j, i]);
          await c.query("UPDATE audit_events SET seq = $2 WHERE tenant_id = $1 AND seq = -1", [chain.tenantId, j]);
        });
        const result = await verifyAll(h, chain);
        expect(result.ok).toBe(false);
        expect(result.break).toMatchObject({ kind: "prev-hash-mismatch", seq: i });
      });
    }

    it("a forged event inserted in the middle with a correct own hash (not relinked)", async () => {
      const chain = await buildChain(h);
      const k = 14;
      await tamper(h, async (c) => {
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
      const result = await verifyAll(h, chain);
      expect(result.ok).toBe(false);
      // The forged event itself verifies; the event after it no longer links to it.
      expect(result.break).toMatchObject({ kind: "prev-hash-mismatch", seq: k + 1 });
    });

    it("a truncated tail past the checkpoint, with the head rewound to match: caught by the signed checkpoint", async () => {
      const chain = await buildChain(h);
      const keep = chain.checkpointSeq - 3;
      await tamper(h, async (c) => {
        const r = await c.query("DELETE FROM audit_events WHERE tenant_id = $1 AND seq > $2", [chain.tenantId, keep]);
        expect(r.rowCount).toBe(chain.lastSeq - keep);
        const last = await eventAt(c, chain.tenantId, keep);
        await c.query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1", [chain.tenantId, keep, last?.hash]);
      });
      const result = await verifyAll(h, chain);
      expect(result).toMatchObject({ ok: false, events: keep, headSeq: keep });
      expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: chain.checkpointSeq });
      expect(result.break?.kind === "checkpoint-mismatch" && result.break.detail).toMatch(/removed from the tail/);
    });

    it("the same truncation with the stored checkpoint deleted too: caught by the exported checkpoint", async () => {
      const chain = await buildChain(h);
      const keep = chain.checkpointSeq - 3;
      await tamper(h, async (c) => {
        await c.query("DELETE FROM audit_events WHERE tenant_id = $1 AND seq > $2", [chain.tenantId, keep]);
        const last = await eventAt(c, chain.tenantId, keep);
        await c.query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1", [chain.tenantId, keep, last?.hash]);
        await c.query("DELETE FROM audit_checkpoints WHERE tenant_id = $1", [chain.tenantId]);
      });
      // Stored data alone now looks consistent: this is why checkpoints are exported.
      expect((await verifyAll(h, chain)).ok).toBe(true);
      const result = await verifyAll(h, chain, chain.exported);
      expect(result.ok).toBe(false);
      expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: chain.checkpointSeq });
    });

    it("history rewritten and re-hashed from before the checkpoint onwards: caught by the checkpoint's hash", async () => {
      const chain = await buildChain(h);
      const from = chain.checkpointSeq - 2;
      await tamper(h, async (c) => {
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
      const result = await verifyAll(h, chain);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ events: chain.lastSeq });
      expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: chain.checkpointSeq });
      expect(result.break?.kind === "checkpoint-mismatch" && result.break.detail).toMatch(/does not match the signed checkpoint/);
    });

    for (const [what, forge] of CHECKPOINT_FORGERIES) {
      it(`a forged checkpoint: ${what}`, async () => {
        const chain = await buildChain(h, 30, 2);
        const [cp] = chain.exported;
        if (!cp) throw new Error("no checkpoint exported");
        const changed = { ...cp, ...forge(cp) };
        await tamper(h, async (c) => {
          const r = await c.query("UPDATE audit_checkpoints SET signature = $2, hash = $3, signed_at = $4 WHERE id = $1", [
            cp.id,
            changed.signature,
            changed.hash,
            changed.signedAt,
          ]);
          expect(r.rowCount).toBe(1);
        });
        const result = await verifyAll(h, chain);
        expect(result.ok).toBe(false);
        expect(result.break).toMatchObject({ kind: "checkpoint-mismatch", seq: cp.seq });
        expect(result.break?.kind === "checkpoint-mismatch" && result.break.detail).toMatch(/invalid signature/);
      });
    }
  });

  describe("append-only in the database", () => {
    let chain: Chain;
    beforeAll(async () => {
      chain = await buildChain(h, 3, 0);
    }, 60_000);

    const attempt = (setup: string[], statement: string, values: unknown[] = []) =>
      attemptRolledBack(h, chain.tenantId, setup, statement, values);
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
      await expectIntact(h, chain);
    });
  });
});
