import type { SiteRow } from "../../db/schema.ts";
import type { Tx } from "../../db/tx.ts";
import type { ListSitesQueryInput } from "./sites.schema.ts";

/** Read one site of the tenant (RLS filters too). */
export function findSite(tx: Tx, tenantId: string, id: string): Promise<SiteRow | undefined> {
  return tx.selectFrom("sites").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

/** Lock one site for update. */
export function findSiteForUpdate(tx: Tx, tenantId: string, id: string): Promise<SiteRow | undefined> {
  return tx.selectFrom("sites").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Page through the tenant's sites, by name. */
export async function listSites(tx: Tx, tenantId: string, query: ListSitesQueryInput): Promise<{ rows: SiteRow[]; total: number }> {
  let base = tx.selectFrom("sites").where("tenant_id", "=", tenantId);
  if (!query.includeArchived) {
    base = base.where("archived_at", "is", null);
  }
  if (query.kind) {
    base = base.where("kind", "=", query.kind);
  }
  if (query.countryCode) {
    base = base.where("country_code", "=", query.countryCode.toUpperCase());
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb("name", "ilike", pattern), eb("address", "ilike", pattern)]));
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy("name").orderBy("id").limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
