import type { TFunction } from "i18next";
import type { Site, SiteInput } from "../../api/types";
import type { SiteKind } from "../../lib/constants";

export const SITE_FIELDS = ["name", "kind", "countryCode", "address", "latitude", "longitude"] as const;

export interface SiteFormValues {
  name: string;
  kind: SiteKind | null;
  countryCode: string | null;
  address: string;
  latitude: string;
  longitude: string;
}

export function toFormValues(site: Site | null): SiteFormValues {
  return {
    name: site?.name ?? "",
    kind: site?.kind ?? null,
    countryCode: site?.countryCode ?? null,
    address: site?.address ?? "",
    latitude: site?.latitude == null ? "" : String(site.latitude),
    longitude: site?.longitude == null ? "" : String(site.longitude),
  };
}

/** Parse a coordinate typed with a dot or a decimal comma; null when empty, NaN when invalid. */
export function parseCoordinate(s: string): number | null {
  const v = s.trim().replace(",", ".");
  if (!v) return null;
  return /^[-+]?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** Client-side checks; the server validates again and its issues are shown the same way. */
export function validateSite(v: SiteFormValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = t("validation.required");
  if (!v.kind) errors.kind = t("validation.required");
  if (!v.countryCode) errors.countryCode = t("validation.required");
  const lat = parseCoordinate(v.latitude);
  const lng = parseCoordinate(v.longitude);
  if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90)) errors.latitude = t("validation.latitude");
  if (lng !== null && (Number.isNaN(lng) || lng < -180 || lng > 180)) errors.longitude = t("validation.longitude");
  if ((lat === null) !== (lng === null) && !errors.latitude && !errors.longitude) {
    errors[lat === null ? "latitude" : "longitude"] = t("validation.coordinatePair");
  }
  return errors;
}

/** Body for POST (omits empty optional fields) or PATCH (sends them as null to clear). */
export function toSiteInput(v: SiteFormValues, mode: "create" | "update"): SiteInput {
  const address = v.address.trim() || null;
  const latitude = parseCoordinate(v.latitude);
  const longitude = parseCoordinate(v.longitude);
  const body: SiteInput = {
    name: v.name.trim(),
    kind: v.kind as SiteKind,
    countryCode: v.countryCode as string,
  };
  if (mode === "update" || address !== null) body.address = address;
  if (mode === "update" || latitude !== null) body.latitude = latitude;
  if (mode === "update" || longitude !== null) body.longitude = longitude;
  return body;
}
