import { type Kysely, type MigrationResultSet, Migrator, sql } from "kysely";
import { AppError } from "../errors.ts";
import { migrations } from "./migrations/index.ts";

/**
 * Apply every pending migration. Kysely's Migrator holds a PostgreSQL advisory lock for the run,
 * so two processes migrating one database at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<{ applied: string[] }> {
  // Fast path for every start after the first: one read instead of the migrator's lock dance.
  const done = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db).then(
    (r) => new Set(r.rows.map((row) => row.name)),
    () => new Set<string>(),
  );
  if (Object.keys(migrations).every((name) => done.has(name))) {
    return { applied: [] };
  }
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
