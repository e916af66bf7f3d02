import { randomUUID } from "node:crypto";
import { APPROVER_ROLES, canMovePartner, type PartnerStatus, type Role } from "@portcullis/domain";
import type { Updateable } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { externalKeyTaken } from "../../db/external-keys.ts";
import type { PartnerRow, PartnersTable } from "../../db/schema-partners.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { isUniqueViolation } from "../procedures/procedures.service.ts";
import { todayUtc } from "../procedures/review-interval.ts";
import { checkedIdentifiers, loadPartnerDetail, replaceContacts, replaceIdentifiers } from "./partners.detail.ts";
import { presentPartner, rescreenDueOn } from "./partners.present.ts";
import { certificationsByPartner, findPartner, insertStatusHistory, lastScreenedOn, listPartnerRows } from "./partners.repo.ts";
import type { CreatePartnerInput, ListPartnersQueryInput, MovePartnerInput, PartnerDetail, UpdatePartnerInput } from "./partners.schema.ts";

/** The RLS scope of a service call. */
export const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** Moves into these statuses are decisions for approvers (owner, admin, security manager). */
export const APPROVER_STATUSES: readonly PartnerStatus[] = ["approved", "suspended", "terminated"];

const keyConflict = (key: string) => new AppError("conflict", `Another partner already has the key ${key.slice(0, 100)}`);

/**
 * Lock a partner of the tenant for a change, or answer 404 (another company's partner looks exactly like a
 * missing one). Other modules' writes on a partner may call it inside their own transaction.
 */
export async function lockPartner(tx: Tx, tenantId: string, id: string): Promise<PartnerRow> {
  const row = isUuid(id) ? await findPartner(tx, tenantId, id, true) : undefined;
  if (!row) throw notFound("Partner");
  return row;
}

// What the audit chain keeps of a partner: its own fields and the lists a PATCH replaces.
const auditView = (d: PartnerDetail) => {
  const { sites, certifications, screenings, statusHistory, suppliers, customers, lanes, ...rest } = d;
  return rest;
};

/** Create a partner as a prospect (first history row written), with its identifiers and contacts. */
export async function createPartner(options: { ctx: TenantCtx; input: CreatePartnerInput }): Promise<PartnerDetail> {
  const { ctx, input } = options;
  const identifiers = checkedIdentifiers(input.identifiers ?? []);
  const today = todayUtc();
  try {
    return await withScope(ctx.db, scopeOf(ctx), async (tx) => {
      if (input.externalKey && (await externalKeyTaken(tx, "partners", ctx.tenantId, input.externalKey, null)))
        throw keyConflict(input.externalKey);
      const id = randomUUID();
      const row = await tx
        .insertInto("partners")
        .values({
          id,
          tenant_id: ctx.tenantId,
          external_key: input.externalKey ?? null,
          name: input.name,
          legal_name: input.legalName ?? null,
          type: input.type,
          country_code: input.countryCode,
          address: input.address ?? null,
          website: input.website ?? null,
          risk_level: input.riskLevel ?? "medium",
          notes: input.notes ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceIdentifiers(tx, ctx.tenantId, id, identifiers);
      await replaceContacts(tx, ctx.tenantId, id, input.contacts ?? []);
      await insertStatusHistory(tx, {
        id: randomUUID(),
        tenantId: ctx.tenantId,
        partnerId: id,
        from: null,
        to: row.status,
        reason: null,
        actorId: ctx.userId,
      });
      const detail = await loadPartnerDetail(tx, ctx.tenantId, row, today);
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "partner.create",
        entityType: "partner",
        entityId: id,
        after: auditView(detail),
        requestId: ctx.requestId,
      });
      return detail;
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.externalKey) throw keyConflict(input.externalKey);
    throw err;
  }
}

/** Read one partner with everything recorded about it. */
export async function getPartner(options: { ctx: TenantCtx; id: string }): Promise<PartnerDetail> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Partner");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const row = await findPartner(tx, ctx.tenantId, id);
    if (!row) throw notFound("Partner");
    return loadPartnerDetail(tx, ctx.tenantId, row, todayUtc());
  });
}

/** List the tenant's partners with the filters of GET /api/partners. */
export async function listPartners(options: { ctx: TenantCtx; query: ListPartnersQueryInput }) {
  const { ctx, query } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const { rows, total } = await listPartnerRows(tx, ctx.tenantId, query, today);
    const certs = await certificationsByPartner(
      tx,
      ctx.tenantId,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentPartner(r, certs.get(r.id) ?? [], today)), total, limit: query.limit, offset: query.offset };
  });
}

/**
 * Run one change on a locked partner and record it: `apply` writes, then the detail before and after goes into
 * the audit chain under `action`, all in one transaction.
 */
