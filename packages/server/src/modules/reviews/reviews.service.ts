import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { activeInternalMembers } from "../procedures/procedures.repo.ts";
import { assertOwner, isUniqueViolation, scopeOf } from "../procedures/procedures.service.ts";
import { todayUtc } from "../procedures/review-interval.ts";
import { buildProfileItems } from "../security-profile/security-profile.service.ts";
import { reviewWindow } from "./anniversary.ts";
import { presentSnapshot, presentSummary, presentTask } from "./reviews.present.ts";
import { findReviewRow, findTenantFacts, listReviewRows, listTasks, lockReview } from "./reviews.repo.ts";
import type { ReviewDetail, UpdateTaskInput } from "./reviews.schema.ts";

/** Read one review with its tasks inside a scoped transaction (404 when it is not ours). */
export async function readReview(tx: Tx, tenantId: string, id: string): Promise<ReviewDetail> {
  const row = await findReviewRow(tx, tenantId, id);
  if (!row) throw notFound("Review");
  const tasks = await listTasks(tx, tenantId, id);
  return { ...presentSummary(row), signoffNote: row.signoff_note, tasks: tasks.map(presentTask), snapshot: presentSnapshot(row) };
}

/** GET /api/security-profile/reviews: where the company stands in its yearly cycle, and its reviews. */
export async function reviewOverview(options: { ctx: TenantCtx; today?: string }) {
  const { ctx } = options;
  const today = options.today ?? todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const facts = await findTenantFacts(tx, ctx.tenantId);
    const rows = await listReviewRows(tx, ctx.tenantId);
    const { anniversaryDate, nextAnniversary, windowOpensOn, windowOpen } = reviewWindow(facts?.anniversary_date ?? null, today);
    return { anniversaryDate, nextAnniversary, windowOpensOn, windowOpen, items: rows.map(presentSummary) };
  });
}

/**
 * The default owner of each category's task: whoever owns the most of its profile items (an active member),
 * ties going to the owner met first in CBP order.
 */
function defaultOwners(items: { categoryId: number; owner: { id: string } | null }[], active: Set<string>): Map<number, string | null> {
  const tallies = new Map<number, Map<string | null, number>>();
  for (const item of items) {
    const tally = tallies.get(item.categoryId) ?? new Map<string | null, number>();
    tallies.set(item.categoryId, tally);
    const owner = item.owner && active.has(item.owner.id) ? item.owner.id : null;
    if (owner) tally.set(owner, (tally.get(owner) ?? 0) + 1);
    else if (!tally.has(null)) tally.set(null, 0);
  }
  const out = new Map<number, string | null>();
  for (const [category, tally] of tallies) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [owner, n] of tally) {
      if (owner !== null && n > bestCount) {
        best = owner;
        bestCount = n;
      }
    }
    out.set(category, best);
  }
  return out;
}

/**
 * POST /api/security-profile/reviews: open the review of the next anniversary, one task per MSC category that
 * applies to the company. 422 without an anniversary date or before the window opens; 409 when it exists.
 */
