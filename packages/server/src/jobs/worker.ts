import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../db/schema.ts";
import { claimJob, completeJob, enqueueJob, failJob } from "./queue.ts";

/** What a job handler receives. */
export interface JobContext {
  db: Kysely<Database>;
  jobId: string;
  tenantId: string | null;
  attempt: number;
}

/** A job type: a name, a payload schema and a handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  handler: (payload: z.infer<S>, ctx: JobContext) => Promise<void>;
  /** Repeat every N ms (one pending occurrence at a time across all processes). */
  everyMs?: number;
  maxAttempts?: number;
}

/** Options for {@link startWorker}. */
export interface WorkerOptions {
  db: Kysely<Database>;
  jobs: JobDefinition[];
  pollMs: number;
  leaseMs?: number;
  backoffMs?: number;
  concurrency?: number;
  onError?: (err: unknown, job: string) => void;
}

/** A running worker. */
export interface Worker {
  id: string;
  /** Run one poll cycle now (tests); resolves with the number of jobs processed. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Poll the jobs table and run due jobs. Safe to run in several processes on one PostgreSQL:
 * claims use SKIP LOCKED, and recurring jobs are deduplicated by their singleton key.
 */
export function startWorker(options: WorkerOptions, autoStart = true): Worker {
  const id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const byName = new Map(options.jobs.map((j) => [j.name, j]));
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const backoffMs = options.backoffMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;

  const schedule = async () => {
    for (const job of options.jobs) {
      if (job.everyMs) {
        await enqueueJob(options.db, { name: job.name, singletonKey: `every:${job.name}`, maxAttempts: job.maxAttempts ?? 3 });
      }
    }
  };

  const runOne = async (): Promise<boolean> => {
    const claimed = await claimJob(options.db, id, leaseMs);
    if (!claimed) {
      return false;
    }
    const def = byName.get(claimed.name);
    try {
      if (!def) {
        throw new Error(`no handler for job ${claimed.name}`);
      }
      const payload = def.payload.parse(claimed.payload);
      await def.handler(payload, { db: options.db, jobId: claimed.id, tenantId: claimed.tenantId, attempt: claimed.attempts });
      const { everyMs } = def;
      const singletonKey = claimed.singletonKey;
      if (everyMs && singletonKey) {
        // Complete and schedule the next occurrence in one transaction: between two separate statements another
        // worker's schedule() could enqueue a due-now occurrence, and the job would run twice in one period.
        await options.db.transaction().execute(async (tx) => {
          await completeJob(tx, claimed.id, id);
          await enqueueJob(tx, { name: def.name, singletonKey, runAt: new Date(Date.now() + everyMs), maxAttempts: def.maxAttempts ?? 3 });
        });
      } else {
        await completeJob(options.db, claimed.id, id);
      }
    } catch (err) {
      options.onError?.(err, claimed.name);
      await failJob(options.db, claimed, id, err, backoffMs);
    }
    return true;
  };

  const cycle = async (): Promise<number> => {
    let n = 0;
    await schedule();
    const lanes = Array.from({ length: options.concurrency ?? 1 }, async () => {
      while (!stopped && (await runOne())) {
        n += 1;
      }
    });
    await Promise.all(lanes);
    return n;
  };

  const tick = async () => {
    if (stopped) return;
    try {
      running = cycle();
      await running;
    } catch (err) {
      options.onError?.(err, "worker");
    } finally {
      running = null;
      if (!stopped) timer = setTimeout(tick, options.pollMs);
    }
  };
  if (autoStart) {
    timer = setTimeout(tick, 10);
  }

  return {
    id,
    drain: async () => {
      if (running) await running;
      return cycle();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => 0);
    },
  };
}
