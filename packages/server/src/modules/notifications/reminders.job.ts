import { randomUUID } from "node:crypto";
import { canonicalJson } from "@portcullis/domain";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { appendAuditEvent, SYSTEM_ACTOR } from "../../audit/audit.service.ts";
import type { Database } from "../../db/schema.ts";
import { type Tx, withScope, withSystem } from "../../db/tx.ts";
import type { JobDefinition } from "../../jobs/worker.ts";
import { collectPartnerReminders } from "../partners/partners.reminders.ts";
import { REVIEW_DUE_WITHIN_DAYS } from "../procedures/procedures.present.ts";
import { addDaysIso, todayUtc } from "../procedures/review-interval.ts";
import { collectQuestionnaireReminders } from "../questionnaires/questionnaires.reminders.ts";
import { reviewWindow } from "../reviews/anniversary.ts";
import { buildProfileItems } from "../security-profile/security-profile.service.ts";
import type { NotificationKind } from "./notifications.schema.ts";

/** One reminder to record; `dedupeKey` makes it once-only per company. */
export interface Reminder {
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  params: Record<string, unknown>;
  dueOn: string | null;
  dedupeKey: string;
}

// The date in each key means a renewed file, a new review deadline or next year's window reminds again.
const reminder = (r: Omit<Reminder, "dedupeKey">, date: string | null): Reminder => ({
  ...r,
  dedupeKey: `${r.kind}:${r.subjectId}:${date ?? "never"}`,
});

/** Everything one company should be reminded of on `today`. `tx` must be scoped to the company. */
export async function collectReminders(tx: Tx, tenantId: string, today: string): Promise<Reminder[]> {
  const out: Reminder[] = [];
  // Evidence: expiring once inside its own reminder period, expired after its expiry date.
  const evidence = await tx
    .selectFrom("evidence_items")
    .select(["id", "title", "expires_on", "remind_days"])
    .where("tenant_id", "=", tenantId)
    .where("archived_at", "is", null)
    .where("expires_on", "is not", null)
    .where(sql<boolean>`expires_on - remind_days <= ${today}::date`)
    .execute();
  for (const e of evidence) {
    const expiresOn = e.expires_on as string;
    const kind = expiresOn < today ? "evidence.expired" : "evidence.expiring";
    out.push(
      reminder({ kind, subjectType: "evidence", subjectId: e.id, params: { title: e.title, expiresOn }, dueOn: expiresOn }, expiresOn),
    );
  }
  // Procedures whose review falls due within 30 days, or is overdue.
  const procedures = await tx
    .selectFrom("procedures")
    .select(["id", "code", "title", "next_review_on"])
    .where("tenant_id", "=", tenantId)
    .where("archived_at", "is", null)
    .where("next_review_on", "<=", addDaysIso(today, REVIEW_DUE_WITHIN_DAYS))
    .execute();
  for (const p of procedures) {
    const due = p.next_review_on as string;
    const kind = due < today ? "procedure.review-overdue" : "procedure.review-due";
    out.push(
      reminder(
        { kind, subjectType: "procedure", subjectId: p.id, params: { code: p.code, title: p.title, nextReviewOn: due }, dueOn: due },
        due,
      ),
    );
  }
  // The annual review window, unless that year's review has already been opened.
  const tenant = await tx.selectFrom("tenants").select("anniversary_date").where("id", "=", tenantId).executeTakeFirst();
  const window = reviewWindow(tenant?.anniversary_date ?? null, today);
  if (window.windowOpen && window.nextAnniversary) {
    const opened = await tx
      .selectFrom("profile_reviews")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("anniversary_on", "=", window.nextAnniversary)
      .executeTakeFirst();
    if (!opened) {
      out.push(
        reminder(
          {
            kind: "review.window-open",
            subjectType: "profile-review",
            subjectId: window.nextAnniversary,
            params: { anniversaryOn: window.nextAnniversary, windowOpensOn: window.windowOpensOn },
            dueOn: window.nextAnniversary,
          },
          window.nextAnniversary,
        ),
      );
    }
  }
  // Criteria that must be reviewed yearly (2.3, 4.6, 6.1, 9.8) and are overdue.
  const { items } = await buildProfileItems({ tx, tenantId, today });
  for (const i of items.filter((x) => x.yearlyReview && x.reviewOverdue)) {
    out.push(
      reminder(
        {
          kind: "profile.review-overdue",
          subjectType: "criterion",
          subjectId: i.criterionId,
          params: { criterionId: i.criterionId, lastReviewedOn: i.lastReviewedOn, reviewDueOn: i.reviewDueOn },
          dueOn: i.reviewDueOn,
        },
        i.reviewDueOn,
      ),
    );
  }
  // Business partners: lapsed certifications, yearly re-verifications and rescreens due within 30 days.
  out.push(...(await collectPartnerReminders(tx, tenantId, today)));
  // Partner questionnaires due within 7 days or overdue.
  out.push(...(await collectQuestionnaireReminders(tx, tenantId, today)));
  return out;
}

