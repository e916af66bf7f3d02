import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, appendAuditEvent } from "../../audit/audit.service.ts";
import { hashPassword } from "../../auth/crypto.ts";
import type { Database } from "../../db/schema.ts";
import { type Tx, withScope, withSystem } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { presentTenant } from "./tenants.present.ts";
import type { Tenant, TenantProfileInput, UpdateTenantInput } from "./tenants.schema.ts";

/** The first user of a new company. */
export interface NewOwner {
  email: string;
  password?: string;
  displayName?: string;
}

/**
 * Create a company with its owner, as the database owner (tenants cannot be created from inside a
 * tenant scope). The owner user is created when the e-mail is new; an existing user is reused.
 */
export async function createTenant(options: {
  db: Kysely<Database>;
  input: TenantProfileInput;
  owner: NewOwner | { userId: string };
  actor: Actor;
  requestId?: string | null;
}): Promise<{ tenant: Tenant; ownerUserId: string }> {
  const { db, input } = options;
  const passwordHash = "email" in options.owner && options.owner.password ? await hashPassword(options.owner.password) : undefined;
  return withSystem(db, async (tx) => {
    const tenantId = randomUUID();
    const row = await tx
      .insertInto("tenants")
      .values({
        id: tenantId,
        legal_name: input.legalName,
        entity_types: input.entityTypes,
        ctpat_account_number: input.ctpatAccountNumber ?? null,
        ctpat_status: input.ctpatStatus ?? "applicant",
        ctpat_tier: input.ctpatTier ?? null,
        certified_on: input.certifiedOn ?? null,
        last_validated_on: input.lastValidatedOn ?? null,
        anniversary_date: input.anniversaryDate ?? null,
        country_code: input.countryCode ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ownerUserId = await ensureUser(tx, options.owner, passwordHash);
    await tx.insertInto("memberships").values({ tenant_id: tenantId, user_id: ownerUserId, role: "owner" }).execute();
    const tenant = presentTenant(row);
    await appendAuditEvent(tx, {
      tenantId,
      actor: options.actor,
      action: "tenant.create",
      entityType: "tenant",
      entityId: tenantId,
      after: { ...tenant, ownerUserId },
      requestId: options.requestId,
    });
    return { tenant, ownerUserId };
  });
}

async function ensureUser(tx: Tx, owner: NewOwner | { userId: string }, passwordHash: string | undefined): Promise<string> {
  if ("userId" in owner) {
    return owner.userId;
  }
  const email = owner.email.trim().toLowerCase();
  const existing = await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) {
    return existing.id;
  }
  if (!passwordHash) {
    throw new AppError("validation_failed", `User ${email} does not exist yet: give a password`, {
      issues: [{ path: ["password"], message: "required for a new user" }],
    });
  }
  const id = randomUUID();
  await tx
    .insertInto("users")
    .values({ id, email, display_name: owner.displayName ?? email.split("@")[0] ?? email, password_hash: passwordHash, locale: "en" })
    .execute();
  return id;
}

/** The current company's profile. */
export async function getTenant(options: { ctx: TenantCtx }): Promise<Tenant> {
  const { ctx } = options;
  const row = await withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, (tx) =>
    tx.selectFrom("tenants").selectAll().where("id", "=", ctx.tenantId).executeTakeFirst(),
  );
  if (!row) {
    throw notFound("Company");
  }
  return presentTenant(row);
}

/** Change the current company's CTPAT profile. */
export async function updateTenant(options: { ctx: TenantCtx; input: UpdateTenantInput }): Promise<Tenant> {
  const { ctx, input } = options;
  return withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, async (tx) => {
    const current = await tx.selectFrom("tenants").selectAll().where("id", "=", ctx.tenantId).forUpdate().executeTakeFirst();
    if (!current) {
      throw notFound("Company");
    }
    const map: Record<keyof UpdateTenantInput, string> = {
      legalName: "legal_name",
      entityTypes: "entity_types",
      ctpatAccountNumber: "ctpat_account_number",
      ctpatStatus: "ctpat_status",
      ctpatTier: "ctpat_tier",
      certifiedOn: "certified_on",
      lastValidatedOn: "last_validated_on",
      anniversaryDate: "anniversary_date",
      countryCode: "country_code",
    };
    const patch: Record<string, unknown> = { updated_at: new Date() };
    for (const [key, column] of Object.entries(map)) {
      const value = input[key as keyof UpdateTenantInput];
      if (value !== undefined) {
        patch[column] = value;
      }
    }
    const row = await tx.updateTable("tenants").set(patch).where("id", "=", ctx.tenantId).returningAll().executeTakeFirstOrThrow();
    const before = presentTenant(current);
    const after = presentTenant(row);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "tenant.update",
      entityType: "tenant",
      entityId: ctx.tenantId,
      before,
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}
