import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./schema.ts";

/** A Kysely handle inside a tenant-scoped transaction. */
export type Tx = Transaction<Database>;

/** Who a transaction runs for; becomes the RLS context. */
export interface TxScope {
  tenantId?: string | null;
  userId?: string | null;
  tokenHash?: string | null;
}

/**
 * Run `fn` in one transaction as the non-superuser role portcullis_app with the tenant set by
 * SET LOCAL. Row-level security then filters every statement, so a query that forgets its
 * tenant filter still cannot read or write another tenant's rows.
 */
export async function withScope<T>(db: Kysely<Database>, scope: TxScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('role', 'portcullis_app', true),
                     set_config('app.tenant_id', ${scope.tenantId ?? ""}, true),
                     set_config('app.user_id', ${scope.userId ?? ""}, true),
                     set_config('app.token_hash', ${scope.tokenHash ?? ""}, true)`.execute(tx);
    return fn(tx);
  });
}

/**
 * Run `fn` in one transaction as the database owner, bypassing tenant scoping. Only for system work
 * that is not done on behalf of a tenant user: migrations, tenant creation from the CLI, verification.
 */
export async function withSystem<T>(db: Kysely<Database>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
