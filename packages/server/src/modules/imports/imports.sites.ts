/**
 * Planning a partner-site import: rows checked with zod, the partner found by its key in the registry, sites matched by
 * key and compared field by field. Pure: the database state comes in.
 */
import { randomUUID } from "node:crypto";
import { SITE_KINDS } from "@portcullis/domain";
import { z } from "zod";
import { countryCell, keyCell, numberCell, optionalText, parseRecord, requiredText, wordCell } from "./imports.cells.ts";
import { type Change, keyIndex, type Plan, type PlanInput, repeatedKey } from "./imports.model.ts";
import type { PartnerSiteState, PartnerState } from "./imports.repo.ts";
import { siteKindOf } from "./imports.vocab.ts";
import type { SiteWrite } from "./imports.write.ts";

/** One row of a partner-site file. */
export const SiteRowSchema = z.object({
  key: keyCell,
  partner_key: keyCell,
  name: requiredText(200),
  kind: wordCell(siteKindOf, "site kind", SITE_KINDS),
  country: countryCell,
  address: optionalText(1000),
  latitude: numberCell(-90, 90),
  longitude: numberCell(-180, 180),
});

/** What a site import writes. */
export interface SiteWritePlan {
  inserts: SiteWrite[];
  updates: SiteWrite[];
}

/** Plan a partner-site import. */
export function planSites(input: PlanInput & { db: { partners: PartnerState[]; sites: PartnerSiteState[] } }): Plan<SiteWritePlan> {
  const { records, labels, problems, db } = input;
  const findPartner = keyIndex(db.partners);
  const findSite = keyIndex(db.sites);
  const seen = new Map<string, number>();
  const write: SiteWritePlan = { inserts: [], updates: [] };
  const changes: Change[] = [];
  let unchanged = 0;
  for (const record of records) {
    const row = parseRecord(SiteRowSchema, record, labels, problems);
    if (!row) continue;
    if (repeatedKey(seen, row.key, record.row, labels.key ?? "key", problems)) continue;
    const partner = findPartner(row.partner_key);
    if (!partner) {
      problems.errors.push({
        row: record.row,
        column: labels.partner_key ?? "partner_key",
        message: `"${row.partner_key.slice(0, 60)}" is not a partner key of your registry (import the partners first)`,
      });
      continue;
    }
    const existing = findSite(row.key);
    const value: SiteWrite = {
      id: existing?.id ?? randomUUID(),
      key: existing ? existing.external_key : row.key,
      partnerId: partner.id,
      name: row.name,
      kind: row.kind,
      countryCode: row.country,
      address: row.address === undefined ? (existing?.address ?? null) : row.address,
      latitude: row.latitude === undefined ? (existing?.latitude ?? null) : row.latitude,
      longitude: row.longitude === undefined ? (existing?.longitude ?? null) : row.longitude,
    };
    if ((value.latitude === null) !== (value.longitude === null)) {
      problems.errors.push({
        row: record.row,
        column: value.latitude === null ? (labels.latitude ?? "latitude") : (labels.longitude ?? "longitude"),
        message: "latitude and longitude go together: give both or neither",
      });
      continue;
    }
    const fields: string[] = [];
    if (!existing) {
      fields.push("partner_key", "name", "kind", "country");
      if (value.address !== null) fields.push("address");
      if (value.latitude !== null) fields.push("latitude", "longitude");
    } else {
      if (value.partnerId !== existing.partner_id) fields.push("partner_key");
      if (value.name !== existing.name) fields.push("name");
      if (value.kind !== existing.kind) fields.push("kind");
      if (value.countryCode !== existing.country_code) fields.push("country");
      if (value.address !== existing.address) fields.push("address");
      if (value.latitude !== existing.latitude) fields.push("latitude");
      if (value.longitude !== existing.longitude) fields.push("longitude");
    }
    if (existing && fields.length === 0) {
      unchanged++;
      continue;
    }
    changes.push({ row: record.row, action: existing ? "update" : "create", key: row.key, fields });
    (existing ? write.updates : write.inserts).push(value);
  }
  const create = changes.filter((c) => c.action === "create").length;
  return { create, update: changes.length - create, unchanged, changes, write };
}
