import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, type Db, loadConfig, openDatabase } from "@portcullis/server";
import { adminUrl, databaseUrl, testDbKind } from "@portcullis/server/test/test-db.ts";
import { inject } from "vitest";

/** The repository root: the CLI runs from there, like `npx portcullis` does. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const BIN = path.join(REPO_ROOT, "packages/cli/bin/portcullis.mjs");

/** beforeAll/afterAll budget: Vitest projects do not inherit the root hookTimeout, and setup runs the CLI. */
export const SETUP_TIMEOUT = 120_000;

/** What one CLI run printed and how it ended. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One test file's database for the real `portcullis` process, and ways to look inside it. */
export interface CliEnv {
  kind: "pglite" | "postgres";
  /** Temp data directory (embedded database and keys; on PostgreSQL only the keys). */
  dataDir: string;
  /** The PostgreSQL connection string, or null for the embedded database. */
  databaseUrl: string | null;
  /** Run `portcullis <args>` as a child process against this database. */
  run(args: string[], options?: { env?: Record<string, string> }): Promise<CliResult>;
  /** Open the same database in the test process (on PGlite only while no CLI process holds it). */
  withDb<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A database for one CLI test file. PGlite: a temp data directory unpacked from the run's migrated
 * snapshot (initdb would cost ~6-9 s per file). PostgreSQL: a new, empty database that the CLI itself migrates.
 */
export async function createCliEnv(): Promise<CliEnv> {
  const kind = testDbKind();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-cli-"));
  let url: string | null = null;
  if (kind === "pglite") {
    // Unpack with tar rather than PGlite: starting PGlite in the test worker would cost seconds of CPU per file.
    const pgdata = path.join(dataDir, "pgdata");
    fs.mkdirSync(pgdata);
    execFileSync("tar", ["-xf", inject("pgliteSnapshot"), "-C", pgdata], { stdio: "ignore" });
  } else {
    const name = `pc_tcli_${process.pid}_${randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    url = databaseUrl(name);
  }
  const env = childEnv(dataDir, url);
  return {
    kind,
    dataDir,
    databaseUrl: url,
    run: (args, options = {}) => runCli({ args, env: { ...env, ...options.env } }),
    withDb: async (fn) => {
      const config = configFor(dataDir, url);
      const db = await openDatabase(config, { purpose: "cli test inspection" });
      try {
        return await fn(db, config);
      } finally {
        await closeFully(db);
      }
    },
    close: async () => {
      if (url) {
        await dropDatabase(new URL(url).pathname.slice(1));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Run the CLI with exactly the given environment. */
export function runCli(options: { args: string[]; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...options.args], { cwd: REPO_ROOT, env: options.env, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment of a CLI child: the parent's, minus any Portcullis settings that would point elsewhere. */
export function childEnv(dataDir: string, url: string | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DATABASE_URL|PORTCULLIS_.*|PORT|HOST)$/.test(key)) {
      env[key] = value;
    }
  }
  return { ...env, PORTCULLIS_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...(url ? { DATABASE_URL: url } : {}) };
}

function configFor(dataDir: string, url: string | null): Config {
  return loadConfig({ LOG_LEVEL: "silent", PORTCULLIS_DEMO: "false" } as NodeJS.ProcessEnv, {
    dataDir,
    keyDir: path.join(dataDir, "keys"),
    ...(url ? { databaseUrl: url, dbPoolSize: 2 } : {}),
  });
}

/**
 * Close a Db, pg pool included. Db.close() ends the pool through Kysely, and Kysely skips that when it never
 * ran a query itself (a test that only used db.pool, or an app request answered by the auth hook's raw query).
 */
async function closeFully(db: Db): Promise<void> {
  await db.close();
  if (!db.pool.ending) {
    await db.pool.end();
  }
}

/** Run one statement on the server's maintenance database (CREATE/DROP DATABASE). */
async function adminQuery(text: string): Promise<void> {
  const admin = await openDatabase(configFor(os.tmpdir(), adminUrl()));
  try {
    await admin.pool.query(text);
  } finally {
    await closeFully(admin);
  }
}

/**
 * Drop a test database once this process's connections to it are gone. pg's Pool.end() resolves before
 * its sockets close; forcing the drop earlier makes the server kill them, and pg reports that as an
 * unhandled error in the test worker.
 */
async function dropDatabase(name: string): Promise<void> {
  const admin = await openDatabase(configFor(os.tmpdir(), adminUrl()));
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await admin.pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if (rows[0]?.n === 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await closeFully(admin);
  }
}

/** Parse the single JSON line a `--json` command prints; fails the test on anything else. */
export function parseJsonLine<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.split("\n").filter((l) => l !== "");
  if (lines.length !== 1) {
    throw new Error(`expected exactly one JSON line on stdout, got ${lines.length}: ${stdout}`);
  }
  return JSON.parse(lines[0] ?? "") as T;
}
