import type { Db } from "@portcullis/server/db/open.ts";
import type { Tx } from "@portcullis/server/db/tx.ts";

/** An API token as the CLI shows it: never the token, only its first characters. */
export interface TokenListItem {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  userEmail: string;
  status: "active" | "revoked" | "expired";
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function tokenQuery(db: Db["kysely"] | Tx) {
  return db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.id", "t.tenant_id", "t.name", "t.prefix", "u.email", "t.created_at", "t.last_used_at", "t.expires_at", "t.revoked_at"]);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenQuery>["executeTakeFirstOrThrow"]>>;

function presentToken(row: TokenRow, now = Date.now()): TokenListItem {
  const expired = row.expires_at !== null && new Date(row.expires_at).getTime() <= now;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    userEmail: row.email,
    status: row.revoked_at ? "revoked" : expired ? "expired" : "active",
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** Every token of a company, newest first. */
export async function listTenantTokens(options: { db: Db["kysely"]; tenantId: string }): Promise<TokenListItem[]> {
  const rows = await tokenQuery(options.db).where("t.tenant_id", "=", options.tenantId).orderBy("t.created_at", "desc").execute();
  return rows.map((r) => presentToken(r));
}

/** One token by id, in any company; null when there is none. */
export async function findToken(options: { tx: Tx; id: string }): Promise<TokenListItem | null> {
  const row = await tokenQuery(options.tx).where("t.id", "=", options.id).executeTakeFirst();
  return row ? presentToken(row) : null;
}
