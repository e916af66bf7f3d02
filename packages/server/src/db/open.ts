import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { acquireDataDirLock } from "./lock.ts";
import type { Database } from "./schema.ts";

// Return DATE columns as plain 'YYYY-MM-DD' strings: no time-zone shifts on calendar dates.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint counts and sequences fit in a JS number for everything we store.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** An open database, whichever kind. */
export interface Db {
  kind: "embedded" | "postgres";
  kysely: Kysely<Database>;
  pool: pg.Pool;
  /** The PGlite instance when embedded (backups, snapshots). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** Options for opening a database beyond the config. */
export interface OpenOptions {
  /** What the lock file should say holds the directory. */
  purpose?: string;
  /** Open an in-memory embedded database from a data-dir snapshot (tests). */
  snapshot?: Blob | File;
}

/**
 * Open PostgreSQL when DATABASE_URL is set, else the embedded PGlite database in the data directory
 * (taking its lock, so a second process gets a clear error instead of a corrupted database).
 */
export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Db> {
  if (config.databaseUrl) {
    const pool = watchIdleErrors(new pg.Pool({ connectionString: config.databaseUrl, max: config.dbPoolSize }));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await pool.query("SELECT 1");
    return {
      kind: "postgres",
      kysely,
      pool,
      close: async () => {
        await kysely.destroy();
        // Kysely only ends a pool it has used; raw pool queries (credential lookups) may be all there was.
        if (!pool.ending) await pool.end();
      },
    };
  }
  let release: (() => void) | undefined;
  let pglite: PGlite;
  if (options.snapshot) {
    pglite = new PGlite({ loadDataDir: options.snapshot });
  } else {
    release = acquireDataDirLock(config.dataDir, options.purpose ?? "portcullis");
    const pgdata = path.join(config.dataDir, "pgdata");
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      pglite = new PGlite(pgdata);
      await pglite.waitReady;
    } catch (err) {
      release();
      throw err;
    }
  }
  await pglite.waitReady;
  const pool = watchIdleErrors(new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "embedded",
    kysely,
    pool,
    pglite,
    close: async () => {
      await kysely.destroy();
      await pglite.close();
      release?.();
    },
  };
}

/**
 * A pool emits `error` when an idle connection dies (server restart, network reset, admin kill). Without a
 * listener Node treats that as an uncaught exception and the whole process exits; the pool already drops the
 * dead client and the next query opens a new one, so a line on stderr is all it deserves.
 */
function watchIdleErrors(pool: pg.Pool): pg.Pool {
  pool.on("error", (err) => {
    process.stderr.write(`portcullis: an idle database connection failed and was dropped: ${err.message}\n`);
  });
  return pool;
}
