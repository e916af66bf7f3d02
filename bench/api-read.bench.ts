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
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig, type RunningServer, SYSTEM_ACTOR, startServer } from "@portcullis/server";
import { presentSite } from "@portcullis/server/modules/sites/sites.present.ts";
import { createTenant } from "@portcullis/server/modules/tenants/tenants.service.ts";
import { createToken } from "@portcullis/server/modules/tokens/tokens.service.ts";
import type pg from "pg";
import { createPgDatabase, dropPgDatabase, pgAvailable, tmpDir } from "./lib/env.ts";
import { aggregate, LoadClient, type LoadStats, type PhaseResult } from "./lib/load.ts";
import { figure, fmt, median, note } from "./lib/report.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SITES = Number(process.env.BENCH_SITES ?? 500);
const DBS = (process.env.BENCH_DBS ?? "embedded,postgres").split(",");
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 4);
const TARGET = 0.6;
interface Fixture {
  tenantId: string;
  userId: string;
  token: string;
  siteIds: string[];
}

async function seed(server: RunningServer): Promise<Fixture> {
  const { tenant, ownerUserId } = await createTenant({
    db: server.db.kysely,
    input: { legalName: "Bench Importer", entityTypes: ["importer"] },
    owner: { email: "bench@example.test", password: "bench password 123" },
    actor: SYSTEM_ACTOR,
  });
  const { token } = await createToken({
    db: server.db.kysely,
    tenantId: tenant.id,
    userId: ownerUserId,
    actor: SYSTEM_ACTOR,
    input: { name: "bench" },
  });
  await server.db.pool.query(
    `INSERT INTO sites (id, tenant_id, name, kind, country_code, address, latitude, longitude)
     SELECT gen_random_uuid(), $1, 'Site ' || lpad(g::text, 4, '0'), 'warehouse', 'MX', 'Av. Industrial ' || g, 19 + g * 0.001, -99 - g * 0.001
     FROM generate_series(1, $2::int) g`,
    [tenant.id, SITES],
  );
  const { rows } = await server.db.pool.query<{ id: string }>("SELECT id FROM sites WHERE tenant_id = $1 ORDER BY id", [tenant.id]);
  return { tenantId: tenant.id, userId: ownerUserId, token, siteIds: rows.map((r) => r.id) };
}

/** The baseline: node:http, the same SQL text (compiled by the same Kysely builder), the same pool; no auth, no transaction. */
async function startBare(server: RunningServer, tenantId: string): Promise<{ url: string; close: () => Promise<void> }> {
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
  const srv = http.createServer((req, res) => {
    const url = req.url ?? "";
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    const work = async () => {
      if (url.startsWith("/api/sites/")) {
        const id = url.slice("/api/sites/".length);
        const { rows } = await pool.query(byId.sql, [tenantId, id]);
        return rows[0] ? send(200, presentSite(rows[0])) : send(404, { error: "not found" });
      }
      if (url.startsWith("/api/sites?")) {
        const [r, c] = await Promise.all([
          pool.query(page.sql, page.parameters as unknown[]),
          pool.query(count.sql, count.parameters as unknown[]),
        ]);
        return send(200, { items: r.rows.map(presentSite), total: Number(c.rows[0].n), limit: 50, offset: 0 });
      }
      return send(404, { error: "no route" });
    };
    work().catch((err) => send(500, { error: String(err) }));
  });
  srv.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    close: () => new Promise((r) => srv.close(() => r())),
  };
}

type Measured = LoadStats & { cpuUsPerRequest: number };

