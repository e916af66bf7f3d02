/**
 * Crash durability: kill -9 the server while it writes, restart, repeat; every write it acknowledged
 * (201 with an id) must survive, and the audit chain must still verify. Runs on both databases: an
 * embedded data dir, and a fresh PostgreSQL database created and dropped here (TEST_POSTGRES=off leaves
 * PostgreSQL out; TEST_DATABASE_URL points at another server).
 *
 * Each database: tenant + token through the CLI once; then ≥ 5 cycles of `portcullis serve` with
 * 8 concurrent POST /api/sites writers and a SIGKILL at a random point mid-write; ≥ 2,000 acknowledged
 * writes in all; < 4 minutes. The final check goes through the API (list every site, verify the chain)
 * and then straight to the database (each site has exactly one site.create event: no half-commits).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig, openDatabase } from "@portcullis/server";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const CLI = path.join(ROOT, "packages/cli/bin/portcullis.mjs");
const WRITERS = 8;
const MIN_CYCLES = 5;
const MAX_CYCLES = 12;
const MIN_ACKED = 2000;
const BUDGET_MS = 4 * 60_000;
/** Stop starting new cycles after this, leaving time for the final restart and checks. */
const CYCLES_UNTIL_MS = BUDGET_MS - 60_000;
/** Each cycle is killed once this many writes (a random number in the range) have been acknowledged. */
const KILL_AFTER_ACKS: [number, number] = [380, 620];
/** Longest a cycle writes before it is killed anyway (a slow machine still gets its cycles). */
const MAX_CYCLE_WRITE_MS = 30_000;

const pgAdminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const randomInt = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

/** Where one run's data lives: an embedded data dir, or PostgreSQL plus a dir for keys. */
interface Target {
  kind: "embedded" | "postgres";
  dataDir: string;
  databaseUrl?: string;
}

function childEnv(t: Target): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORTCULLIS_DEMO: "false", LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  delete env.PORTCULLIS_DATA_DIR;
  if (t.databaseUrl) env.DATABASE_URL = t.databaseUrl;
  return env;
}

