import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { loadTestConfig } from "../test/harness.ts";
import { adminUrl, databaseUrl, testDbKind } from "../test/test-db.ts";
import { acquireDataDirLock, readLock } from "./lock.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";
import { openDatabase } from "./open.ts";

describe.runIf(testDbKind() === "postgres")("migrations on PostgreSQL", () => {
  it("run from an empty database, and two migrators starting at once apply each migration exactly once", async () => {
    const name = `pc_tmig_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const dbs = [0, 1].map(
      () => new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl(name), max: 2 }) }) }),
    );
    try {
      const results = await Promise.all(dbs.map((db) => migrateToLatest(db)));
      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(Object.keys(migrations).sort());
      const check = new pg.Client({ connectionString: databaseUrl(name) });
      await check.connect();
      const { rows } = await check.query("SELECT name FROM schema_migrations ORDER BY name");
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      await check.end();
      expect((await migrateToLatest(dbs[0]!)).applied).toEqual([]);
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe.runIf(testDbKind() === "pglite")("embedded data directory", () => {
  it("refuses a second opener with the holder's PID, and takes over a lock left by a dead process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-lock-"));
    const config = loadTestConfig({ dataDir: dir });
    const release = acquireDataDirLock(dir, "test holder");
    await expect(openDatabase(config)).rejects.toThrow(`data directory in use by PID ${process.pid}`);
    release();
    expect(readLock(dir)).toBeNull();
    // A crashed process leaves its lock behind: PID 2^22+1 is beyond Linux's pid_max default, so never alive.
    fs.writeFileSync(path.join(dir, "portcullis.lock"), JSON.stringify({ pid: 4194305, startedAt: "x", purpose: "crashed" }));
    const again = acquireDataDirLock(dir, "second");
    expect(readLock(dir)?.pid).toBe(process.pid);
    again();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
