import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { loadOrCreateSigningKey, type SigningKey } from "../audit/keys.ts";
import { type Config, loadConfig } from "../config.ts";
import { type Db, openDatabase } from "../db/open.ts";
import { buildApp } from "../http/app.ts";
import { adminUrl, databaseUrl, testDbKind } from "./test-db.ts";

/** A fresh, migrated database and the real HTTP app on it, for one test file. */
export interface Harness {
  kind: "pglite" | "postgres";
  app: FastifyInstance;
  db: Db;
  config: Config;
  key: SigningKey;
  /** For PostgreSQL: the connection string of this file's database. */
  url: string | null;
  /** Owner (superuser) SQL, bypassing RLS: for setting up tampering and checking row counts. */
  rawQuery<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Test configuration: temp key dir, no demo, generous but finite login limits. */
export function loadTestConfig(overrides: Partial<Config> = {}): Config {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-test-"));
  return loadConfig({ LOG_LEVEL: "silent", PORTCULLIS_DEMO: "false" } as NodeJS.ProcessEnv, {
    dataDir: dir,
    keyDir: path.join(dir, "keys"),
    ...overrides,
  });
}

/** Open this file's database (from the run's migrated template) and build the app on it. */
export async function createHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const kind = testDbKind();
  let db: Db;
  let config: Config;
  let url: string | null = null;
  if (kind === "pglite") {
    config = loadTestConfig(overrides);
    const snapshot = new Blob([fs.readFileSync(inject("pgliteSnapshot"))]);
    db = await openDatabase(config, { snapshot });
  } else {
    const name = `pc_t_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    await admin.end();
    url = databaseUrl(name);
    config = loadTestConfig({ databaseUrl: url, dbPoolSize: 5, ...overrides });
    db = await openDatabase(config);
  }
  const key = loadOrCreateSigningKey(config.keyDir);
  const app = await buildApp({ deps: { config, db, key, version: "test" }, logger: false, webDist: null });
  await app.ready();
  return {
    kind,
    app,
    db,
    config,
    key,
    url,
    rawQuery: async (text, values) => (await db.pool.query(text, values as unknown[])).rows,
    close: async () => {
      await app.close();
      await db.close();
      if (url) {
        const admin = new pg.Client({ connectionString: adminUrl() });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
        await admin.end();
      }
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