/** Record a company's reminders, each once (the unique dedupe key absorbs repeats); returns how many are new. */
async function recordReminders(tx: Tx, tenantId: string, reminders: Reminder[]): Promise<Reminder[]> {
  const created: Reminder[] = [];
  for (const r of reminders) {
    const row = await tx
      .insertInto("notifications")
      .values({
        id: randomUUID(),
        tenant_id: tenantId,
        user_id: null,
        kind: r.kind,
        subject_type: r.subjectType,
        subject_id: r.subjectId,
        // Generated<Json> loses the insert type; the column takes JSON text.
        params: canonicalJson(r.params) as never,
        due_on: r.dueOn,
        dedupe_key: r.dedupeKey,
        read_at: null,
      })
      .onConflict((oc) => oc.columns(["tenant_id", "dedupe_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) created.push(r);
  }
  return created;
}

/** What one run did. */
export interface RemindersResult {
  tenants: number;
  created: number;
  failed: { tenantId: string; error: string }[];
}

/**
 * Record every company's reminders for `today`. The company list is read as the system; each company's work
 * then runs in its own transaction scoped to that company (row-level security applies, so a bug cannot write
 * into another company), together with one audit event when something new was recorded. A company that fails
 * does not stop the others; the run reports it and the job retries (the dedupe keys make a rerun harmless).
 */
export async function runReminders(options: { db: Kysely<Database>; today: string }): Promise<RemindersResult> {
  const { db, today } = options;
  const tenants = await withSystem(db, (tx) => tx.selectFrom("tenants").select("id").orderBy("id").execute());
  const result: RemindersResult = { tenants: tenants.length, created: 0, failed: [] };
  for (const { id: tenantId } of tenants) {
    try {
      const created = await withScope(db, { tenantId }, async (tx) => {
        const fresh = await recordReminders(tx, tenantId, await collectReminders(tx, tenantId, today));
        if (fresh.length > 0) {
          const kinds: Record<string, number> = {};
          for (const r of fresh) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
          await appendAuditEvent(tx, {
            tenantId,
            actor: SYSTEM_ACTOR,
            action: "notification.create",
            entityType: "notification",
            after: { on: today, created: fresh.length, kinds },
          });
        }
        return fresh.length;
      });
      result.created += created;
    } catch (err) {
      result.failed.push({ tenantId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}

/** The daily reminders job (registered with the worker in jobs/definitions.ts). */
export const remindersJob: JobDefinition = {
  name: "reminders.daily",
  payload: z.object({}).passthrough(),
  everyMs: 24 * 60 * 60_000,
  handler: async (_payload, { db }) => {
    const result = await runReminders({ db, today: todayUtc() });
    if (result.failed.length > 0) {
      throw new Error(`reminders failed for ${result.failed.length} of ${result.tenants} companies: ${result.failed[0]?.error}`);
    }
  },
};
