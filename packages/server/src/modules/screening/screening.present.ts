import type { ListRow, MatchRow } from "./screening.repo.ts";
import type { ScreeningList, ScreeningMatch } from "./screening.schema.ts";

const iso = (d: Date | string) => new Date(d).toISOString();
const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? "" } : null);

/** Whitelist a list row for the API. */
export function presentList(row: ListRow): ScreeningList {
  return {
    id: row.id,
    name: row.name,
    source: row.source as ScreeningList["source"],
    format: row.format as ScreeningList["format"],
    filename: row.filename,
    sha256: row.sha256,
    entryCount: row.entry_count,
    importedBy: person(row.imported_by, row.imported_by_name),
    importedAt: iso(row.imported_at),
  };
}

/** "alias,address" as stored → ["alias", "address"]. */
export const matchedOnList = (stored: string) => stored.split(",").filter(Boolean) as ScreeningMatch["matchedOn"];

/** Whitelist a match row (with its partner, entry and list) for the API. */
export function presentMatch(row: MatchRow): ScreeningMatch {
  return {
    id: row.id,
    score: row.score,
    matchedOn: matchedOnList(row.matched_on),
    status: row.status as ScreeningMatch["status"],
    note: row.note,
    decidedBy: person(row.decided_by, row.decided_by_name),
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    createdAt: iso(row.created_at),
    partner: { id: row.partner_id, name: row.partner_name, status: row.partner_status, countryCode: row.partner_country },
    entry: {
      id: row.entry_id,
      externalId: row.external_id,
      name: row.entry_name,
      altNames: row.alt_names,
      programs: row.programs,
      countryCodes: row.country_codes,
      addresses: row.addresses,
      remarks: row.remarks,
      list: { id: row.list_id, name: row.list_name, source: row.list_source },
    },
  };
}
