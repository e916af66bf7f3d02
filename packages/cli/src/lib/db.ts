import os from "node:os";
import type { Actor } from "@portcullis/server/audit/audit.service.ts";
import { type Config, loadConfig } from "@portcullis/server/config.ts";
import type { Db } from "@portcullis/server/db/open.ts";
import type { Tx } from "@portcullis/server/db/tx.ts";

/** What a command gets once the database is open and migrated. */
export interface CliDb {
  db: Db;
  config: Config;
  /** Migrations applied by this run (usually none). */
  applied: string[];
}

/** Configuration from the environment, with `--data-dir` winning over PORTCULLIS_DATA_DIR. */
export function loadCliConfig(options: { dataDir?: string | undefined }): Config {
  return loadConfig(process.env, options.dataDir ? { dataDir: options.dataDir } : {});
}

/**
 * Open the configured database (PostgreSQL when DATABASE_URL is set, else the embedded one, taking its
 * lock so a running server makes this fail clearly), bring it to the latest schema, run `fn`, close.
 */
export async function withDatabase<T>(
  options: { dataDir?: string | undefined; purpose: string },
  fn: (ctx: CliDb) => Promise<T>,
): Promise<T> {
  const config = loadCliConfig(options);
  // Imported here rather than at the top, like every database module in the CLI: the database stack
  // (PGlite, pg, Kysely) is most of the start-up time, and --help or a bad argument should answer at once.
  const { openDatabase } = await import("@portcullis/server/db/open.ts");
  const { migrateToLatest } = await import("@portcullis/server/db/migrate.ts");
  const db = await openDatabase(config, { purpose: options.purpose });
  try {
    const { applied } = await migrateToLatest(db.kysely as never);
    return await fn({ db, config, applied });
  } finally {
    await db.close();
  }
}

/** `withSystem` from the server (one transaction as the database owner), loaded on first use. */
export async function withSystemTx<T>(db: Db["kysely"], fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { withSystem } = await import("@portcullis/server/db/tx.ts");
  return withSystem(db, fn);
}

/** The audit actor for operator commands: who ran the CLI, as far as the OS knows. */
export function cliActor(): Actor {
  return { id: null, label: `cli:${osUser()}` };
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // Containers may run as a uid with no passwd entry.
    return process.env.USER ?? process.env.USERNAME ?? `uid-${process.getuid?.() ?? "unknown"}`;
  }
}
