import type { Kysely } from "kysely";
import type { Actor } from "../../audit/audit.service.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { DEMO_ANSWERS } from "./security-profile.demo-text.ts";
import { buildProfileItems, todayIso } from "./security-profile.service.ts";
import { putProfileItem } from "./security-profile.write.ts";

function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * Fill a realistic importer profile: most criteria implemented with their own narratives, some partial, a few
 * not implemented, one Should marked not applicable with its justification, a few never reviewed or overdue,
 * and a handful left unassessed. Every answer goes through {@link putProfileItem}, so the rules are checked and
 * each one appends its audit event exactly as the API would. Owners rotate over `ownerUserIds` (active members)
 * by category. Criteria that do not apply to the company's entity types are skipped. Returns how many were saved.
 */
export async function seedProfileDemo(options: {
  db: Kysely<Database>;
  tenantId: string;
  actor: Actor;
  ownerUserIds: readonly string[];
}): Promise<{ saved: number }> {
  const { db, tenantId, actor, ownerUserIds } = options;
  const ctx: TenantCtx = { db, tenantId, actor, userId: actor.id, requestId: null };
  const today = todayIso();
  const { items } = await withScope(db, { tenantId, userId: actor.id }, (tx) => buildProfileItems({ tx, tenantId, today }));
  let saved = 0;
  for (const item of items) {
    const answer = DEMO_ANSWERS[item.criterionId];
    if (!answer) continue;
    const owner = ownerUserIds.length > 0 ? ownerUserIds[item.categoryId % ownerUserIds.length] : undefined;
    await putProfileItem({
      ctx,
      criterionId: item.criterionId,
      input: {
        status: answer.status,
        narrative: answer.narrative,
        ownerUserId: owner ?? null,
        naJustification: answer.naJustification ?? null,
        lastReviewedOn: answer.reviewedMonthsAgo === null ? null : monthsBefore(today, answer.reviewedMonthsAgo),
      },
    });
    saved += 1;
  }
  return { saved };
}
