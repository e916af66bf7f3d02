/**
 * Audit chain verification rate. A tenant's chain of N events (default 20,000) is written in bulk as the
 * database owner (hashes computed with hashEvent, as appendAuditEvent does), then three rates are taken,
 * interleaved over several rounds (median of each):
 *   - baseline: raw SHA-256 over the same bytes (prev hash, "\n", canonical JSON pre-built), hash only;
 *   - ChainVerifier: the pure in-memory verifier over the stored events already read into memory;
 *   - verifyTenantChain: the full check the API runs (paged reads in a tenant-scoped transaction,
 *     jsonb decoding, canonical JSON, SHA-256, links, head).
 * Both verifier figures are compared with the raw SHA-256 baseline; target ≥ 0.3×.
 *
 * Environment: BENCH_AUDIT_EVENTS (default 20000), BENCH_ROUNDS (default 3), BENCH_DBS (embedded,postgres).
 */
import { createHash, randomUUID } from "node:crypto";
import { type ChainedEventBody, ChainVerifier, canonicalJson, GENESIS_HASH, hashEvent } from "@portcullis/domain";
import { type Db, loadConfig, migrateToLatest, openDatabase, toChainEvent, verifyTenantChain, withScope } from "@portcullis/server";
import { figure, fmt, median, note } from "./lib/report.ts";
import { type DbKind, forEachDatabase, withFreshDatabase } from "./lib/server.ts";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET = 0.3;
const CHUNK = 2000;

interface Built {
  tenantId: string;
  /** Pre-built hash inputs for the baseline. */
  inputs: Array<{ prev: string; json: string }>;
}

/** Write a valid chain of EVENTS site events (create/update mix, realistic before/after payloads). */
async function buildChain(db: Db): Promise<Built> {
  const tenantId = randomUUID();
  await db.pool.query("INSERT INTO tenants (id, legal_name, entity_types) VALUES ($1, 'Audit Bench', '{importer}')", [tenantId]);
  const actorId = randomUUID();
  const inputs: Built["inputs"] = [];
  let prev = GENESIS_HASH;
  const start = Date.parse("2026-01-01T00:00:00.000Z");
  const cols: unknown[][] = Array.from({ length: 14 }, () => []);
  const flush = async () => {
    if (!cols[0]?.length) return;
    await db.pool.query(
      `INSERT INTO audit_events (id, tenant_id, seq, actor_id, actor_label, action, entity_type, entity_id, before, after, request_id, occurred_at, prev_hash, hash)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[])`,
      cols,
    );
    for (const c of cols) c.length = 0;
  };
  for (let seq = 1; seq <= EVENTS; seq++) {
    const siteId = randomUUID();
    const site = {
      id: siteId,
      name: `Site ${seq}`,
      kind: "warehouse",
      countryCode: "MX",
      address: `Av. Industrial ${seq}, Nuevo Laredo`,
      latitude: 27.4 + (seq % 1000) / 10_000,
      longitude: -99.5 - (seq % 1000) / 10_000,
      archived: false,
      archivedAt: null,
      createdAt: new Date(start + seq * 1000).toISOString(),
      updatedAt: new Date(start + seq * 1000).toISOString(),
    };
    const update = seq % 3 === 0;
    const body: ChainedEventBody = {
      tenantId,
      seq,
      actorId,
      actorLabel: "bench@example.test (API token)",
      action: update ? "site.update" : "site.create",
      entityType: "site",
      entityId: siteId,
      before: update ? JSON.parse(canonicalJson({ ...site, address: null })) : null,
      after: JSON.parse(canonicalJson(site)),
      requestId: randomUUID(),
      occurredAt: new Date(start + seq * 1000).toISOString(),
    };
    const hash = hashEvent(prev, body);
    inputs.push({ prev, json: canonicalJson(body) });
    const row = [
      randomUUID(),
      tenantId,
      seq,
      actorId,
      body.actorLabel,
      body.action,
      body.entityType,
      body.entityId,
      body.before === null ? null : canonicalJson(body.before),
      canonicalJson(body.after),
      body.requestId,
      body.occurredAt,
      prev,
      hash,
    ];
    for (const [i, v] of row.entries()) cols[i]?.push(v);
    prev = hash;
    if (seq % CHUNK === 0) await flush();
  }
  await flush();
  await db.pool.query("INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, $2, $3)", [tenantId, EVENTS, prev]);
  return { tenantId, inputs };
}

