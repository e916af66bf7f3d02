import { randomUUID } from "node:crypto";
import type { Updateable } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { externalKeyTaken } from "../../db/external-keys.ts";
import type { PartnerSiteRow, PartnerSitesTable } from "../../db/schema-partners.ts";
import { withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { isUniqueViolation } from "../procedures/procedures.service.ts";
import { assertCoordinatePair, siteChanges, siteColumns } from "../sites/sites.fields.ts";
import { presentPartnerSite } from "./partners.present.ts";
import type { CreatePartnerSiteInput, ListPartnerSitesQueryInput, PartnerSite, UpdatePartnerSiteInput } from "./partners.records.schema.ts";
import { findPartner } from "./partners.repo.ts";
import { lockPartner, scopeOf } from "./partners.service.ts";

const keyConflict = (key: string) => new AppError("conflict", `Another partner site already has the key ${key.slice(0, 100)}`);

/** List a partner's sites by name (archived ones on request). */
export async function listPartnerSites(options: { ctx: TenantCtx; partnerId: string; query: ListPartnerSitesQueryInput }) {
  const { ctx, partnerId, query } = options;
  if (!isUuid(partnerId)) throw notFound("Partner");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    if (!(await findPartner(tx, ctx.tenantId, partnerId))) throw notFound("Partner");
    let base = tx.selectFrom("partner_sites").where("tenant_id", "=", ctx.tenantId).where("partner_id", "=", partnerId);
    if (!query.includeArchived) base = base.where("archived_at", "is", null);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy("name").orderBy("id").limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(presentPartnerSite), total: Number(count.n), limit: query.limit, offset: query.offset };
  });
}

/** Add a site to a partner. */
export async function createPartnerSite(options: {
  ctx: TenantCtx;
  partnerId: string;
  input: CreatePartnerSiteInput;
}): Promise<PartnerSite> {
  const { ctx, partnerId, input } = options;
  try {
    return await withScope(ctx.db, scopeOf(ctx), async (tx) => {
      await lockPartner(tx, ctx.tenantId, partnerId);
      assertCoordinatePair(input.latitude ?? null, input.longitude ?? null);
      const key = input.externalKey;
      if (key && (await externalKeyTaken(tx, "partner_sites", ctx.tenantId, key, null))) throw keyConflict(key);
      const row = await tx
        .insertInto("partner_sites")
        .values({
          id: randomUUID(),
          tenant_id: ctx.tenantId,
          partner_id: partnerId,
          external_key: input.externalKey ?? null,
          ...siteColumns(input),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const site = presentPartnerSite(row);
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "partner-site.create",
        entityType: "partner-site",
        entityId: row.id,
        after: site,
        requestId: ctx.requestId,
      });
      return site;
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.externalKey) throw keyConflict(input.externalKey);
    throw err;
  }
}

type SiteChange = { kind: "update"; input: UpdatePartnerSiteInput } | { kind: "archive" };

/** Update or archive a partner site, with its before/after in the audit chain. */
export async function changePartnerSite(options: { ctx: TenantCtx; id: string; change: SiteChange }): Promise<PartnerSite> {
  const { ctx, id, change } = options;
  if (!isUuid(id)) throw notFound("Partner site");
  const key = change.kind === "update" ? change.input.externalKey : undefined;
  try {
    return await withScope(ctx.db, scopeOf(ctx), async (tx) => {
      const current: PartnerSiteRow | undefined = await tx
        .selectFrom("partner_sites")
        .selectAll()
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw notFound("Partner site");
      const patch: Updateable<PartnerSitesTable> = { updated_at: new Date() };
      if (change.kind === "update") {
        const i = change.input;
        assertCoordinatePair(
          i.latitude !== undefined ? i.latitude : current.latitude,
          i.longitude !== undefined ? i.longitude : current.longitude,
        );
        if (key && (await externalKeyTaken(tx, "partner_sites", ctx.tenantId, key, id))) throw keyConflict(key);
        Object.assign(patch, siteChanges(i));
        if (i.externalKey !== undefined) patch.external_key = i.externalKey;
      } else {
        patch.archived_at = current.archived_at ?? new Date();
      }
      const row = await tx
        .updateTable("partner_sites")
        .set(patch)
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = presentPartnerSite(row);
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: `partner-site.${change.kind}`,
        entityType: "partner-site",
        entityId: id,
        before: presentPartnerSite(current),
        after,
        requestId: ctx.requestId,
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err) && key) throw keyConflict(key);
    throw err;
  }
}
