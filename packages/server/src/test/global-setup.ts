import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../db/migrate.ts";
import { adminUrl, databaseUrl } from "./test-db.ts";

/**
 * Prepare one migrated database per test run, from empty: a PGlite data-dir snapshot, or a PostgreSQL
 * template database. Each test file then gets its own copy, so files run in parallel without cleanup.
 */
export default async function setup(project: TestProject) {
  // Project env reaches test workers, not this process: the project name says which database.
  const kind = project.name === "postgres" ? "postgres" : "pglite";
  if (kind === "pglite") {
    const pglite = new PGlite();
    const pool = new pg.Pool({ ...(await import("@electric-sql/pglite/node-postgres")).createPgConfig(pglite) } as never);
    const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(kysely);
    await kysely.destroy();
    const dump = await pglite.dumpDataDir("none");
    await pglite.close();
    const file = path.join(os.tmpdir(), `portcullis-test-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteSnapshot", file);
    return () => fs.rmSync(file, { force: true });
  }
  const template = `pc_tpl_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL tests need a server at ${adminUrl()} (set TEST_DATABASE_URL, or TEST_POSTGRES=off to run without it): ${String(err)}`,
    );
  }
  await admin.query(`CREATE DATABASE ${template}`);
  const pool = new pg.Pool({ connectionString: databaseUrl(template), max: 2 });
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(kysely);
  await kysely.destroy();
  project.provide("pgTemplate", template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `pc_t%_${process.pid}_%`,
    ]);
    for (const r of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    }
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}
