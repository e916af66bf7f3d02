/**
 * Countries in import files: an ISO code, or an English or Spanish name from the domain's country data
 * (i18n-iso-countries through `countryName`), or a common alias; a name two countries share is refused as ambiguous.
 */
import { allCountryCodes, countryName, isCountryCode } from "@portcullis/domain";
import { foldKey } from "../frameworks/frameworks.import.ts";
import { memo } from "./imports.model.ts";

/** Names people write for countries that are not the ISO short names (English and Spanish). */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "US",
  "united states": "US",
  "u s a": "US",
  "u s": "US",
  "ee uu": "US",
  eeuu: "US",
  "estados unidos de america": "US",
  "estados unidos mexicanos": "MX",
  uk: "GB",
  "great britain": "GB",
  "gran bretana": "GB",
  england: "GB",
  inglaterra: "GB",
  china: "CN",
  korea: "KR",
  "corea del sur": "KR",
  "corea del norte": "KP",
  russia: "RU",
  iran: "IR",
  syria: "SY",
  siria: "SY",
  laos: "LA",
  tanzania: "TZ",
  moldova: "MD",
  czechia: "CZ",
  chequia: "CZ",
  taiwan: "TW",
  vietnam: "VN",
  "viet nam": "VN",
  "ivory coast": "CI",
  holland: "NL",
  holanda: "NL",
  bolivia: "BO",
  venezuela: "VE",
};

let countryIndex: Map<string, string | null> | undefined;

/** Folded country name → code, or null where two countries share the name (ambiguous). Built once. */
function countries(): Map<string, string | null> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string | null>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = foldKey(name);
    const seen = index.get(key);
    index.set(key, seen === undefined || seen === code ? code : null);
  };
  for (const code of allCountryCodes()) {
    add(countryName(code, "en"), code);
    add(countryName(code, "es"), code);
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) index.set(name, code);
  countryIndex = index;
  return index;
}

/**
 * ISO 3166-1 alpha-2 code of a country written as a code ("mx"), an English or Spanish name ("Mexico", "México") or
 * a common alias ("USA", "EE. UU."). Returns an error message for an unknown or ambiguous name.
 */
export const countryCodeOf = memo(countryCodeOfUncached);

function countryCodeOfUncached(text: string): { code: string } | { error: string } {
  const raw = text.trim();
  const upper = raw.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && isCountryCode(upper)) return { code: upper };
  const found = countries().get(foldKey(raw));
  if (found === null) return { error: `"${raw.slice(0, 60)}" names more than one country: use the ISO code` };
  if (found === undefined) return { error: `"${raw.slice(0, 60)}" is not a country name we know: use the ISO code (e.g. MX)` };
  return { code: found };
}
