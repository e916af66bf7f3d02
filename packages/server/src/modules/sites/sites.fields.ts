import { CountryCodeSchema, SiteKindSchema } from "@portcullis/domain";
import { z } from "zod";
import type { SiteRow } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { longText, text } from "../../http/schemas.ts";

// What a site is, wherever it is kept: the company's own sites (this module) and its partners' sites (partners module).
// Each keeps its own table, routes and rules; these are only the fields they share.

/** The fields of a site's create body, for `z.strictObject({ ...SiteInputFields, … })`. */
export const SiteInputFields = {
  name: text(200),
  kind: SiteKindSchema,
  countryCode: CountryCodeSchema,
  address: longText(1000).nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
};

/** What a site's create body holds of {@link SiteInputFields}. */
export type SiteInput = z.infer<z.ZodObject<typeof SiteInputFields>>;

/** The fields of a site as the API returns it, after its own ids. */
export const SiteViewFields = {
  name: z.string(),
  kind: z.string(),
  countryCode: z.string(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The columns a site row shares with every other kind of site row. */
export type SiteFieldsRow = Pick<
  SiteRow,
  "name" | "kind" | "country_code" | "address" | "latitude" | "longitude" | "archived_at" | "created_at" | "updated_at"
>;

/** The shared columns of a new site row (absent optional fields stored as null). */
export function siteColumns(input: SiteInput) {
  return {
    name: input.name,
    kind: input.kind,
    country_code: input.countryCode,
    address: input.address ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

/** The shared columns an update sets: only the fields the body carries (null clears an optional one). */
export function siteChanges(input: Partial<SiteInput>): Partial<ReturnType<typeof siteColumns>> {
  const patch: Partial<ReturnType<typeof siteColumns>> = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.countryCode !== undefined) patch.country_code = input.countryCode;
  if (input.address !== undefined) patch.address = input.address;
  if (input.latitude !== undefined) patch.latitude = input.latitude;
  if (input.longitude !== undefined) patch.longitude = input.longitude;
  return patch;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Whitelist the shared fields of a site row for the API (see {@link SiteViewFields}). */
export function presentSiteFields(row: SiteFieldsRow) {
  return {
    name: row.name,
    kind: row.kind,
    countryCode: row.country_code,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    archived: row.archived_at !== null,
    archivedAt: iso(row.archived_at),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

/**
 * A point needs both coordinates: one alone cannot be placed on the map. Checked against the values the row will
 * hold (an update may send one coordinate and keep the other), so the 400 names the missing one.
 */
export function assertCoordinatePair(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) === (longitude === null)) return;
  const missing = latitude === null ? "latitude" : "longitude";
  throw new AppError("validation_failed", "Give latitude and longitude together, or neither", {
    issues: [{ path: ["body", missing], message: "required together with the other coordinate" }],
  });
}
