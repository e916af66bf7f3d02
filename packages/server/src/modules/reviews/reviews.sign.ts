import { canonicalJson } from "@portcullis/domain";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { scopeOf } from "../procedures/procedures.service.ts";
import { todayUtc } from "../procedures/review-interval.ts";
import { countSigned, findReviewRow, findTenantFacts, listTasks, lockReview, lockTenant } from "./reviews.repo.ts";
import type { Compare, ReviewDetail } from "./reviews.schema.ts";
import { readReview } from "./reviews.service.ts";
import {
  compareItems,
  hashSnapshot,
  LIBRARY_STAMP,
  liveSnapshotItems,
  type ProfileSnapshot,
  type SnapshotItem,
} from "./reviews.snapshot.ts";

/**
 * POST /api/security-profile/reviews/{id}/sign: with every task done (422 otherwise), freeze the live profile
 * (items, evidence hashes, approved procedure versions) as version N = signed reviews + 1, with the SHA-256 of
 * its canonical JSON. A database trigger keeps the signed row from ever changing.
 */
export async function signReview(options: { ctx: TenantCtx; id: string; note?: string | null; today?: string }): Promise<ReviewDetail> {
  const { ctx, id } = options;
  const today = options.today ?? todayUtc();
  if (!isUuid(id)) throw notFound("Review");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await lockTenant(tx, ctx.tenantId);
    const review = await lockReview(tx, ctx.tenantId, id);
    if (!review) throw notFound("Review");
    if (review.status === "signed") throw new AppError("conflict", "The review is already signed");
    const open = (await listTasks(tx, ctx.tenantId, id)).filter((t) => t.status !== "done").map((t) => t.category_id);
    if (open.length > 0) {
      throw new AppError("rule_violation", "Every task must be done before the review is signed", { openCategories: open });
    }
    const version = (await countSigned(tx, ctx.tenantId)) + 1;
    const facts = await findTenantFacts(tx, ctx.tenantId);
    const live = await liveSnapshotItems({ tx, tenantId: ctx.tenantId, today });
    const signer = ctx.userId
      ? await tx.selectFrom("users").select("display_name").where("id", "=", ctx.userId).executeTakeFirst()
      : undefined;
    const signedAt = new Date();
    const snapshot: ProfileSnapshot = {
      format: "portcullis.profile-snapshot/1",
      version,
      anniversaryOn: review.anniversary_on,
      takenOn: today,
      signedAt: signedAt.toISOString(),
      signedBy: { id: ctx.userId, displayName: signer?.display_name ?? ctx.actor.label },
      note: options.note ?? null,
      company: { legalName: facts?.legal_name ?? "", entityTypes: live.entityTypes },
      library: LIBRARY_STAMP,
      items: live.items,
    };
    const sha256 = hashSnapshot(snapshot);
    await tx
      .updateTable("profile_reviews")
      .set({
        status: "signed",
        version,
        snapshot: canonicalJson(snapshot),
        snapshot_hash: sha256,
        signed_by: ctx.userId,
        signed_at: signedAt,
        signoff_note: options.note ?? null,
      })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .execute();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "review.sign",
      entityType: "profile-review",
      entityId: id,
      after: {
        version,
        anniversaryOn: review.anniversary_on,
        snapshotSha256: sha256,
        items: live.items.length,
        note: options.note ?? null,
      },
      requestId: ctx.requestId,
    });
    return readReview(tx, ctx.tenantId, id);
  });
}

type End = Compare["from"] & { items: SnapshotItem[] };

async function signedEnd(tx: Tx, tenantId: string, id: string): Promise<End> {
  const row = isUuid(id) ? await findReviewRow(tx, tenantId, id) : undefined;
  if (!row) throw notFound("Review");
  if (row.status !== "signed" || !row.snapshot) {
    throw new AppError("rule_violation", "Only signed reviews can be compared: this one is still open", { id });
  }
  const snap = row.snapshot as ProfileSnapshot;
  return {
    id: row.id,
    version: row.version,
    anniversaryOn: row.anniversary_on,
    signedAt: row.signed_at === null ? null : new Date(row.signed_at).toISOString(),
    takenOn: String(snap.takenOn ?? ""),
    items: Array.isArray(snap.items) ? snap.items : [],
  };
}

async function latestSignedId(tx: Tx, tenantId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom("profile_reviews")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "signed")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/**
 * GET /api/security-profile/reviews/compare?from=&to=: two signed reviews, or a signed review and the live
 * profile (`to=current`, the default). Without `from`, the latest signed review.
 */
export async function compareReviews(options: { ctx: TenantCtx; from?: string; to: string; today?: string }): Promise<Compare> {
  const { ctx } = options;
  const today = options.today ?? todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const fromId = options.from ?? (await latestSignedId(tx, ctx.tenantId));
    if (!fromId) throw new AppError("rule_violation", "No review has been signed yet: there is nothing to compare with");
    const from = await signedEnd(tx, ctx.tenantId, fromId);
    let to: End;
    if (options.to === "current") {
      const live = await liveSnapshotItems({ tx, tenantId: ctx.tenantId, today });
      to = { id: "current", version: null, anniversaryOn: null, signedAt: null, takenOn: today, items: live.items };
    } else {
      to = await signedEnd(tx, ctx.tenantId, options.to);
    }
    const rows = compareItems(from.items, to.items);
    const { items: _a, ...fromEnd } = from;
    const { items: _b, ...toEnd } = to;
    return { from: fromEnd, to: toEnd, changed: rows.filter((r) => r.changed).length, rows };
  });
}
