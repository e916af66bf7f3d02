import type { SiteRow } from "../../db/schema.ts";
import { presentSiteFields } from "./sites.fields.ts";
import type { Site } from "./sites.schema.ts";

/** Whitelist a site row for the API. */
export function presentSite(row: SiteRow): Site {
  return { id: row.id, ...presentSiteFields(row) };
}