async function cli(t: Target, args: string[]): Promise<Record<string, unknown>> {
  try {
    const { stdout } = await run(process.execPath, [CLI, ...args, "--json", "--data-dir", t.dataDir], {
      cwd: ROOT,
      env: childEnv(t),
      timeout: 120_000,
    });
    return JSON.parse(stdout);
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`portcullis ${args.slice(0, 2).join(" ")} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServe(t: Target): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, "serve", "--port", String(port), "--host", "127.0.0.1", "--data-dir", t.dataDir], {
    cwd: ROOT,
    env: childEnv(t),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return { child, url, output: () => out };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`serve not healthy after 120 s:\n${out}`);
    }
    await sleep(25);
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once("exit", () => r()));
}

async function stopServe(s: Server): Promise<void> {
  s.child.kill("SIGTERM");
  const timer = setTimeout(() => s.child.kill("SIGKILL"), 30_000);
  await waitExit(s.child);
  clearTimeout(timer);
}

interface CycleResult {
  acked: number;
  inDoubt: number;
  refused: number;
  writeMs: number;
}

/**
 * Write with WRITERS concurrent POST /api/sites until `killAfter` writes are acknowledged (or the time
 * cap), then SIGKILL the server with requests in flight. Every 201 id goes into `acked`.
 */
async function writeAndKill(s: Server, token: string, cycle: number, killAfter: number, acked: Map<string, string>): Promise<CycleResult> {
  let stop = false;
  let ackedHere = 0;
  let inDoubt = 0;
  let refused = 0;
  let seq = 0;
  const started = Date.now();
  let reached: () => void = () => {};
  const killPoint = new Promise<void>((r) => {
    reached = r;
  });
  const writer = async () => {
    while (!stop) {
      const name = `dur-c${cycle}-${seq++}`;
      try {
        const res = await fetch(`${s.url}/api/sites`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ name, kind: "warehouse", countryCode: "MX", address: `Dock ${seq}` }),
        });
        const text = await res.text();
        if (res.status === 201) {
          const body = JSON.parse(text) as { id: string; name: string };
          expect(body.name).toBe(name);
          acked.set(body.id, name);
          ackedHere += 1;
          if (ackedHere >= killAfter) reached();
        } else {
          // The server answered but did not accept: not acknowledged, and never expected before the kill.
          refused += 1;
          if (!stop) throw new Error(`POST /api/sites answered ${res.status}: ${text.slice(0, 300)}`);
        }
      } catch (err) {
        if (!stop) throw err;
        inDoubt += 1; // in flight when the server died: may or may not have committed
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, writer);
  const failed = Promise.race(writers.map((w) => w.then(() => new Promise<void>(() => {}))));
  try {
    await Promise.race([killPoint, sleep(MAX_CYCLE_WRITE_MS), failed]);
    await sleep(randomInt(0, 25)); // land anywhere within a request, not right after an acknowledgement
  } finally {
    stop = true;
    s.child.kill("SIGKILL");
  }
  await Promise.all(writers);
  await waitExit(s.child);
  expect(s.child.signalCode).toBe("SIGKILL");
  return { acked: ackedHere, inDoubt, refused, writeMs: Date.now() - started };
}

/** Run owner SQL on the target's database (the server must be stopped for the embedded one). */
async function asOwner(
  t: Target,
  fn: (query: (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<void>,
): Promise<void> {
  if (t.databaseUrl) {
    // A plain client: its end() waits for the connection to close, so dropping the database later races nothing.
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await fn(async (text, values) => (await client.query(text, values)).rows);
    } finally {
      await client.end();
    }
    return;
  }
  const db = await openDatabase(loadConfig({ LOG_LEVEL: "silent" } as NodeJS.ProcessEnv, { dataDir: t.dataDir }), {
    purpose: "durability check",
  });
  try {
    await fn(async (text, values) => (await db.pool.query(text, values)).rows);
  } finally {
    await db.close();
  }
}

/** Every site of the tenant, through the API. */
async function listAllSites(s: Server, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += 200) {
    const res = await fetch(`${s.url}/api/sites?limit=200&offset=${offset}&includeArchived=true`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Array<{ id: string }>; total: number };
    for (const item of page.items) ids.add(item.id);
    if (page.items.length < 200) {
      expect(ids.size).toBe(page.total);
      return ids;
    }
  }
}

async function crashCycles(t: Target): Promise<void> {
  const t0 = Date.now();
  const tenant = await cli(t, [
    "tenant",
    "create",
    "--name",
    `Durability ${t.kind} ${randomBytes(3).toString("hex")}`,
    "--entity-type",
    "importer",
    "--admin-email",
    "durability@example.test",
    "--admin-password",
    "durability-password-123",
  ]);
  const tenantId = String(tenant.tenantId);
  const token = String((await cli(t, ["token", "create", "--email", "durability@example.test", "--tenant", tenantId])).token);
  expect(token).toMatch(/^pc_/);
  const setupMs = Date.now() - t0;

  const acked = new Map<string, string>();
  const cycles: Array<CycleResult & { startMs: number; killAfter: number }> = [];
  while (cycles.length < MAX_CYCLES && (cycles.length < MIN_CYCLES || acked.size < MIN_ACKED) && Date.now() - t0 < CYCLES_UNTIL_MS) {
    const s0 = Date.now();
    const server = await startServe(t);
    const startMs = Date.now() - s0;
    const killAfter = randomInt(...KILL_AFTER_ACKS);
    cycles.push({ ...(await writeAndKill(server, token, cycles.length + 1, killAfter, acked)), startMs, killAfter });
  }

  // Restart after the last kill and check everything through the API.
  const final = await startServe(t);
  let found: Set<string>;
  let verify: { ok: boolean; events: number; headSeq: number; checkpointsChecked: number; break: unknown };
  try {
    found = await listAllSites(final, token);
    const res = await fetch(`${final.url}/api/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    verify = (await res.json()) as typeof verify;
  } finally {
    await stopServe(final);
  }
  const lost = [...acked.keys()].filter((id) => !found.has(id));

  // Then straight from the database: each site has exactly one site.create event (site and event commit together).
  let orphans = { site_rows: -1, sites_without_event: -1, events_without_site: -1 };
  await asOwner(t, async (query) => {
    const rows = await query(
      `SELECT
         (SELECT count(*)::int FROM sites s WHERE s.tenant_id = $1) AS site_rows,
         (SELECT count(*)::int FROM sites s WHERE s.tenant_id = $1 AND (SELECT count(*) FROM audit_events e
            WHERE e.tenant_id = s.tenant_id AND e.entity_type = 'site' AND e.entity_id = s.id::text AND e.action = 'site.create') <> 1) AS sites_without_event,
         (SELECT count(*)::int FROM audit_events e WHERE e.tenant_id = $1 AND e.action = 'site.create'
            AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.id::text = e.entity_id)) AS events_without_site`,
      [tenantId],
    );
    orphans = rows[0] as typeof orphans;
  });

  const totalMs = Date.now() - t0;
  const sum = (k: keyof CycleResult) => cycles.reduce((n, c) => n + c[k], 0);
  console.log(
    [
      `durability ${t.kind}: ${cycles.length} kill -9 cycles, ${acked.size} acknowledged writes, ${sum("inDoubt")} in flight at a kill (outcome unknown), ` +
        `${sum("refused")} refused; after restart: ${found.size} sites (${found.size - acked.size} of the in-flight ones committed), lost ${lost.length}; ` +
        `audit verify ok=${verify.ok} events=${verify.events} checkpoints=${verify.checkpointsChecked}; ` +
        `db: ${orphans.site_rows} site rows, ${orphans.sites_without_event} without exactly one site.create event, ${orphans.events_without_site} events without a site; ` +
        `${(totalMs / 1000).toFixed(1)} s (setup via CLI ${(setupMs / 1000).toFixed(1)} s)`,
      ...cycles.map(
        (c, i) =>
          `  cycle ${i + 1}: healthy in ${(c.startMs / 1000).toFixed(1)} s, ${c.acked} acknowledged in ${(c.writeMs / 1000).toFixed(1)} s (kill after ${c.killAfter}), ${c.inDoubt} in flight at the kill`,
      ),
    ].join("\n"),
  );

  expect(cycles.length).toBeGreaterThanOrEqual(MIN_CYCLES);
  expect(acked.size).toBeGreaterThanOrEqual(MIN_ACKED);
  expect(lost).toEqual([]);
  expect(verify).toMatchObject({ ok: true, break: null });
  expect(verify.events).toBeGreaterThanOrEqual(acked.size);
  expect(orphans).toEqual({ site_rows: found.size, sites_without_event: 0, events_without_site: 0 });
  expect(totalMs).toBeLessThan(BUDGET_MS);
}

describe("durability: kill -9 while writing loses no acknowledged write", () => {
  const dirs: string[] = [];
  const databases: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-durability-"));
    dirs.push(d);
    return d;
  };

  afterAll(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    if (databases.length) {
      const admin = new pg.Client({ connectionString: pgAdminUrl });
      await admin.connect();
      for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("embedded database (PGlite data dir)", async () => {
    await crashCycles({ kind: "embedded", dataDir: tmp() });
  }, 300_000);

  it.skipIf(process.env.TEST_POSTGRES === "off")(
    "PostgreSQL (a fresh database)",
    async () => {
      const name = `pc_durability_${process.pid}_${randomBytes(3).toString("hex")}`;
      const admin = new pg.Client({ connectionString: pgAdminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      databases.push(name);
      const url = new URL(pgAdminUrl);
      url.pathname = `/${name}`;
      await crashCycles({ kind: "postgres", dataDir: tmp(), databaseUrl: url.toString() });
    },
    300_000,
  );
});
