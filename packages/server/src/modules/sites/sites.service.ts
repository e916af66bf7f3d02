import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import { notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { assertCoordinatePair, siteChanges, siteColumns } from "./sites.fields.ts";
import { presentSite } from "./sites.present.ts";
import { findSite, findSiteForUpdate, listSites as listSiteRows } from "./sites.repo.ts";
import type { CreateSiteInput, ListSitesQueryInput, Site, UpdateSiteInput } from "./sites.schema.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** Create a site and record it in the audit chain, in one transaction. */
export async function createSite(options: { ctx: TenantCtx; input: CreateSiteInput }): Promise<Site> {
  const { ctx, input } = options;
  assertCoordinatePair(input.latitude ?? null, input.longitude ?? null);
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const row = await tx
      .insertInto("sites")
      .values({ id: randomUUID(), tenant_id: ctx.tenantId, ...siteColumns(input) })
      .returningAll()
      .executeTakeFirstOrThrow();
    const site = presentSite(row);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "site.create",
      entityType: "site",
      entityId: row.id,
      after: site,
      requestId: ctx.requestId,
    });
    return site;
  });
}

/** Read one site; another tenant's site is reported exactly like a missing one. */
export async function getSite(options: { ctx: TenantCtx; id: string }): Promise<Site> {
  const { ctx, id } = options;
  if (!isUuid(id)) {
    throw notFound("Site");
  }
  const row = await withScope(ctx.db, scopeOf(ctx), (tx) => findSite(tx, ctx.tenantId, id));
  if (!row) {
    throw notFound("Site");
  }
  return presentSite(row);
}

/** List the tenant's sites. */
export async function listSites(options: { ctx: TenantCtx; query: ListSitesQueryInput }) {
  const { ctx, query } = options;
  const { rows, total } = await withScope(ctx.db, scopeOf(ctx), (tx) => listSiteRows(tx, ctx.tenantId, query));
  return { items: rows.map(presentSite), total, limit: query.limit, offset: query.offset };
}

type SiteChange = { kind: "update"; input: UpdateSiteInput } | { kind: "archive" } | { kind: "restore" };

/** Update, archive or restore a site, with its before/after in the audit chain. */
export async function changeSite(options: { ctx: TenantCtx; id: string; change: SiteChange }): Promise<Site> {
  const { ctx, id, change } = options;
  if (!isUuid(id)) {
    throw notFound("Site");
  }
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await findSiteForUpdate(tx, ctx.tenantId, id);
    if (!current) {
      throw notFound("Site");
    }
    const before = presentSite(current);
    const patch: Record<string, unknown> = { updated_at: new Date() };
    if (change.kind === "update") {
      const i = change.input;
      assertCoordinatePair(
        i.latitude !== undefined ? i.latitude : current.latitude,
        i.longitude !== undefined ? i.longitude : current.longitude,
      );
      Object.assign(patch, siteChanges(i));
    } else {
      patch.archived_at = change.kind === "archive" ? (current.archived_at ?? new Date()) : null;
    }
    const row = await tx
      .updateTable("sites")
      .set(patch)
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentSite(row);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: `site.${change.kind}`,
      entityType: "site",
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}
