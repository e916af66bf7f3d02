import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, appendAuditEvent } from "../../audit/audit.service.ts";
import { randomToken, sha256Hex } from "../../auth/crypto.ts";
import type { Database } from "../../db/schema.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import type { CreateTokenInput, TokenView } from "./tokens.schema.ts";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function tokenQuery(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.id", "t.name", "t.prefix", "u.email", "t.user_id", "t.created_at", "t.last_used_at", "t.expires_at", "t.revoked_at"])
    .where("t.tenant_id", "=", tenantId);
}
type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenQuery>["executeTakeFirstOrThrow"]>>;

function presentToken(row: TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userEmail: row.email,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

/**
 * Issue an API token for one user in one company. The token is returned once; only its SHA-256 is kept.
 */
export async function createToken(options: {
  db: Kysely<Database>;
  tenantId: string;
  userId: string;
  actor: Actor;
  input: CreateTokenInput;
  requestId?: string | null;
}): Promise<{ token: string; item: TokenView }> {
  const { db, tenantId, userId, input } = options;
  const token = `pc_${randomToken(32)}`;
  return withScope(db, { tenantId, userId }, async (tx) => {
    const id = randomUUID();
    await tx
      .insertInto("api_tokens")
      .values({
        id,
        tenant_id: tenantId,
        user_id: userId,
        name: input.name,
        token_hash: sha256Hex(token),
        prefix: token.slice(0, 10),
        expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
      })
      .execute();
    const item = presentToken(await tokenQuery(tx, tenantId).where("t.id", "=", id).executeTakeFirstOrThrow());
    await appendAuditEvent(tx, {
      tenantId,
      actor: options.actor,
      action: "token.create",
      entityType: "api_token",
      entityId: id,
      after: item,
      requestId: options.requestId,
    });
    return { token, item };
  });
}

/** Tokens in the company: an admin sees all, anyone else their own. */
export async function listTokens(options: { ctx: TenantCtx; all: boolean }): Promise<{ items: TokenView[] }> {
  const { ctx, all } = options;
  const rows = await withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, (tx) => {
    let q = tokenQuery(tx, ctx.tenantId);
    if (!all && ctx.userId) {
      q = q.where("t.user_id", "=", ctx.userId);
    }
    return q.orderBy("t.created_at", "desc").execute();
  });
  return { items: rows.map(presentToken) };
}

/** Revoke a token now; the next request that uses it is refused. */
export async function revokeToken(options: { ctx: TenantCtx; id: string; all: boolean }): Promise<void> {
  const { ctx, id, all } = options;
  if (!isUuid(id)) {
    throw notFound("Token");
  }
  await withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, async (tx) => {
    let q = tokenQuery(tx, ctx.tenantId).where("t.id", "=", id);
    if (!all && ctx.userId) {
      q = q.where("t.user_id", "=", ctx.userId);
    }
    const current = await q.executeTakeFirst();
    if (!current) {
      throw notFound("Token");
    }
    if (current.revoked_at) {
      return;
    }
    await tx.updateTable("api_tokens").set({ revoked_at: new Date() }).where("id", "=", id).where("tenant_id", "=", ctx.tenantId).execute();
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "token.revoke",
      entityType: "api_token",
      entityId: id,
      before: presentToken(current),
      requestId: ctx.requestId,
    });
  });
}
