import type { Db } from "@portcullis/server/db/open.ts";
import { AppError } from "@portcullis/server/errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A company as the CLI names it. */
export interface TenantRef {
  id: string;
  legalName: string;
}

/**
 * Find a company by id or exact legal name. Legal names are not unique (the demo can be created twice),
 * so an ambiguous name is refused rather than guessed.
 */
export async function resolveTenant(options: { db: Db["kysely"]; ref: string }): Promise<TenantRef> {
  const { db, ref } = options;
  let query = db.selectFrom("tenants").select(["id", "legal_name"]);
  query = UUID.test(ref) ? query.where("id", "=", ref.toLowerCase()) : query.where("legal_name", "=", ref);
  const rows = await query.limit(2).execute();
  const [first, second] = rows;
  if (!first) {
    throw new AppError("not_found", `no company with id or legal name "${ref}" (see: portcullis tenant list)`);
  }
  if (second) {
    throw new AppError("conflict", `more than one company is named "${ref}": give its tenant id instead (see: portcullis tenant list)`);
  }
  return { id: first.id, legalName: first.legal_name };
}
