import { randomUUID } from "node:crypto";
import { canonicalJson } from "@portcullis/domain";
import { Kysely } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import { addDaysIso, todayUtc } from "../procedures/review-interval.ts";
import { nextAnniversary, REVIEW_WINDOW_DAYS } from "./anniversary.ts";
import { findTenantFacts } from "./reviews.repo.ts";
import { hashSnapshot, LIBRARY_STAMP, liveSnapshotItems, type ProfileSnapshot, type SnapshotItem } from "./reviews.snapshot.ts";

/** What the profile looked like a year ago for a few items, so the first compare shows real progress. */
function lastYear(items: SnapshotItem[]): SnapshotItem[] {
  let partials = 0;
  let missingEvidence = 0;
  return items.map((item) => {
    if (partials < 3 && item.status === "implemented") {
      partials += 1;
      return { ...item, status: "partial", narrative: "Written procedure in place; roll-out to the Laredo cross-dock still under way." };
    }
    if (missingEvidence < 2 && item.evidence.length > 0) {
      missingEvidence += 1;
      return { ...item, evidence: item.evidence.slice(0, -1) };
    }
    return item;
  });
}

/**
 * Seed last year's signed annual review (the anniversary before the next one), so "compare with today" works on
 * first start. The signed row is inserted directly, because its signature date lies in the past and a signed review
 * can never be updated afterwards; its snapshot is today's profile with a few items set back to what they were.
 * The audit trail records the opening and the signature as the API would (on the day the demo was seeded).
 * Call it after the profile, evidence and procedures demos. Does nothing without an anniversary date.
 */
export async function seedReviewsDemo(options: { db: Db | Kysely<Database>; tenantId: string; signerId: string }): Promise<string | null> {
  const db = options.db instanceof Kysely ? options.db : options.db.kysely;
  const { tenantId, signerId } = options;
  const today = todayUtc();
  return withScope(db, { tenantId, userId: signerId }, async (tx) => {
    const facts = await findTenantFacts(tx, tenantId);
    if (!facts?.anniversary_date) return null;
    const next = nextAnniversary(facts.anniversary_date, today);
    const anniversaryOn = nextAnniversary(facts.anniversary_date, addDaysIso(next, -366));
    const signedOn = addDaysIso(anniversaryOn, -12);
    const signer = await tx.selectFrom("users").select(["email", "display_name"]).where("id", "=", signerId).executeTakeFirstOrThrow();
    const actor = { id: signerId, label: signer.email };
    const live = await liveSnapshotItems({ tx, tenantId, today: signedOn });
    const categories = [...new Set(live.items.map((i) => i.categoryId))].sort((a, b) => a - b);
    const signedAt = new Date(`${signedOn}T16:30:00Z`);
    const snapshot: ProfileSnapshot = {
      format: "portcullis.profile-snapshot/1",
      version: 1,
      anniversaryOn,
      takenOn: signedOn,
      signedAt: signedAt.toISOString(),
      signedBy: { id: signerId, displayName: signer.display_name },
      note: "First annual review in Portcullis; open items carried into this year's plan.",
      company: { legalName: facts.legal_name, entityTypes: live.entityTypes },
      library: LIBRARY_STAMP,
      items: lastYear(live.items),
    };
    const sha256 = hashSnapshot(snapshot);
    const id = randomUUID();
    await tx
      .insertInto("profile_reviews")
      .values({
        id,
        tenant_id: tenantId,
        anniversary_on: anniversaryOn,
        opens_on: addDaysIso(anniversaryOn, -REVIEW_WINDOW_DAYS),
        status: "signed",
        version: 1,
        snapshot: canonicalJson(snapshot),
        snapshot_hash: sha256,
        signed_by: signerId,
        signed_at: signedAt,
        signoff_note: snapshot.note,
        created_by: signerId,
        created_at: new Date(`${addDaysIso(anniversaryOn, -80)}T14:00:00Z`),
      })
      .execute();
    if (categories.length > 0) {
      await tx
        .insertInto("profile_review_tasks")
        .values(
          categories.map((c, n) => ({
            tenant_id: tenantId,
            review_id: id,
            category_id: c,
            owner_user_id: signerId,
            status: "done",
            note: "Reviewed; no change needed beyond the items noted.",
            completed_by: signerId,
            completed_at: new Date(`${addDaysIso(signedOn, -(categories.length - n))}T15:00:00Z`),
          })),
        )
        .execute();
    }
    const base = { tenantId, actor, entityType: "profile-review", entityId: id, requestId: null };
    await appendAuditEvent(tx, {
      ...base,
      action: "review.open",
      after: { anniversaryOn, opensOn: addDaysIso(anniversaryOn, -REVIEW_WINDOW_DAYS) },
    });
    await appendAuditEvent(tx, {
      ...base,
      action: "review.sign",
      after: { version: 1, anniversaryOn, snapshotSha256: sha256, items: snapshot.items.length, note: snapshot.note },
    });
    return id;
  });
}
