/** Server, CLI and database helpers for the crash-durability journey (durability.e2e.test.ts). */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig, openDatabase } from "@portcullis/server";
import pg from "pg";
import { expect } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLI = path.join(ROOT, "packages/cli/bin/portcullis.mjs");
const WRITERS = 8;
/** Fewest kill -9 cycles per database. */
export const MIN_CYCLES = 5;
/** Most kill -9 cycles per database. */
export const MAX_CYCLES = 12;
/** Fewest acknowledged writes per database. */
export const MIN_ACKED = 2000;
/** Time budget for one database, setup and checks included. */
export const BUDGET_MS = 4 * 60_000;
/** Stop starting new cycles after this, leaving time for the final restart and checks. */
export const CYCLES_UNTIL_MS = BUDGET_MS - 60_000;
/** Each cycle is killed once this many writes (a random number in the range) have been acknowledged. */
export const KILL_AFTER_ACKS: [number, number] = [380, 620];
/** Longest a cycle writes before it is killed anyway (a slow machine still gets its cycles). */
const MAX_CYCLE_WRITE_MS = 30_000;

/** Admin connection used to create and drop the PostgreSQL test database. */
export const pgAdminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
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
/** A random integer in [lo, hi]. */
export const randomInt = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

/** Where one run's data lives: an embedded data dir, or PostgreSQL plus a dir for keys. */
export interface Target {
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

/** Run the portcullis CLI against the target with --json and parse its output. */
export async function cli(t: Target, args: string[]): Promise<Record<string, unknown>> {
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

/** A running `portcullis serve` child process. */
export interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Start `portcullis serve` on a free port and wait until /api/health answers 200. */
export async function startServe(t: Target): Promise<Server> {
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

/** Stop the server with SIGTERM (SIGKILL after 30 s) and wait for it to exit. */
export async function stopServe(s: Server): Promise<void> {
  s.child.kill("SIGTERM");
  const timer = setTimeout(() => s.child.kill("SIGKILL"), 30_000);
  await waitExit(s.child);
  clearTimeout(timer);
}

/** What one kill -9 cycle did. */
export interface CycleResult {
  acked: number;
  inDoubt: number;
  refused: number;
  writeMs: number;
}

/**
 * Write with WRITERS concurrent POST /api/sites until `killAfter` writes are acknowledged (or the time
 * cap), then SIGKILL the server with requests in flight. Every 201 id goes into `acked`.
 */
export async function writeAndKill(
  s: Server,
  token: string,
  cycle: number,
  killAfter: number,
  acked: Map<string, string>,
): Promise<CycleResult> {
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
export async function asOwner(
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
export async function listAllSites(s: Server, token: string): Promise<Set<string>> {
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
