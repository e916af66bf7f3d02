import type { Tx } from "./tx.ts";

/** Tables whose rows carry a tenant-unique `external_key` (the upsert key of imports). */
export type ExternalKeyTable = "partners" | "partner_sites" | "lanes";

/**
 * Whether another row of the tenant (not `exceptId`) already has this external key. Checked before writing so
 * the caller can answer 409 naming the key; the unique index still decides a race.
 */
export async function externalKeyTaken(
  tx: Tx,
  table: ExternalKeyTable,
  tenantId: string,
  key: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = tx.selectFrom(table).select("id").where("tenant_id", "=", tenantId).where("external_key", "=", key);
  if (exceptId) q = q.where("id", "<>", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}
