import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** A job to enqueue. */
export interface EnqueueInput {
  name: string;
  payload?: unknown;
  tenantId?: string | null;
  /** When to run; default now. */
  runAt?: Date;
  maxAttempts?: number;
  /** At most one queued or running job per key (deduplication across processes). */
  singletonKey?: string;
}

/**
 * Put a job on the database queue. Pass a transaction to enqueue atomically with the change that
 * caused it. Returns the job id, or null when a job with the same singleton key is already pending.
 */
export async function enqueueJob(db: Kysely<Database>, input: EnqueueInput): Promise<string | null> {
  const id = randomUUID();
  const result = await sql<{ id: string }>`
    INSERT INTO jobs (id, name, payload, tenant_id, run_at, max_attempts, singleton_key)
    VALUES (${id}, ${input.name}, ${JSON.stringify(input.payload ?? {})}::jsonb, ${input.tenantId ?? null},
            ${input.runAt ?? new Date()}, ${input.maxAttempts ?? 5}, ${input.singletonKey ?? null})
    ON CONFLICT (singleton_key) WHERE singleton_key IS NOT NULL AND status IN ('queued', 'running') DO NOTHING
    RETURNING id`.execute(db);
  return result.rows[0]?.id ?? null;
}

/** A claimed job. */
export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  tenantId: string | null;
  attempts: number;
  maxAttempts: number;
  singletonKey: string | null;
}

/**
 * Claim the next due job. FOR UPDATE SKIP LOCKED means two workers (in one process or many) never
 * claim the same job; a job whose worker died is reclaimed once its lease expires.
 */
export async function claimJob(db: Kysely<Database>, workerId: string, leaseMs: number): Promise<ClaimedJob | null> {
  const result = await sql<{
    id: string;
    name: string;
    payload: unknown;
    tenant_id: string | null;
    attempts: number;
    max_attempts: number;
    singleton_key: string | null;
  }>`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
                    locked_until = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = (
      SELECT id FROM jobs
      WHERE (status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now())
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, name, payload, tenant_id, attempts, max_attempts, singleton_key`.execute(db);
  const row = result.rows[0];
  return row
    ? {
        id: row.id,
        name: row.name,
        payload: row.payload,
        tenantId: row.tenant_id,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        singletonKey: row.singleton_key,
      }
    : null;
}

/** Mark a job done. */
export async function completeJob(db: Kysely<Database>, id: string, workerId: string): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "done", finished_at: new Date(), locked_until: null })
    .where("id", "=", id)
    .where("locked_by", "=", workerId)
    .execute();
}

/** Record a failure: retry later with exponential backoff, or give up after the last attempt. */
export async function failJob(
  db: Kysely<Database>,
  job: ClaimedJob,
  workerId: string,
  error: unknown,
  baseBackoffMs: number,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const giveUp = job.attempts >= job.maxAttempts;
  await db
    .updateTable("jobs")
    .set({
      status: giveUp ? "failed" : "queued",
      last_error: message.slice(0, 2000),
      run_at: new Date(Date.now() + baseBackoffMs * 2 ** (job.attempts - 1)),
      finished_at: giveUp ? new Date() : null,
      locked_until: null,
    })
    .where("id", "=", job.id)
    .where("locked_by", "=", workerId)
    .execute();
}
