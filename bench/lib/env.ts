import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The `portcullis` CLI entry point. */
export const CLI = path.join(ROOT, "packages/cli/bin/portcullis.mjs");

/** PostgreSQL server used for the PostgreSQL figures (same variable as the test suites). */
export function pgAdminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** Connection string for one database on that server. */
export function pgDatabaseUrl(name: string): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgAdminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** True when the PostgreSQL server answers (PostgreSQL figures are skipped with a note otherwise). */
export async function pgAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

/** Create a fresh, empty database; returns its name and URL. */
export async function createPgDatabase(prefix = "pc_bench"): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return { name, url: pgDatabaseUrl(name) };
}

/** Drop a database made by {@link createPgDatabase}, disconnecting anyone still on it. */
export async function dropPgDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A new empty temporary directory. */
export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** A loopback port that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Options for {@link spawnServe}. */
export interface ServeOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}

/** Start `portcullis serve` as a child process (no demo, silent logs). stdout/stderr are kept for errors. */
export function spawnServe(o: ServeOptions): ChildProcess & { output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORTCULLIS_DEMO: "false", LOG_LEVEL: "silent", ...o.env };
  delete env.DATABASE_URL;
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  const child = spawn(process.execPath, [CLI, "serve", "--port", String(o.port), "--host", "127.0.0.1", "--data-dir", o.dataDir], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return Object.assign(child, { output: () => out });
}

/** Poll GET /api/health until it answers 200; resolves with the time it took. Fails if the child exits. */
export async function waitHealthy(baseUrl: string, child: ChildProcess | null, timeoutMs = 60_000, intervalMs = 20): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child && child.exitCode !== null) {
      throw new Error(`server exited with code ${child.exitCode} before it was healthy`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        await res.arrayBuffer();
        return performance.now() - started;
      }
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) {
      throw new Error(`server not healthy at ${baseUrl} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Wait for a child to exit (resolves immediately when it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Stop a child politely (SIGTERM), then forcefully after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** A field of /proc/<pid>/status in bytes (VmHWM = peak RSS, VmRSS = current RSS). Linux only. */
export function procMemory(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!m?.[1]) throw new Error(`no ${field} for pid ${pid}`);
  return Number(m[1]) * 1024;
}
