import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { AppError } from "../errors.ts";
import { migrations } from "./migrations/index.ts";

/**
 * Apply every pending migration. Kysely's Migrator holds a PostgreSQL advisory lock for the run,
 * so two processes migrating one database at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<{ applied: string[] }> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new AppError("unavailable", `migration ${failed?.migrationName ?? "?"} failed: ${String(result.error)}`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