/** Run `fn` (which handles `n` events) until at least minMs have passed; events per second. */
function rate(n: number, fn: () => void, minMs = 300): number {
  let done = 0;
  const t0 = performance.now();
  do {
    fn();
    done += n;
  } while (performance.now() - t0 < minMs);
  return done / ((performance.now() - t0) / 1000);
}

async function benchDatabase(kind: DbKind): Promise<void> {
  await withFreshDatabase(kind, "portcullis-bench-audit", async ({ dataDir, databaseUrl }) => {
    const db = await openDatabase(
      loadConfig({ LOG_LEVEL: "silent", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } as NodeJS.ProcessEnv, { dataDir }),
    );
    try {
      await migrateToLatest(db.kysely as never);
      const t0 = performance.now();
      const { tenantId, inputs } = await buildChain(db);
      note(
        `audit-verify on ${kind}: ${EVENTS} events written in ${fmt((performance.now() - t0) / 1000)} s; ${ROUNDS} interleaved rounds, median`,
      );
      // The stored events as the verifier sees them, read once (for the in-memory figure).
      const r0 = performance.now();
      const rows = await db.kysely.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId).orderBy("seq").execute();
      const readMs = performance.now() - r0;
      const events = rows.map(toChainEvent);
      const sha: number[] = [];
      const mem: number[] = [];
      const full: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        sha.push(
          rate(inputs.length, () => {
            for (const { prev, json } of inputs) createHash("sha256").update(prev).update("\n").update(json).digest("hex");
          }),
        );
        mem.push(
          rate(events.length, () => {
            const v = new ChainVerifier();
            for (const e of events) if (!v.push(e)) throw new Error(`chain broken in memory: ${JSON.stringify(v.broken)}`);
          }),
        );
        const t = performance.now();
        const result = await withScope(db.kysely, { tenantId }, (tx) => verifyTenantChain({ db: tx, tenantId }));
        full.push(result.events / ((performance.now() - t) / 1000));
        if (!result.ok || result.events !== EVENTS) throw new Error(`verifyTenantChain: ${JSON.stringify(result)}`);
      }
      const base = median(sha);
      note(
        `audit-verify.${kind}: baseline raw SHA-256 ${fmt(base)} events/s; in-memory ChainVerifier ${fmt(median(mem))} events/s; ` +
          `reading the ${EVENTS} rows alone (one query, Kysely) took ${fmt(readMs / 1000)} s = ${fmt((readMs / ((EVENTS / median(full)) * 1000)) * 100)}% of one verifyTenantChain run`,
      );
      if (kind === "embedded") {
        // The in-memory verifier does not touch the database; print it once.
        figure({
          name: "audit-verify.chain-verifier",
          value: median(mem),
          unit: "events/s",
          ratio: median(mem) / base,
          target: { op: "≥", value: TARGET, unit: "×" },
        });
      }
      figure({
        name: `audit-verify.${kind}.verify-tenant-chain`,
        value: median(full),
        unit: "events/s",
        ratio: median(full) / base,
        target: { op: "≥", value: TARGET, unit: "×" },
      });
    } finally {
      await db.close();
    }
  });
}

note("baseline: raw SHA-256 (prev hash + \\n + pre-built canonical JSON) over the same events, hash only");
note("the ≥ 0.3× target is compared on audit-verify.chain-verifier (pure in-memory); verifyTenantChain is shown against the same baseline");
await forEachDatabase(benchDatabase);
