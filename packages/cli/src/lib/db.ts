import os from "node:os";
import { type Actor, type Config, type Db, loadConfig, migrateToLatest, openDatabase } from "@portcullis/server";

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
export async function withDatabase<T>(options: { dataDir?: string | undefined; purpose: string }, fn: (ctx: CliDb) => Promise<T>): Promise<T> {
  const config = loadCliConfig(options);
  const db = await openDatabase(config, { purpose: options.purpose });
  try {
    const { applied } = await migrateToLatest(db.kysely as never);
    return await fn({ db, config, applied });
  } finally {
    await db.close();
  }
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
