import { setTimeout as sleep } from "node:timers/promises";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import { createHarness, type Harness } from "../test/harness.ts";
import { enqueueJob } from "./queue.ts";
import { type JobDefinition, startWorker, type Worker } from "./worker.ts";

const anyPayload = z.object({}).passthrough();

interface JobRow {
  id: string;
  name: string;
  status: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date;
  finished_at: Date | null;
  singleton_key: string | null;
}

describe("job queue", () => {
  let h: Harness;
  const workers: Worker[] = [];
  const extraDbs: Kysely<Database>[] = [];

  const jobsNamed = (name: string) => h.rawQuery<JobRow>("SELECT * FROM jobs WHERE name = $1 ORDER BY created_at, id", [name]);
  const makeDue = (name: string) =>
    h.rawQuery("UPDATE jobs SET run_at = now() - interval '1 millisecond' WHERE name = $1 AND status = 'queued'", [name]);
  const worker = (db: Kysely<Database>, jobs: JobDefinition[], extra: { backoffMs?: number; concurrency?: number } = {}) => {
    const w = startWorker({ db, jobs, pollMs: 60_000, ...extra }, false);
    workers.push(w);
    return w;
  };

  /** A second, independent connection to the same database: its own pool on PostgreSQL. */
  function secondDb(): Kysely<Database> {
    if (h.kind !== "postgres" || !h.url) {
      return h.db.kysely; // PGlite is one in-process database: both workers share its connection
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: h.url, max: 5 }) }) });
    extraDbs.push(db);
    return db;
  }

  beforeAll(async () => {
    h = await createHarness();
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    for (const db of extraDbs) await db.destroy();
    await h?.close();
  }, 60_000);

  it("retries a failing job with exponential backoff, then marks it failed and stops", async () => {
    let calls = 0;
    const base = 1_000;
    const w = worker(
      h.db.kysely,
      [
        {
          name: "test.always-fails",
          payload: anyPayload,
          handler: async () => {
            calls += 1;
            throw new Error(`boom ${calls}`);
          },
        },
      ],
      { backoffMs: base },
    );
    const id = await enqueueJob(h.db.kysely, { name: "test.always-fails", maxAttempts: 3 });
    expect(id).toEqual(expect.any(String));

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const before = Date.now();
      expect(await w.drain()).toBe(1);
      const after = Date.now();
      const [job] = await jobsNamed("test.always-fails");
      expect(job).toMatchObject({ id, attempts: attempt, last_error: `boom ${attempt}` });
      if (attempt < 3) {
        expect(job?.status).toBe("queued");
        expect(job?.finished_at).toBeNull();
        // run_at = failure time + base × 2^(attempt − 1)
        const delay = base * 2 ** (attempt - 1);
        const runAt = new Date(job?.run_at ?? 0).getTime();
        expect(runAt).toBeGreaterThanOrEqual(before + delay);
        expect(runAt).toBeLessThanOrEqual(after + delay);
        // Not due yet: a drain right away runs nothing.
        expect(await w.drain()).toBe(0);
        expect(calls).toBe(attempt);
        await makeDue("test.always-fails");
      } else {
        expect(job?.status).toBe("failed");
        expect(job?.finished_at).not.toBeNull();
      }
    }
    // A failed job is never picked up again, even once its run_at has passed.
    await h.rawQuery("UPDATE jobs SET run_at = now() - interval '1 hour' WHERE id = $1", [id]);
    expect(await w.drain()).toBe(0);
    expect(calls).toBe(3);
  });

  it("fails (and retries) a job with no handler or an invalid payload instead of crashing the worker", async () => {
    let ran = 0;
    const w = worker(h.db.kysely, [
      {
        name: "test.strict",
        payload: z.strictObject({ n: z.number() }),
        handler: async () => {
          ran += 1;
        },
      },
    ]);
    await enqueueJob(h.db.kysely, { name: "test.strict", payload: { n: "not a number" }, maxAttempts: 1 });
    await enqueueJob(h.db.kysely, { name: "test.unknown", maxAttempts: 1 });
    expect(await w.drain()).toBe(2);
    expect(ran).toBe(0);
    const [strict] = await jobsNamed("test.strict");
    const [unknown] = await jobsNamed("test.unknown");
    expect(strict).toMatchObject({ status: "failed", attempts: 1 });
    expect(unknown).toMatchObject({ status: "failed", attempts: 1, last_error: "no handler for job test.unknown" });
  });

  it("deduplicates a recurring job: one pending occurrence and one run per period, across two workers", async () => {
    let runs = 0;
    const tick: JobDefinition = {
      name: "test.tick",
      payload: anyPayload,
      everyMs: 60_000,
      handler: async () => {
        runs += 1;
        await sleep(2);
      },
    };
    const a = worker(h.db.kysely, [tick]);
    const b = worker(secondDb(), [tick]);
    const pending = async () =>
      (await jobsNamed("test.tick")).filter((j) => j.status === "queued" || j.status === "running").map((j) => j.singleton_key);

    // Both workers schedule the same occurrence at once; it runs once.
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(1);
    expect(runs).toBe(1);
    expect(await pending()).toEqual(["every:test.tick"]);
    const [next] = (await jobsNamed("test.tick")).filter((j) => j.status === "queued");
    expect(new Date(next?.run_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await enqueueJob(h.db.kysely, { name: "test.tick", singletonKey: "every:test.tick" })).toBeNull();

    // Not due: more drains do nothing.
    await Promise.all([a.drain(), b.drain(), a.drain()]);
    expect(runs).toBe(1);

    // Each time the period elapses, exactly one more run, and still one pending occurrence.
    for (let period = 2; period <= 12; period += 1) {
      await makeDue("test.tick");
      await Promise.all([a.drain(), b.drain()]);
      expect(runs, `runs after period ${period}`).toBe(period);
      expect(await pending()).toEqual(["every:test.tick"]);
    }
  });

  it("never runs a recurring job twice in one period, even when another worker schedules while it completes", async () => {
    let runs = 0;
    const make = (): JobDefinition => ({
      name: "test.hammer",
      payload: anyPayload,
      everyMs: 60_000,
      handler: async () => {
        runs += 1;
      },
    });
    const a = worker(h.db.kysely, [make()]);
    const b = worker(secondDb(), [make()]);
    await a.drain();
    expect(runs).toBe(1);
    for (let period = 2; period <= 25; period += 1) {
      await makeDue("test.hammer");
      // A runs the due occurrence; meanwhile B keeps scheduling (its every poll enqueues the singleton).
      let done = false;
      const hammer = (async () => {
        while (!done) await b.drain();
      })();
      await a.drain();
      done = true;
      await hammer;
      expect(runs, `runs after period ${period}`).toBe(period);
      const pending = (await jobsNamed("test.hammer")).filter((j) => j.status === "queued" || j.status === "running");
      expect(pending).toHaveLength(1);
      expect(new Date(pending[0]?.run_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 50_000);
    }
  });

  it("runs each of 200 jobs exactly once with two workers draining concurrently", async () => {
    const runsById = new Map<string, number>();
    const byWorker = [0, 0];
    const job = (index: 0 | 1): JobDefinition => ({
      name: "test.item",
      payload: z.object({ n: z.number() }),
      handler: async (_payload, ctx) => {
        runsById.set(ctx.jobId, (runsById.get(ctx.jobId) ?? 0) + 1);
        byWorker[index] = (byWorker[index] ?? 0) + 1;
        await sleep(Math.floor(Math.random() * 3));
      },
    });
    const ids: string[] = [];
    for (let n = 0; n < 200; n += 1) {
      const id = await enqueueJob(h.db.kysely, { name: "test.item", payload: { n } });
      if (id) ids.push(id);
    }
    expect(ids).toHaveLength(200);
    const first = worker(h.db.kysely, [job(0)], { concurrency: 4 });
    const second = worker(secondDb(), [job(1)], { concurrency: 4 });
    const [n1, n2] = await Promise.all([first.drain(), second.drain()]);

    expect(n1 + n2).toBe(200);
    expect([...runsById.keys()].sort()).toEqual([...ids].sort());
    expect([...runsById.values()].filter((n) => n !== 1)).toEqual([]);
    // Both really took part.
    expect(byWorker[0]).toBeGreaterThan(0);
    expect(byWorker[1]).toBeGreaterThan(0);
    const rows = await jobsNamed("test.item");
    expect(rows.filter((r) => r.status !== "done" || r.attempts !== 1)).toEqual([]);
  });
});
