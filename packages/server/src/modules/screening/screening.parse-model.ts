/**
 * What every list reader produces, and the helpers they share: text decoding, value cleaning and country names.
 * Readers are pure: bytes in, entries out; a file that cannot be read throws 400 `bad_request`.
 */
import { allCountryCodes, countryName, isCountryCode } from "@portcullis/domain";
import { AppError } from "../../errors.ts";

/** One denied party as read from a list file. */
export interface ParsedEntry {
  externalId: string | null;
  name: string;
  altNames: string[];
  addresses: string[];
  countryCodes: string[];
  programs: string[];
  remarks: string | null;
}

/** The list sources the API accepts: the U.S. Consolidated Screening List (CSV) and OFAC's SDN list (CSV or XML). */
export const LIST_SOURCES = ["csl", "sdn-csv", "sdn-xml"] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

/** The upload limit of a list file. */
export const MAX_LIST_BYTES = 50 * 1024 * 1024;

// Per-value caps: official lists stay far below them; a hostile file cannot bloat a row.
export const MAX_NAME = 500;
export const MAX_REMARKS = 4000;
export const MAX_ITEMS = 100;

/** A 400 whose message tells the user what is wrong with the file. */
export const badFile = (message: string) => new AppError("bad_request", message.slice(0, 300));

/**
 * Bytes to text: UTF-8 (a BOM is dropped), else Windows-1252 (older OFAC and spreadsheet exports). A file with NUL
 * bytes is binary, not a list.
 */
export function decodeListText(data: Buffer): string {
  const body = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  if (body.includes(0)) throw badFile("The file holds binary content, not a text list (CSV or XML)");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

// Control characters (PostgreSQL text cannot hold NUL) and line breaks: one value is one line.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]+/g;

/** One value: well-formed, no control characters, spaces collapsed, capped; null when empty or OFAC's "-0-". */
export function clean(raw: unknown, max = MAX_NAME): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).toWellFormed().replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  if (text === "" || text === "-0-") return null;
  return Array.from(text).slice(0, max).join("");
}

/** Split a list cell ("a; b; c") into cleaned, distinct values. */
export function splitList(raw: unknown, separator: RegExp = /;/): string[] {
  const text = raw === null || raw === undefined ? "" : String(raw);
  return distinct(text.split(separator).map((v) => clean(v)));
}

/** Cleaned, distinct, non-empty values, at most MAX_ITEMS. */
export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].slice(0, MAX_ITEMS);
}

const foldCountry = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

// How OFAC and the CSL write some countries, besides their ISO names.
const COUNTRY_ALIASES: Record<string, string> = {
  burma: "MM",
  "korea north": "KP",
  "north korea": "KP",
  "korea south": "KR",
  "south korea": "KR",
  russia: "RU",
  iran: "IR",
  syria: "SY",
  venezuela: "VE",
  bolivia: "BO",
  tanzania: "TZ",
  vietnam: "VN",
  laos: "LA",
  moldova: "MD",
  "hong kong": "HK",
  macau: "MO",
  macao: "MO",
  taiwan: "TW",
  "congo democratic republic of the": "CD",
  "democratic republic of the congo": "CD",
  "congo republic of the": "CG",
  "cote d ivoire": "CI",
  "ivory coast": "CI",
  "west bank": "PS",
  gaza: "PS",
  palestinian: "PS",
  "united states": "US",
  usa: "US",
  "united kingdom": "GB",
  uk: "GB",
  "united arab emirates": "AE",
  uae: "AE",
  turkey: "TR",
  turkiye: "TR",
  "czech republic": "CZ",
  "the bahamas": "BS",
  "the gambia": "GM",
  kosovo: "XK",
};

let countryIndex: Map<string, string> | null = null;

/** Folded English and Spanish names of every ISO country, plus the aliases above. Built once. */
function countries(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  for (const code of allCountryCodes()) {
    for (const name of [countryName(code, "en"), countryName(code, "es"), display.of(code)]) {
      if (name) index.set(foldCountry(name), code);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) index.set(name, code);
  countryIndex = index;
  return index;
}

/** An ISO 3166-1 alpha-2 code for a code or a country name as lists write it ("China", "Korea, North"); null if unknown. */
export function countryCodeOf(raw: string | null | undefined): string | null {
  const text = clean(raw);
  if (!text) return null;
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return upper === "XK" || isCountryCode(upper) ? upper : null;
  const folded = foldCountry(text.replace(/^region\s*:\s*/i, ""));
  return countries().get(folded) ?? null;
}
