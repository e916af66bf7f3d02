/** The server under test, in this process, on a fresh database of each kind the run asks for. */
import fs from "node:fs";
import type { EntityType } from "@portcullis/domain";
import { loadConfig, type RunningServer, SYSTEM_ACTOR, startServer } from "@portcullis/server";
import { createTenant } from "@portcullis/server/modules/tenants/tenants.service.ts";
import { createToken } from "@portcullis/server/modules/tokens/tokens.service.ts";
import { createPgDatabase, dropPgDatabase, pgAvailable, tmpDir } from "./env.ts";
import { note } from "./report.ts";

/** The databases a benchmark runs on: embedded PGlite, or a PostgreSQL server. */
export type DbKind = "embedded" | "postgres";

/** Where one run's data lives: its data dir, and its PostgreSQL database (null for the embedded one). */
export interface FreshDatabase {
  dataDir: string;
  databaseUrl: string | null;
}

/**
 * Run `bench` once for each database kind named in BENCH_DBS (default "embedded,postgres"), in that order.
 * PostgreSQL is skipped with a note when its server does not answer, so a machine without one still runs.
 */
export async function forEachDatabase(bench: (kind: DbKind) => Promise<void>): Promise<void> {
  for (const kind of (process.env.BENCH_DBS ?? "embedded,postgres").split(",")) {
    if (kind === "postgres" && !(await pgAvailable())) {
      note("PostgreSQL not reachable: PostgreSQL figures skipped (set TEST_DATABASE_URL)");
      continue;
    }
    await bench(kind as DbKind);
  }
}

/** Give `fn` a new temporary data dir and, for PostgreSQL, a new empty database; both are gone afterwards. */
export async function withFreshDatabase<T>(kind: DbKind, prefix: string, fn: (db: FreshDatabase) => Promise<T>): Promise<T> {
  const dataDir = tmpDir(prefix);
  const pgDb = kind === "postgres" ? await createPgDatabase() : null;
  try {
    return await fn({ dataDir, databaseUrl: pgDb?.url ?? null });
  } finally {
    if (pgDb) await dropPgDatabase(pgDb.name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Start the server in this process (no demo, no web app, silent logs, a free loopback port) on a fresh database
 * of `kind` (see {@link withFreshDatabase}), give it to `fn`, and stop it before the database goes.
 */
export function withServer<T>(kind: DbKind, prefix: string, fn: (server: RunningServer, dataDir: string) => Promise<T>): Promise<T> {
  return withFreshDatabase(kind, prefix, async ({ dataDir, databaseUrl }) => {
    const env = {
      LOG_LEVEL: "silent",
      PORTCULLIS_DEMO: "false",
      PORT: "0",
      HOST: "127.0.0.1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const server = await startServer(loadConfig(env as NodeJS.ProcessEnv, { dataDir }), { webDist: null });
    try {
      return await fn(server, dataDir);
    } finally {
      await server.stop();
    }
  });
}

/** Create a company with its owner (password login) through the tenants service, as the system. */
export async function createCompany(
  server: RunningServer,
  company: { legalName: string; ownerEmail: string; entityTypes?: EntityType[] },
): Promise<{ tenantId: string; ownerUserId: string }> {
  const { tenant, ownerUserId } = await createTenant({
    db: server.db.kysely,
    input: { legalName: company.legalName, entityTypes: company.entityTypes ?? ["importer"] },
    owner: { email: company.ownerEmail, password: "bench password 123" },
    actor: SYSTEM_ACTOR,
  });
  return { tenantId: tenant.id, ownerUserId };
}

/** An API token of `userId` in the company (named "bench"), for Bearer requests. */
export async function createBenchToken(server: RunningServer, tenantId: string, userId: string): Promise<string> {
  const { token } = await createToken({ db: server.db.kysely, tenantId, userId, actor: SYSTEM_ACTOR, input: { name: "bench" } });
  return token;
}
