import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { partnerRef, presentScreening, rescreenDueOn } from "./partners.present.ts";
import type { CreateScreeningInput } from "./partners.records.schema.ts";
import { findPartner, lastScreenedOn, relatedPartners, screeningView } from "./partners.repo.ts";
import type { Relations } from "./partners.schema.ts";
import { lockPartner, scopeOf } from "./partners.service.ts";

/** Record a screening (due diligence) of a partner and move its rescreen date: high risk 6, medium 12, low 24 months. */
export async function createScreening(options: { ctx: TenantCtx; partnerId: string; input: CreateScreeningInput }) {
  const { ctx, partnerId, input } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const partner = await lockPartner(tx, ctx.tenantId, partnerId);
    const id = randomUUID();
    await tx
      .insertInto("partner_screenings")
      .values({
        id,
        tenant_id: ctx.tenantId,
        partner_id: partnerId,
        kind: input.kind,
        result: input.result,
        // Each code once, in the order given.
        indicators: [...new Set(input.indicators)],
        notes: input.notes ?? null,
        performed_by: ctx.userId,
        performed_on: input.performedOn,
      })
      .execute();
    // An older record entered late must not pull the date back: the latest screening counts.
    const last = (await lastScreenedOn(tx, ctx.tenantId, partnerId)) ?? input.performedOn;
    const due = rescreenDueOn(last, partner.risk_level);
    await tx
      .updateTable("partners")
      .set({ rescreen_due_on: due, updated_at: new Date() })
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", partnerId)
      .execute();
    const row = await screeningView(tx, ctx.tenantId).where("s.id", "=", id).executeTakeFirstOrThrow();
    const screening = { ...presentScreening(row), rescreenDueOn: due };
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "partner-screening.create",
      entityType: "partner-screening",
      entityId: id,
      before: { rescreenDueOn: partner.rescreen_due_on },
      after: screening,
      requestId: ctx.requestId,
    });
    return screening;
  });
}

const supplierNotFound = () => new AppError("not_found", "Supplier not found", { field: "supplierId" });

async function relationsOf(tx: Tx, tenantId: string, partnerId: string): Promise<Relations> {
  const [suppliers, customers] = await Promise.all([
    relatedPartners(tx, tenantId, partnerId, "suppliers"),
    relatedPartners(tx, tenantId, partnerId, "customers"),
  ]);
  return { suppliers: suppliers.map(partnerRef), customers: customers.map(partnerRef) };
}

/**
 * The chain `from` → … → `to` along "supplies" edges (each id supplies the next), or null. Breadth-first, one
 * query per tier, so the shortest chain is found and a large registry is never loaded whole.
 */
export async function supplyPath(tx: Tx, tenantId: string, from: string, to: string): Promise<string[] | null> {
  const parent = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length > 0) {
    if (parent.has(to)) break;
    const edges = await tx
      .selectFrom("partner_relations")
      .select(["supplier_id", "customer_id"])
      .where("tenant_id", "=", tenantId)
      .where("supplier_id", "in", frontier)
      .orderBy("supplier_id")
      .orderBy("customer_id")
      .execute();
    const next: string[] = [];
    for (const e of edges) {
      if (parent.has(e.customer_id)) continue;
      parent.set(e.customer_id, e.supplier_id);
      next.push(e.customer_id);
    }
    frontier = next;
  }
  if (!parent.has(to)) return null;
  const path: string[] = [];
  for (let at: string | null | undefined = to; at; at = parent.get(at)) path.unshift(at);
  return path;
}

/**
 * Record that `supplierId` supplies partner `partnerId` (a tier further up the chain). A relation that would close
 * a loop is refused with 422 and `details.cycle`: the ids in supply order, ending where they start.
 */
export async function addSupplier(options: { ctx: TenantCtx; partnerId: string; supplierId: string }): Promise<Relations> {
  const { ctx, partnerId, supplierId } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    // One relation change at a time per company: two concurrent additions could otherwise close a loop together.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`partner_relations:${ctx.tenantId}`}, 0))`.execute(tx);
    await lockPartner(tx, ctx.tenantId, partnerId);
    const supplier = await findPartner(tx, ctx.tenantId, supplierId);
    if (!supplier) throw supplierNotFound();
    const path = supplierId === partnerId ? [partnerId] : await supplyPath(tx, ctx.tenantId, partnerId, supplierId);
    if (path) {
      throw new AppError("rule_violation", "This relation would make the supply chain loop back on itself", {
        cycle: [supplierId, ...path],
      });
    }
    const existing = await tx
      .selectFrom("partner_relations")
      .select("supplier_id")
      .where("tenant_id", "=", ctx.tenantId)
      .where("supplier_id", "=", supplierId)
      .where("customer_id", "=", partnerId)
      .executeTakeFirst();
    if (existing) throw new AppError("conflict", `${supplier.name.slice(0, 200)} is already a supplier of this partner`);
    await tx.insertInto("partner_relations").values({ tenant_id: ctx.tenantId, supplier_id: supplierId, customer_id: partnerId }).execute();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "partner.supplier-add",
      entityType: "partner",
      entityId: partnerId,
      after: { supplierId, customerId: partnerId },
      requestId: ctx.requestId,
    });
    return relationsOf(tx, ctx.tenantId, partnerId);
  });
}

/** Remove the relation "`supplierId` supplies `partnerId`" (404 when there is none). */
export async function removeSupplier(options: { ctx: TenantCtx; partnerId: string; supplierId: string }): Promise<Relations> {
  const { ctx, partnerId, supplierId } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`partner_relations:${ctx.tenantId}`}, 0))`.execute(tx);
    await lockPartner(tx, ctx.tenantId, partnerId);
    const removed = await tx
      .deleteFrom("partner_relations")
      .where("tenant_id", "=", ctx.tenantId)
      .where("supplier_id", "=", supplierId)
      .where("customer_id", "=", partnerId)
      .returning("supplier_id")
      .executeTakeFirst();
    if (!removed) throw supplierNotFound();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "partner.supplier-remove",
      entityType: "partner",
      entityId: partnerId,
      before: { supplierId, customerId: partnerId },
      requestId: ctx.requestId,
    });
    return relationsOf(tx, ctx.tenantId, partnerId);
  });
}
