import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { loadOrCreateSigningKey, type SigningKey } from "./audit/keys.ts";
import type { Config } from "./config.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { type Db, openDatabase } from "./db/open.ts";
import type { DemoProgress } from "./demo/program.ts";
import { seedDemoIfEmpty } from "./demo/seed.ts";
import { buildApp } from "./http/app.ts";
import { foundationJobs } from "./jobs/definitions.ts";
import { startWorker, type Worker } from "./jobs/worker.ts";

/** Package version, shown in /api/health and the OpenAPI document. */
export const VERSION: string = JSON.parse(
  fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../package.json"), "utf8"),
).version;

/** A running Portcullis process. */
export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  key: SigningKey;
  worker: Worker | null;
  url: string;
  /** Demo credentials when the demo company was created by this start. */
  demo: { email: string; password: string } | null;
  stop(): Promise<void>;
}

/** Open the database, migrate, seed the demo on an empty database, and start HTTP and the job worker. */
export async function startServer(
  config: Config,
  options: { logger?: boolean | object; webDist?: string | null; onDemoProgress?: DemoProgress } = {},
): Promise<RunningServer> {
  const db = await openDatabase(config, { purpose: "portcullis serve" });
  let worker: Worker | null = null;
  try {
    await migrateToLatest(db.kysely as never);
    const key = loadOrCreateSigningKey(config.keyDir);
    const demo = config.seedDemo
      ? await seedDemoIfEmpty({ db, config, ...(options.onDemoProgress ? { onProgress: options.onDemoProgress } : {}) })
      : null;
    const app = await buildApp({ deps: { config, db, key, version: VERSION }, logger: options.logger, webDist: options.webDist });
    if (config.role !== "web") {
      worker = startWorker({
        db: db.kysely,
        jobs: foundationJobs(key),
        pollMs: config.jobsPollMs,
        onError: (err, job) => app.log.error({ err, job }, "job failed"),
      });
    }
    let url = "";
    if (config.role !== "worker") {
      url = await app.listen({ port: config.port, host: config.host });
    } else {
      await app.ready();
    }
    let stopping: Promise<void> | null = null;
    return {
      app,
      db,
      key,
      worker,
      url,
      demo,
      stop: () => {
        stopping ??= (async () => {
          await worker?.stop();
          await app.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await worker?.stop();
    await db.close();
    throw err;
  }
}
