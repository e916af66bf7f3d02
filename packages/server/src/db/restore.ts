import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import { acquireDataDirLock } from "./lock.ts";
import type { Db } from "./open.ts";
import type { Database } from "./schema.ts";

/** Options for {@link restoreEmbeddedDatabase}. */
export interface RestoreOptions {
  /** A PGlite data-dir archive (`dumpDataDir`, gzipped or plain tar), e.g. written by `portcullis backup`. */
  archive: Blob;
  /** What to do when the data directory already holds a database: refuse, or move it to pgdata.bak-<timestamp>. */
  existing: "refuse" | "move-aside";
  /** What the lock file should say holds the directory. */
  purpose?: string;
}

/**
 * Unpack a PGlite archive into <dataDir>/pgdata and open it. The data-directory lock is held from before
 * the old database is moved aside until the returned Db is closed, so no server can start on a
 * half-restored directory. When unpacking fails, the previous database is put back.
 */
export async function restoreEmbeddedDatabase(config: Config, options: RestoreOptions): Promise<{ db: Db; movedTo: string | null }> {
  const release = acquireDataDirLock(config.dataDir, options.purpose ?? "portcullis restore");
  const pgdata = path.join(config.dataDir, "pgdata");
  let movedTo: string | null = null;
  let pglite: PGlite | undefined;
  try {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      if (options.existing === "refuse") {
        throw new AppError(
          "conflict",
          `${config.dataDir} already holds a database; restore into an empty data directory or move it aside first`,
        );
      }
      movedTo = `${pgdata}.bak-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(pgdata, movedTo);
    }
    pglite = new PGlite(pgdata, { loadDataDir: options.archive });
    await pglite.waitReady;
  } catch (err) {
    await pglite?.close().catch(() => {});
    if (movedTo) {
      // Put the previous database back rather than leave a broken one in its place.
      fs.rmSync(pgdata, { recursive: true, force: true });
      fs.renameSync(movedTo, pgdata);
    } else if (!(err instanceof AppError)) {
      fs.rmSync(pgdata, { recursive: true, force: true });
    }
    release();
    throw err;
  }
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const opened = pglite;
  return {
    movedTo,
    db: {
      kind: "embedded",
      kysely,
      pool,
      pglite: opened,
      close: async () => {
        await kysely.destroy();
        // Kysely ends the pool only if it ever ran a query; end it here either way.
        if (!pool.ending) {
          await pool.end();
        }
        await opened.close();
        release();
      },
    },
  };
}
