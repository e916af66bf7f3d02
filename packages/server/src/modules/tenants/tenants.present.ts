import type { TenantRow } from "../../db/schema.ts";
import type { Tenant } from "./tenants.schema.ts";

/** Whitelist a tenant row for the API. */
export function presentTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    legalName: row.legal_name,
    entityTypes: row.entity_types,
    ctpatAccountNumber: row.ctpat_account_number,
    ctpatStatus: row.ctpat_status,
    ctpatTier: row.ctpat_tier,
    certifiedOn: row.certified_on,
    lastValidatedOn: row.last_validated_on,
    anniversaryDate: row.anniversary_date,
    countryCode: row.country_code,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