export async function changePartner(options: {
  ctx: TenantCtx;
  id: string;
  action: string;
  apply: (tx: Tx, row: PartnerRow, today: string) => Promise<void>;
}): Promise<PartnerDetail> {
  const { ctx, id } = options;
  const today = todayUtc();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await lockPartner(tx, ctx.tenantId, id);
    const before = await loadPartnerDetail(tx, ctx.tenantId, current, today);
    await options.apply(tx, current, today);
    const row = await findPartner(tx, ctx.tenantId, id);
    if (!row) throw notFound("Partner");
    const after = await loadPartnerDetail(tx, ctx.tenantId, row, today);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: options.action,
      entityType: "partner",
      entityId: id,
      before: auditView(before),
      after: auditView(after),
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** Update a partner's fields; identifiers and contacts replace the lists. A new risk level moves the rescreen date. */
export async function updatePartner(options: { ctx: TenantCtx; id: string; input: UpdatePartnerInput }): Promise<PartnerDetail> {
  const { ctx, id, input } = options;
  const identifiers = input.identifiers ? checkedIdentifiers(input.identifiers) : null;
  try {
    return await changePartner({
      ctx,
      id,
      action: "partner.update",
      apply: async (tx, current) => {
        if (input.externalKey && (await externalKeyTaken(tx, "partners", ctx.tenantId, input.externalKey, id)))
          throw keyConflict(input.externalKey);
        const patch: Updateable<PartnersTable> = { updated_at: new Date() };
        if (input.name !== undefined) patch.name = input.name;
        if (input.type !== undefined) patch.type = input.type;
        if (input.countryCode !== undefined) patch.country_code = input.countryCode;
        if (input.legalName !== undefined) patch.legal_name = input.legalName;
        if (input.externalKey !== undefined) patch.external_key = input.externalKey;
        if (input.address !== undefined) patch.address = input.address;
        if (input.website !== undefined) patch.website = input.website;
        if (input.notes !== undefined) patch.notes = input.notes;
        if (input.riskLevel !== undefined && input.riskLevel !== current.risk_level) {
          patch.risk_level = input.riskLevel;
          const last = await lastScreenedOn(tx, ctx.tenantId, id);
          if (last) patch.rescreen_due_on = rescreenDueOn(last, input.riskLevel);
        }
        await tx.updateTable("partners").set(patch).where("tenant_id", "=", ctx.tenantId).where("id", "=", id).execute();
        if (identifiers) await replaceIdentifiers(tx, ctx.tenantId, id, identifiers);
        if (input.contacts) await replaceContacts(tx, ctx.tenantId, id, input.contacts);
      },
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.externalKey) throw keyConflict(input.externalKey);
    throw err;
  }
}

/**
 * Move a partner along its lifecycle (`canMovePartner`, else 422). Approving, suspending and terminating are
 * approver decisions (403 for other editors). Every move is kept in the status history.
 */
export async function movePartner(options: {
  ctx: TenantCtx;
  callerRole: Role | null;
  id: string;
  input: MovePartnerInput;
}): Promise<PartnerDetail> {
  const { ctx, id, input } = options;
  // Checked before the partner is read, so a foreign id and a missing one answer alike here too.
  if (APPROVER_STATUSES.includes(input.to) && !(options.callerRole && APPROVER_ROLES.includes(options.callerRole))) {
    throw new AppError("forbidden", `Only an owner, admin or security manager may move a partner to ${input.to}`);
  }
  return changePartner({
    ctx,
    id,
    action: "partner.status",
    apply: async (tx, current) => {
      if (!canMovePartner(current.status as PartnerStatus, input.to)) {
        throw new AppError("rule_violation", `A partner cannot move from ${current.status} to ${input.to}`, {
          from: current.status,
          to: input.to,
        });
      }
      await tx
        .updateTable("partners")
        .set({ status: input.to, updated_at: new Date() })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", id)
        .execute();
      await insertStatusHistory(tx, {
        id: randomUUID(),
        tenantId: ctx.tenantId,
        partnerId: id,
        from: current.status,
        to: input.to,
        reason: input.reason,
        actorId: ctx.userId,
      });
    },
  });
}

/** Archive a partner: it leaves the lists (unless asked for) and the reminders; its records stay. */
export async function archivePartner(options: { ctx: TenantCtx; id: string }): Promise<PartnerDetail> {
  const { ctx, id } = options;
  return changePartner({
    ctx,
    id,
    action: "partner.archive",
    apply: async (tx, current) => {
      await tx
        .updateTable("partners")
        .set({ archived_at: current.archived_at ?? new Date(), updated_at: new Date() })
        .where("tenant_id", "=", ctx.tenantId)
        .where("id", "=", id)
        .execute();
    },
  });
}
