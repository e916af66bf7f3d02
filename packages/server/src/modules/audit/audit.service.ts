import type { Checkpoint } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import type { ListEventsInput } from "./audit.schema.ts";

/** Page through the company's audit events, newest first. */
export async function listAuditEvents(options: { ctx: TenantCtx; query: ListEventsInput }) {
  const { ctx, query } = options;
  const rows = await withScope(ctx.db, { tenantId: ctx.tenantId }, (tx) => {
    let q = tx.selectFrom("audit_events").selectAll().where("tenant_id", "=", ctx.tenantId);
    if (query.entityType) q = q.where("entity_type", "=", query.entityType);
    if (query.entityId) q = q.where("entity_id", "=", query.entityId);
    if (query.action) q = q.where("action", "=", query.action);
    if (query.before) q = q.where("seq", "<", query.before);
    return q
      .orderBy("seq", "desc")
      .limit(query.limit + 1)
      .execute();
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      actor: { id: r.actor_id, label: r.actor_label },
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.request_id,
      occurredAt: r.occurred_at,
      hash: r.hash,
    })),
    nextBefore: rows.length > query.limit && last ? Number(last.seq) : null,
  };
}

/** Stored checkpoints of the company. */
export async function listCheckpoints(options: { ctx: TenantCtx }): Promise<{ items: Checkpoint[] }> {
  const { ctx } = options;
  const rows = await withScope(ctx.db, { tenantId: ctx.tenantId }, (tx) =>
    tx.selectFrom("audit_checkpoints").selectAll().where("tenant_id", "=", ctx.tenantId).orderBy("seq", "desc").execute(),
  );
  return {
    items: rows.map((c) => ({
      id: c.id,
      tenantId: c.tenant_id,
      seq: Number(c.seq),
      hash: c.hash,
      signedAt: c.signed_at,
      keyId: c.key_id,
      signature: c.signature,
    })),
  };
}
