import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { hashPassword } from "../../auth/crypto.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import type { AddUserInput, Member, UpdateMemberInput } from "./users.schema.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

function memberQuery(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.email", "u.display_name", "m.role", "m.deactivated_at", "u.active", "m.created_at"])
    .where("m.tenant_id", "=", tenantId);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>["executeTakeFirstOrThrow"]>>;

/** Whitelist a membership for the API. */
export function presentMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    active: row.active && row.deactivated_at === null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Members of the current company. */
export async function listMembers(options: { ctx: TenantCtx }): Promise<{ items: Member[] }> {
  const { ctx } = options;
  const rows = await withScope(ctx.db, scopeOf(ctx), (tx) => memberQuery(tx, ctx.tenantId).orderBy("u.email").execute());
  return { items: rows.map(presentMember) };
}

/** One member of the current company. */
export async function getMember(options: { ctx: TenantCtx; id: string }): Promise<Member> {
  const { ctx, id } = options;
  if (!isUuid(id)) {
    throw notFound("User");
  }
  const row = await withScope(ctx.db, scopeOf(ctx), (tx) => memberQuery(tx, ctx.tenantId).where("u.id", "=", id).executeTakeFirst());
  if (!row) {
    throw notFound("User");
  }
  return presentMember(row);
}

/**
 * Add a person to the company: a new account when the e-mail is unknown (password required),
 * otherwise a membership for the existing account. Only an owner may make another owner.
 */
export async function addMember(options: { ctx: TenantCtx; callerRole: string; input: AddUserInput }): Promise<Member> {
  const { ctx, input } = options;
  if (input.role === "owner" && options.callerRole !== "owner") {
    throw new AppError("forbidden", "Only an owner can add another owner");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    let user = await tx.selectFrom("users").select(["id"]).where("email", "=", input.email).executeTakeFirst();
    if (!user) {
      if (!passwordHash) {
        throw new AppError("validation_failed", "A new user needs an initial password", {
          issues: [{ path: ["body", "password"], message: "required for a new user (12+ characters)" }],
        });
      }
      user = { id: randomUUID() };
      await tx
        .insertInto("users")
        .values({ id: user.id, email: input.email, display_name: input.displayName, password_hash: passwordHash, locale: "en" })
        .execute();
    }
    const existing = await tx
      .selectFrom("memberships")
      .select("user_id")
      .where("tenant_id", "=", ctx.tenantId)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (existing) {
      throw new AppError("conflict", `${input.email} is already a member of this company`);
    }
    await tx.insertInto("memberships").values({ tenant_id: ctx.tenantId, user_id: user.id, role: input.role }).execute();
    const member = presentMember(await memberQuery(tx, ctx.tenantId).where("u.id", "=", user.id).executeTakeFirstOrThrow());
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "user.add",
      entityType: "user",
      entityId: user.id,
      after: member,
      requestId: ctx.requestId,
    });
    return member;
  });
}

/**
 * Change a member's role, name or activity in this company. Deactivating ends the member's sessions in
 * this company and revokes their tokens for it, at once. The last active owner cannot be demoted.
 */
export async function updateMember(options: { ctx: TenantCtx; callerRole: string; id: string; input: UpdateMemberInput }): Promise<Member> {
  const { ctx, id, input } = options;
  if (!isUuid(id)) {
    throw notFound("User");
  }
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await memberQuery(tx, ctx.tenantId).where("u.id", "=", id).executeTakeFirst();
    if (!current) {
      throw notFound("User");
    }
    const touchesOwner = current.role === "owner" || input.role === "owner";
    if (touchesOwner && options.callerRole !== "owner" && (input.role !== undefined || input.active !== undefined)) {
      throw new AppError("forbidden", "Only an owner can change an owner's role or activity");
    }
    const demoting = current.role === "owner" && ((input.role && input.role !== "owner") || input.active === false);
    if (demoting) {
      const owners = await tx
        .selectFrom("memberships")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("tenant_id", "=", ctx.tenantId)
        .where("role", "=", "owner")
        .where("deactivated_at", "is", null)
        .executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) {
        throw new AppError("rule_violation", "A company needs at least one active owner");
      }
    }
    const before = presentMember(current);
    if (input.role !== undefined || input.active !== undefined) {
      await tx
        .updateTable("memberships")
        .set({
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.active !== undefined ? { deactivated_at: input.active ? null : new Date() } : {}),
        })
        .where("tenant_id", "=", ctx.tenantId)
        .where("user_id", "=", id)
        .execute();
    }
    if (input.displayName !== undefined) {
      await tx.updateTable("users").set({ display_name: input.displayName, updated_at: new Date() }).where("id", "=", id).execute();
    }
    if (input.active === false) {
      await tx
        .updateTable("sessions")
        .set({ revoked_at: new Date() })
        .where("user_id", "=", id)
        .where("tenant_id", "=", ctx.tenantId)
        .where("revoked_at", "is", null)
        .execute();
      await tx
        .updateTable("api_tokens")
        .set({ revoked_at: new Date() })
        .where("user_id", "=", id)
        .where("tenant_id", "=", ctx.tenantId)
        .where("revoked_at", "is", null)
        .execute();
    }
    const after = presentMember(await memberQuery(tx, ctx.tenantId).where("u.id", "=", id).executeTakeFirstOrThrow());
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: input.active === false ? "user.deactivate" : input.active === true ? "user.reactivate" : "user.update",
      entityType: "user",
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}
