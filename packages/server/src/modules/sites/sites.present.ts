import type { SiteRow } from "../../db/schema.ts";
import type { Site } from "./sites.schema.ts";

/** Whitelist a site row for the API. */
export function presentSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    countryCode: row.country_code,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