async function measure(
  client: LoadClient,
  sides: { bare: { url: string; headers: Record<string, string> }; server: { url: string; headers: Record<string, string> } },
  paths: string[],
): Promise<{ bare: Measured; server: Measured }> {
  const phase = (side: "bare" | "server", seconds: number) =>
    client.run({ base: sides[side].url, headers: sides[side].headers, paths, concurrency: CONCURRENCY, durationMs: seconds * 1000 });
  await phase("bare", WARMUP_SECONDS);
  await phase("server", WARMUP_SECONDS);
  const got: Record<"bare" | "server", PhaseResult[]> = { bare: [], server: [] };
  // CPU time of this process (both servers live here; the load client is another process).
  const cpuUs = { bare: 0, server: 0 };
  // Short alternating phases (bare, server, server, bare, …): a burst of load from a neighbour hits both sides.
  for (let block = 0; block < BLOCKS; block++) {
    for (const side of block % 2 === 0 ? (["bare", "server"] as const) : (["server", "bare"] as const)) {
      const cpu0 = process.cpuUsage();
      got[side].push(await phase(side, SECONDS / BLOCKS));
      const cpu = process.cpuUsage(cpu0);
      cpuUs[side] += cpu.user + cpu.system;
    }
  }
  const withCpu = (side: "bare" | "server"): Measured => {
    const stats = aggregate(got[side]);
    return { ...stats, cpuUsPerRequest: cpuUs[side] / stats.requests };
  };
  return { bare: withCpu("bare"), server: withCpu("server") };
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

function report(name: string, r: { bare: Measured; server: Measured }): void {
  for (const [side, s] of Object.entries(r)) {
    note(
      `${name} ${side}: ${s.requests} requests in ${fmt(s.seconds)} s, ${fmt(s.rps)} req/s, p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, this process's CPU ${s.cpuUsPerRequest.toFixed(0)} µs/request, errors ${s.errors}`,
    );
    if (s.errors) throw new Error(`${name} ${side}: ${s.errors} failed requests, first: ${s.firstError}`);
  }
  figure({
    name: `${name}.throughput`,
    value: r.server.rps,
    unit: "req/s",
    ratio: r.server.rps / r.bare.rps,
    target: { op: "≥", value: TARGET, unit: "×" },
  });
  // Latency ratio is baseline p99 / server p99, so higher is better here too (0.6× = server p99 is 1.67× the bare p99).
  figure({
    name: `${name}.p99`,
    value: r.server.p99,
    unit: "ms",
    ratio: r.bare.p99 / r.server.p99,
    target: { op: "≥", value: TARGET, unit: "×" },
  });
}

async function benchDatabase(client: LoadClient, kind: "embedded" | "postgres"): Promise<void> {
  const dataDir = tmpDir("portcullis-bench-api");
  let pgDb: { name: string; url: string } | null = null;
  if (kind === "postgres") pgDb = await createPgDatabase();
  let server: RunningServer | null = null;
  let bare: { url: string; close: () => Promise<void> } | null = null;
  try {
    const env = {
      LOG_LEVEL: "silent",
      PORTCULLIS_DEMO: "false",
      PORT: "0",
      HOST: "127.0.0.1",
      ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    };
    server = await startServer(loadConfig(env as NodeJS.ProcessEnv, { dataDir }), { webDist: null });
    const fx = await seed(server);
    bare = await startBare(server, fx.tenantId);
    note(
      `api-read on ${kind}: ${fx.siteIds.length} sites, concurrency ${CONCURRENCY}, ${SECONDS} s per side (alternating bare/server phases), pool max ${(server.db.pool as unknown as { options: { max: number } }).options.max}`,
    );
    const sides = { bare: { url: bare.url, headers: {} }, server: { url: server.url, headers: { authorization: `Bearer ${fx.token}` } } };
    report(
      `api-read.${kind}.site`,
      await measure(
        client,
        sides,
        fx.siteIds.map((id) => `/api/sites/${id}`),
      ),
    );
    report(`api-read.${kind}.list`, await measure(client, sides, ["/api/sites?limit=50"]));
    await statementBreakdown(server, fx, createHash("sha256").update(fx.token).digest("hex"));
  } finally {
    await bare?.close();
    await server?.stop();
    if (pgDb) await dropPgDatabase(pgDb.name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const client = new LoadClient();
try {
  note("baseline: bare node:http in this process, same SQL and pg Pool, no auth, no transaction; p99 ratio = baseline p99 / server p99");
  for (const kind of DBS) {
    if (kind === "postgres" && !(await pgAvailable())) {
      note("PostgreSQL not reachable: PostgreSQL figures skipped (set TEST_DATABASE_URL)");
      continue;
    }
    await benchDatabase(client, kind as "embedded" | "postgres");
  }
} finally {
  client.close();
}
