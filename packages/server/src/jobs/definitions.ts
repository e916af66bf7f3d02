import { sql } from "kysely";
import { z } from "zod";
import { createCheckpoint, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import type { SigningKey } from "../audit/keys.ts";
import { withSystem } from "../db/tx.ts";
import { remindersJob } from "../modules/notifications/reminders.job.ts";
import type { JobDefinition } from "./worker.ts";

/** The jobs the foundation runs. Later modules add theirs (reminders, exports, recomputations). */
export function foundationJobs(key: SigningKey): JobDefinition[] {
  return [
    {
      name: "auth.cleanup",
      payload: z.object({}).passthrough(),
      everyMs: 60 * 60_000,
      // Expired sessions and old failed-login records are no longer needed.
      handler: async (_p, { db }) => {
        await sql`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`.execute(db);
        await sql`DELETE FROM login_failures WHERE at < now() - interval '1 day'`.execute(db);
        await sql`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - interval '7 days'`.execute(db);
      },
    },
    {
      name: "audit.daily-checkpoints",
      payload: z.object({}).passthrough(),
      everyMs: 24 * 60 * 60_000,
      // A signed checkpoint a day per company bounds how much history a database rewrite could hide.
      handler: async (_p, { db }) => {
        const tenants = await db.selectFrom("audit_heads").select(["tenant_id", "seq"]).execute();
        for (const t of tenants) {
          const last = await db
            .selectFrom("audit_checkpoints")
            .select((eb) => eb.fn.max("seq").as("seq"))
            .where("tenant_id", "=", t.tenant_id)
            .executeTakeFirst();
          if (Number(last?.seq ?? 0) < Number(t.seq)) {
            await withSystem(db, (tx) => createCheckpoint({ tx, tenantId: t.tenant_id, key, actor: SYSTEM_ACTOR }));
          }
        }
      },
    },
    // In-app reminders: expiring evidence, procedure and yearly reviews, the annual review window.
    remindersJob,
  ];
}
