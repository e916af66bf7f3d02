import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** A Kysely handle inside a transaction (tenant-scoped or system). */
export type Tx = Kysely<Database>;

/** Who a transaction runs for; becomes the RLS context. */
export interface TxScope {
  tenantId?: string | null;
  userId?: string | null;
  tokenHash?: string | null;
}

// Scope values are inlined into one simple-protocol statement, so they must be ids or hex hashes.
const SAFE_SCOPE_VALUE = /^[0-9a-f-]{0,128}$/i;

function scopeLiteral(value: string | null | undefined): string {
  const v = value ?? "";
  if (!SAFE_SCOPE_VALUE.test(v)) {
    throw new TypeError("withScope: scope values must be UUIDs or hex hashes");
  }
  return `'${v}'`;
}

/**
 * Run `fn` in one transaction as the non-superuser role portcullis_app with the tenant set by
 * SET LOCAL. Row-level security then filters every statement, so a query that forgets its
 * tenant filter still cannot read or write another tenant's rows.
 *
 * BEGIN and the scope travel in one round trip (a multi-statement simple query): on a request that
 * reads one row, round trips are most of the cost.
 */
export async function withScope<T>(db: Kysely<Database>, scope: TxScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const begin = sql.raw(
    `BEGIN; SELECT set_config('role', 'portcullis_app', true), set_config('app.tenant_id', ${scopeLiteral(scope.tenantId)}, true), ` +
      `set_config('app.user_id', ${scopeLiteral(scope.userId)}, true), set_config('app.token_hash', ${scopeLiteral(scope.tokenHash)}, true)`,
  );
  return db.connection().execute(async (conn) => {
    await begin.execute(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw err;
    }
    await sql`COMMIT`.execute(conn);
    return result;
  });
}

/**
 * Run `fn` in one transaction as the database owner, bypassing tenant scoping. Only for system work
 * that is not done on behalf of a tenant user: migrations, tenant creation from the CLI, verification.
 */
export async function withSystem<T>(db: Kysely<Database>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
