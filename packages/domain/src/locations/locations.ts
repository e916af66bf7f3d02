import { readFileSync } from "node:fs";
import { z } from "zod";
import { CountryCodeSchema } from "../countries.ts";
import { foldText } from "../criteria/lookup.ts";

/**
 * The packaged list of places a lane may pass through (`port:<code>` nodes): seaports, airports, U.S. land border
 * crossings and inland hubs, with where each value came from. The CSV beside this file is the single source;
 * README.md in this folder describes its columns, sources and known gaps.
 */

/** Kinds of packaged location. */
export const LOCATION_KINDS = ["seaport", "airport", "border-crossing", "inland"] as const;
export const LocationKindSchema = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKindSchema>;

/** UN/LOCODE-style code: "USLAX", plus the file's own forms "US-POE-2304", "US-POE-2304-WTB", "USLAX-APT". */
export const LOCATION_CODE = /^[A-Z]{2}[A-Z0-9]{3}(?:-[A-Z0-9]{2,5})?$|^US-POE-\d{4}(?:-[A-Z]{3})?$/;

const Coordinate = (min: number, max: number) =>
  z
    .string()
    .transform((s) => (s.trim() === "" ? null : Number(s)))
    .pipe(z.number().min(min).max(max).nullable());

/** One CSV row as it is validated (column names as in the file). */
const LocationRowSchema = z.strictObject({
  code: z.string().regex(LOCATION_CODE),
  name: z.string().trim().min(1),
  country_code: CountryCodeSchema,
  kind: LocationKindSchema,
  latitude: Coordinate(-90, 90),
  longitude: Coordinate(-180, 180),
  cbp_port_code: z
    .string()
    .regex(/^(\d{4,5})?$/)
    .transform((s) => s || null),
  // Several sources are separated by " | "; each names a URL, sometimes followed by a remark in parentheses.
  source_url: z
    .string()
    .transform((s) => s.split(" | ").map((part) => part.trim()))
    .pipe(z.array(z.string().regex(/^https?:\/\/\S+/, "each source must start with a URL")).min(1)),
  notes: z.string().transform((s) => s.trim() || null),
});

/** A packaged location. Latitude and longitude are null together when no source gave a position. */
export interface Location {
  code: string;
  name: string;
  countryCode: string;
  kind: LocationKind;
  latitude: number | null;
  longitude: number | null;
  /** U.S. rows: CBP/Census Schedule D port code; foreign seaports: Schedule K code. */
  cbpPortCode: string | null;
  /** Where the row's values come from: a URL, optionally followed by a remark. */
  sources: string[];
  notes: string | null;
}

/** Split CSV text into records (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error("CSV ends inside a quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Parse and validate the packaged CSV text; throws naming the first bad line. */
export function parseLocationsCsv(text: string): Location[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error("locations.csv is empty");
  const seen = new Set<string>();
  return rows.map((cells, n) => {
    const line = n + 2;
    if (cells.length !== header.length) throw new Error(`locations.csv line ${line}: ${cells.length} cells, expected ${header.length}`);
    const parsed = LocationRowSchema.safeParse(Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    if (!parsed.success) throw new Error(`locations.csv line ${line}: ${parsed.error.message}`);
    const r = parsed.data;
    if ((r.latitude === null) !== (r.longitude === null)) throw new Error(`locations.csv line ${line}: half a position`);
    if (seen.has(r.code)) throw new Error(`locations.csv line ${line}: duplicate code ${r.code}`);
    seen.add(r.code);
    return {
      code: r.code,
      name: r.name,
      countryCode: r.country_code,
      kind: r.kind,
      latitude: r.latitude,
      longitude: r.longitude,
      cbpPortCode: r.cbp_port_code,
      sources: r.source_url,
      notes: r.notes,
    };
  });
}

/** Every packaged location, in file order (parsed once, when the module loads). */
export const LOCATIONS: readonly Location[] = Object.freeze(
  parseLocationsCsv(readFileSync(new URL("./locations.csv", import.meta.url), "utf8")).map((l) => Object.freeze(l)),
);

/**
 * Port codes the file keys differently. UN/LOCODE 2024-2 gives CNSHA, CNNGB and CNXMN to airports and lists the
 * seaports under other codes, while shipping data (and this file) keep the old port keys: accept both.
 */
export const LOCATION_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  CNSHG: "CNSHA",
  CNSGH: "CNSHA",
  CNNBG: "CNNGB",
  CNNBO: "CNNGB",
  CNXMG: "CNXMN",
  CNXAM: "CNXMN",
});

const byCode = new Map(LOCATIONS.map((l) => [l.code, l]));
const haystacks = new Map(LOCATIONS.map((l) => [l.code, foldText(`${l.code} ${l.name} ${l.countryCode} ${l.cbpPortCode ?? ""}`)]));

/** The location with this code (or one of its aliases), case-insensitive; undefined when unknown. */
export function getLocation(code: string): Location | undefined {
  const upper = code.trim().toUpperCase();
  return byCode.get(LOCATION_ALIASES[upper] ?? upper);
}

/**
 * Find packaged locations: every word of `q` (accent- and case-insensitive) must occur in the code, name, country
 * code or CBP port code. Exact code matches come first, then codes starting with the query, then the rest by name.
 */
export function searchLocations(options: { q?: string; kind?: LocationKind } = {}): Location[] {
  const words = foldText(options.q ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const query = (options.q ?? "").trim().toUpperCase();
  const alias = LOCATION_ALIASES[query];
  const rank = (l: Location) => (l.code === query || l.code === alias ? 0 : l.code.startsWith(query) ? 1 : 2);
  return LOCATIONS.filter((l) => !options.kind || l.kind === options.kind)
    .filter((l) => l.code === alias || words.every((w) => haystacks.get(l.code)?.includes(w)))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
