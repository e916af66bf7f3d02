import { randomUUID } from "node:crypto";
import type { Updateable } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import type { PartnerSiteRow, PartnerSitesTable } from "../../db/schema-partners.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { isUniqueViolation } from "../procedures/procedures.service.ts";
import { presentPartnerSite } from "./partners.present.ts";
import type { CreatePartnerSiteInput, ListPartnerSitesQueryInput, PartnerSite, UpdatePartnerSiteInput } from "./partners.records.schema.ts";
import { findPartner } from "./partners.repo.ts";
import { lockPartner, scopeOf } from "./partners.service.ts";

const keyConflict = (key: string) => new AppError("conflict", `Another partner site already has the key ${key.slice(0, 100)}`);

// A point needs both coordinates: one alone cannot be placed on the map (400 naming the missing one).
function assertCoordinates(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) === (longitude === null)) return;
  const missing = latitude === null ? "latitude" : "longitude";
  throw new AppError("validation_failed", "Give latitude and longitude together, or neither", {
    issues: [{ path: ["body", missing], message: "required together with the other coordinate" }],
  });
}

async function keyTaken(tx: Tx, tenantId: string, key: string, exceptId: string | null): Promise<boolean> {
  let q = tx.selectFrom("partner_sites").select("id").where("tenant_id", "=", tenantId).where("external_key", "=", key);
  if (exceptId) q = q.where("id", "<>", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

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
      assertCoordinates(input.latitude ?? null, input.longitude ?? null);
      if (input.externalKey && (await keyTaken(tx, ctx.tenantId, input.externalKey, null))) throw keyConflict(input.externalKey);
      const row = await tx
        .insertInto("partner_sites")
        .values({
          id: randomUUID(),
          tenant_id: ctx.tenantId,
          partner_id: partnerId,
          external_key: input.externalKey ?? null,
          name: input.name,
          kind: input.kind,
          country_code: input.countryCode,
          address: input.address ?? null,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
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
        assertCoordinates(
          i.latitude !== undefined ? i.latitude : current.latitude,
          i.longitude !== undefined ? i.longitude : current.longitude,
        );
        if (key && (await keyTaken(tx, ctx.tenantId, key, id))) throw keyConflict(key);
        if (i.name !== undefined) patch.name = i.name;
        if (i.kind !== undefined) patch.kind = i.kind;
        if (i.countryCode !== undefined) patch.country_code = i.countryCode;
        if (i.address !== undefined) patch.address = i.address;
        if (i.latitude !== undefined) patch.latitude = i.latitude;
        if (i.longitude !== undefined) patch.longitude = i.longitude;
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