export async function openReview(options: { ctx: TenantCtx; today?: string }): Promise<ReviewDetail> {
  const { ctx } = options;
  const today = options.today ?? todayUtc();
  try {
    return await withScope(ctx.db, scopeOf(ctx), async (tx) => {
      const facts = await findTenantFacts(tx, ctx.tenantId);
      const window = reviewWindow(facts?.anniversary_date ?? null, today);
      if (!window.nextAnniversary || !window.windowOpensOn) {
        throw new AppError("rule_violation", "Set the company's CTPAT anniversary date first");
      }
      if (!window.windowOpen) {
        throw new AppError("rule_violation", `The review of ${window.nextAnniversary} opens on ${window.windowOpensOn}`, {
          nextAnniversary: window.nextAnniversary,
          windowOpensOn: window.windowOpensOn,
        });
      }
      const existing = await tx
        .selectFrom("profile_reviews")
        .select("id")
        .where("tenant_id", "=", ctx.tenantId)
        .where("anniversary_on", "=", window.nextAnniversary)
        .executeTakeFirst();
      if (existing) throw new AppError("conflict", `The review of ${window.nextAnniversary} is already open`, { id: existing.id });
      const { items } = await buildProfileItems({ tx, tenantId: ctx.tenantId, today });
      const active = new Set((await activeInternalMembers(tx, ctx.tenantId).execute()).map((m) => m.id));
      const owners = defaultOwners(items, active);
      const id = randomUUID();
      await tx
        .insertInto("profile_reviews")
        .values({
          id,
          tenant_id: ctx.tenantId,
          anniversary_on: window.nextAnniversary,
          opens_on: window.windowOpensOn,
          status: "open",
          created_by: ctx.userId,
        })
        .execute();
      const categories = [...owners.keys()].sort((a, b) => a - b);
      if (categories.length > 0) {
        await tx
          .insertInto("profile_review_tasks")
          .values(categories.map((c) => ({ tenant_id: ctx.tenantId, review_id: id, category_id: c, owner_user_id: owners.get(c) ?? null })))
          .execute();
      }
      const review = await readReview(tx, ctx.tenantId, id);
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "review.open",
        entityType: "profile-review",
        entityId: id,
        after: {
          anniversaryOn: review.anniversaryOn,
          opensOn: review.opensOn,
          tasks: review.tasks.map((t) => ({ categoryId: t.categoryId, ownerUserId: t.owner?.id ?? null })),
        },
        requestId: ctx.requestId,
      });
      return review;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "The review of the next anniversary is already open");
    throw err;
  }
}

/** GET /api/security-profile/reviews/{id}. */
export async function getReview(options: { ctx: TenantCtx; id: string }): Promise<ReviewDetail> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Review");
  return withScope(ctx.db, scopeOf(ctx), (tx) => readReview(tx, ctx.tenantId, id));
}

/** PATCH /api/security-profile/reviews/{id}/tasks/{categoryId}: owner, done/open, note. 409 once signed. */
export async function updateTask(options: {
  ctx: TenantCtx;
  id: string;
  categoryId: string;
  input: UpdateTaskInput;
}): Promise<ReviewDetail> {
  const { ctx, id, input } = options;
  const category = /^\d{1,2}$/.test(options.categoryId) ? Number(options.categoryId) : Number.NaN;
  if (!isUuid(id)) throw notFound("Review");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const review = await lockReview(tx, ctx.tenantId, id);
    if (!review) throw notFound("Review");
    const task = Number.isNaN(category) ? undefined : (await listTasks(tx, ctx.tenantId, id)).find((t) => t.category_id === category);
    if (!task) throw notFound("Review task");
    if (review.status === "signed") throw new AppError("conflict", "The review is signed: its tasks can no longer change");
    await assertOwner(tx, ctx.tenantId, input.ownerUserId);
    const patch: Record<string, unknown> = {};
    if (input.ownerUserId !== undefined) patch.owner_user_id = input.ownerUserId;
    if (input.note !== undefined) patch.note = input.note;
    if (input.status === "done" && task.status !== "done") {
      Object.assign(patch, { status: "done", completed_by: ctx.userId, completed_at: new Date() });
    } else if (input.status === "open" && task.status !== "open") {
      Object.assign(patch, { status: "open", completed_by: null, completed_at: null });
    }
    // A request that changes nothing writes nothing, not even an audit event.
    if (Object.keys(patch).length === 0) return readReview(tx, ctx.tenantId, id);
    await tx
      .updateTable("profile_review_tasks")
      .set(patch)
      .where("tenant_id", "=", ctx.tenantId)
      .where("review_id", "=", id)
      .where("category_id", "=", category)
      .execute();
    const after = await readReview(tx, ctx.tenantId, id);
    const before = presentTask(task);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "review.task",
      entityType: "profile-review",
      entityId: id,
      before: { categoryId: category, ownerUserId: before.owner?.id ?? null, status: before.status, note: before.note },
      after: taskAudit(after, category),
      requestId: ctx.requestId,
    });
    return after;
  });
}

function taskAudit(review: ReviewDetail, category: number) {
  const t = review.tasks.find((x) => x.categoryId === category);
  return { categoryId: category, ownerUserId: t?.owner?.id ?? null, status: t?.status ?? null, note: t?.note ?? null };
}
