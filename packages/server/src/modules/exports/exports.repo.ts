import type { Tx } from "../../db/tx.ts";

/** The company fields printed at the top of the Security Profile export. */
export function findCompanyHeader(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("tenants")
    .select(["legal_name", "ctpat_account_number", "entity_types"])
    .where("id", "=", tenantId)
    .executeTakeFirst();
}
