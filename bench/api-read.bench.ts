/**
 * API read throughput and p99 latency through the real server (Fastify, Bearer token auth, RLS
 * transaction per request) versus a bare node:http server in the same process running the same SQL
 * on the same pg Pool with no auth and no transaction. For each database (embedded PGlite, PostgreSQL)
 * and each endpoint (GET /api/sites/:id, GET /api/sites?limit=50), a load client in a child process
 * keeps a fixed number of requests in flight; short phases alternate bare/server/server/bare/… so drift
 * and bursts on a shared machine hit both sides alike. A note then breaks one server request down into
 * its statements (sequential latency on one connection) to show where the time goes.
 *
 * Environment: BENCH_SECONDS (measured seconds per side and endpoint, default 5), BENCH_BLOCKS (alternations,
 * default 4), BENCH_CONCURRENCY (default 16), BENCH_SITES (default 500), BENCH_DBS (embedded,postgres).
 */
import { createHash } from "node:crypto";
import type { RunningServer } from "@portcullis/server";
import { presentSite } from "@portcullis/server/modules/sites/sites.present.ts";
import type pg from "pg";
import { type Endpoint, LOAD, measureSides, reportSides, startBareServer } from "./lib/compare.ts";
import { LoadClient } from "./lib/load.ts";
import { median, note } from "./lib/report.ts";
import { createBenchToken, createCompany, type DbKind, forEachDatabase, withServer } from "./lib/server.ts";

const SITES = Number(process.env.BENCH_SITES ?? 500);
const TARGET = 0.6;
interface Fixture {
  tenantId: string;
  userId: string;
  token: string;
  siteIds: string[];
}

async function seed(server: RunningServer): Promise<Fixture> {
  const { tenantId, ownerUserId } = await createCompany(server, { legalName: "Bench Importer", ownerEmail: "bench@example.test" });
  const token = await createBenchToken(server, tenantId, ownerUserId);
  await server.db.pool.query(
    `INSERT INTO sites (id, tenant_id, name, kind, country_code, address, latitude, longitude)
     SELECT gen_random_uuid(), $1, 'Site ' || lpad(g::text, 4, '0'), 'warehouse', 'MX', 'Av. Industrial ' || g, 19 + g * 0.001, -99 - g * 0.001
     FROM generate_series(1, $2::int) g`,
    [tenantId, SITES],
  );
  const { rows } = await server.db.pool.query<{ id: string }>("SELECT id FROM sites WHERE tenant_id = $1 ORDER BY id", [tenantId]);
  return { tenantId, userId: ownerUserId, token, siteIds: rows.map((r) => r.id) };
}

/** The baseline: node:http, the same SQL text (compiled by the same Kysely builder), the same pool; no auth, no transaction. */
function startBare(server: RunningServer, tenantId: string): Promise<Endpoint> {
  const k = server.db.kysely;
  const pool: pg.Pool = server.db.pool;
  const byId = k
    .selectFrom("sites")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", "00000000-0000-0000-0000-000000000000")
    .compile();
  const base = k.selectFrom("sites").where("tenant_id", "=", tenantId).where("archived_at", "is", null);
  const page = base.selectAll().orderBy("name").orderBy("id").limit(50).offset(0).compile();
  const count = base.select((eb) => eb.fn.countAll<number>().as("n")).compile();
  return startBareServer(async (url) => {
    if (url.startsWith("/api/sites/")) {
      const id = url.slice("/api/sites/".length);
      const { rows } = await pool.query(byId.sql, [tenantId, id]);
      return rows[0] ? { status: 200, body: presentSite(rows[0]) } : { status: 404, body: { error: "not found" } };
    }
    if (url.startsWith("/api/sites?")) {
      const [r, c] = await Promise.all([
        pool.query(page.sql, page.parameters as unknown[]),
        pool.query(count.sql, count.parameters as unknown[]),
      ]);
      return { status: 200, body: { items: r.rows.map(presentSite), total: Number(c.rows[0].n), limit: 50, offset: 0 } };
    }
    return { status: 404, body: { error: "no route" } };
  });
}

/**
 * Where a server request's time goes: the statements GET /api/sites/:id sends, one after another on one
 * connection (no concurrency), median latency each, against the bare server's single statement.
 */
async function statementBreakdown(server: RunningServer, fx: Fixture, tokenHash: string): Promise<void> {
  const SITE = 'select * from "sites" where "tenant_id" = $1 and "id" = $2';
  const steps: Array<[string, string, unknown[]]> = [
    ["auth_token()", "SELECT * FROM auth_token($1)", [tokenHash]],
    // withScope sends BEGIN and the scope as one simple-protocol statement (one round trip).
    [
      "BEGIN+scope",
      `BEGIN; SELECT set_config('role', 'portcullis_app', true), set_config('app.tenant_id', '${fx.tenantId}', true), ` +
        `set_config('app.user_id', '${fx.userId}', true), set_config('app.token_hash', '', true)`,
      [],
    ],
    ["select site (RLS)", SITE, [fx.tenantId, fx.siteIds[0]]],
    ["COMMIT", "commit", []],
    ["bare: select site", SITE, [fx.tenantId, fx.siteIds[1]]],
  ];
  const samples = new Map<string, number[]>(steps.map(([n]) => [n, []]));
  const conn = await server.db.pool.connect();
  try {
    for (let i = 0; i < 400; i++) {
      for (const [name, text, values] of steps) {
        const t0 = performance.now();
        await conn.query(text, values.length ? values : undefined);
        samples.get(name)?.push(performance.now() - t0);
      }
    }
  } finally {
    conn.release();
  }
  const us = (name: string) => median(samples.get(name) ?? []) * 1000;
  const serverSteps = steps.slice(0, 4).map(([n]) => n);
  const total = serverSteps.reduce((s, n) => s + us(n), 0);
  note(
    `where the time goes, sequential on one connection (median µs): ${serverSteps.map((n) => `${n} ${us(n).toFixed(0)}`).join(" + ")} = ${total.toFixed(0)} µs ` +
      `vs bare ${us("bare: select site").toFixed(0)} µs → database-protocol ceiling ≈ ${(us("bare: select site") / total).toFixed(2)}× before any HTTP/Fastify cost`,
  );
}

async function benchDatabase(client: LoadClient, kind: DbKind): Promise<void> {
  await withServer(kind, "portcullis-bench-api", async (server) => {
    const fx = await seed(server);
    const bare = await startBare(server, fx.tenantId);
    try {
      note(
        `api-read on ${kind}: ${fx.siteIds.length} sites, concurrency ${LOAD.concurrency}, ${LOAD.seconds} s per side (alternating bare/server phases), pool max ${(server.db.pool as unknown as { options: { max: number } }).options.max}`,
      );
      const sides = { bare: { url: bare.url, headers: {} }, server: { url: server.url, headers: { authorization: `Bearer ${fx.token}` } } };
      const sitePaths = fx.siteIds.map((id) => `/api/sites/${id}`);
      reportSides(`api-read.${kind}.site`, await measureSides(client, sides, sitePaths), { target: TARGET, p99: true });
      reportSides(`api-read.${kind}.list`, await measureSides(client, sides, ["/api/sites?limit=50"]), { target: TARGET, p99: true });
      await statementBreakdown(server, fx, createHash("sha256").update(fx.token).digest("hex"));
    } finally {
      await bare.close();
    }
  });
}

const client = new LoadClient();
try {
  note("baseline: bare node:http in this process, same SQL and pg Pool, no auth, no transaction; p99 ratio = baseline p99 / server p99");
  await forEachDatabase((kind) => benchDatabase(client, kind));
} finally {
  client.close();
}
