import { sql } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import type { NotificationRow } from "../../db/schema-profile.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { scopeOf } from "../procedures/procedures.service.ts";
import type { ListNotificationsQueryInput, Notification } from "./notifications.schema.ts";

/** Whitelist a notification row for the API. */
export function presentNotification(row: NotificationRow): Notification {
  const params = row.params && typeof row.params === "object" && !Array.isArray(row.params) ? (row.params as Record<string, unknown>) : {};
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    params,
    dueOn: row.due_on,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  };
}

/** What the caller may see: the company's notifications for everyone (user_id null) and their own. */
function visible(tx: Tx, ctx: TenantCtx) {
  return tx
    .selectFrom("notifications")
    .where("tenant_id", "=", ctx.tenantId)
    .where((eb) => (ctx.userId ? eb.or([eb("user_id", "is", null), eb("user_id", "=", ctx.userId)]) : eb("user_id", "is", null)));
}

async function unreadCount(tx: Tx, ctx: TenantCtx): Promise<number> {
  const row = await visible(tx, ctx)
    .where("read_at", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** GET /api/notifications?unread=true. */
export async function listNotifications(options: { ctx: TenantCtx; query: ListNotificationsQueryInput }) {
  const { ctx, query } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    let q = visible(tx, ctx).selectAll();
    if (query.unread === true) q = q.where("read_at", "is", null);
    if (query.unread === false) q = q.where("read_at", "is not", null);
    const rows = await q.orderBy("created_at", "desc").orderBy("id").limit(query.limit).execute();
    return { items: rows.map(presentNotification), unread: await unreadCount(tx, ctx) };
  });
}

/**
 * POST /api/notifications/{id}/read. Read state is kept on the row, so a company-wide notification read by one
 * member is read for all of them. Reading a read notification changes nothing.
 */
export async function markRead(options: { ctx: TenantCtx; id: string }): Promise<Notification> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Notification");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const row = await visible(tx, ctx).selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) throw notFound("Notification");
    if (row.read_at !== null) return presentNotification(row);
    const updated = await tx
      .updateTable("notifications")
      .set({ read_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentNotification(updated);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "notification.read",
      entityType: "notification",
      entityId: id,
      after: { kind: view.kind, subjectId: view.subjectId, readAt: view.readAt },
      requestId: ctx.requestId,
    });
    return view;
  });
}

/** POST /api/notifications/read-all: mark every notification the caller sees as read. */
export async function markAllRead(options: { ctx: TenantCtx }): Promise<{ marked: number; unread: number }> {
  const { ctx } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const result = await tx
      .updateTable("notifications")
      .set({ read_at: sql`now()` })
      .where("tenant_id", "=", ctx.tenantId)
      .where("read_at", "is", null)
      .where((eb) => (ctx.userId ? eb.or([eb("user_id", "is", null), eb("user_id", "=", ctx.userId)]) : eb("user_id", "is", null)))
      .executeTakeFirst();
    const marked = Number(result.numUpdatedRows ?? 0);
    if (marked > 0) {
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "notification.read-all",
        entityType: "notification",
        after: { marked },
        requestId: ctx.requestId,
      });
    }
    return { marked, unread: await unreadCount(tx, ctx) };
  });
}
