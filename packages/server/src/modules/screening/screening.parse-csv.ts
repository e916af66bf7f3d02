/**
 * CSV list readers: the U.S. Consolidated Screening List (a header row; columns found by name, case-insensitive)
 * and OFAC's sdn.csv (no header row; fixed column order ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
 * Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; "-0-" means empty).
 */
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { badFile, clean, countryCodeOf, distinct, MAX_REMARKS, type ParsedEntry, splitList } from "./screening.parse-model.ts";

interface CsvRow {
  line: number;
  cells: string[];
}

function readRows(text: string): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw badFile(`The CSV file could not be read: ${err.message}`);
    throw err;
  }
  // A row of blanks, or OFAC's old end-of-file mark (Ctrl-Z), is no row.
  return records
    .filter(({ record }) => record.some((c) => clean(c) !== null))
    .map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** Several bad rows → one 400 naming the first few (the file is not what the source says it is). */
function rowProblems(problems: string[]): void {
  if (problems.length === 0) return;
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  throw badFile(`${problems.slice(0, 3).join("; ")}${more}`);
}

type CslField = "name" | "altNames" | "addresses" | "countries" | "programs" | "source" | "remarks" | "notice" | "id";

// Header names folded to lower_snake_case; the first listed for "id" wins when several are present.
const CSL_HEADERS: Record<CslField, string[]> = {
  name: ["name"],
  altNames: ["alt_names", "alt_name", "alternate_names", "aliases", "alias"],
  addresses: ["addresses", "address"],
  countries: ["countries", "country"],
  programs: ["programs", "program"],
  source: ["source"],
  remarks: ["remarks", "remark"],
  notice: ["federal_register_notice"],
  id: ["entity_number", "_id", "id", "ent_num", "uid"],
};

/** "Alt Names", "alt-names", " ALT_NAMES " → "alt_names"; "_id" keeps its underscore. */
const foldHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+$/, "");

/** The U.S. Consolidated Screening List CSV: any column order, extra columns ignored, "name" required. */
export function parseCslCsv(text: string): ParsedEntry[] {
  const rows = readRows(text);
  const header = rows[0];
  if (!header) return [];
  const folded = header.cells.map(foldHeader);
  // Every column a field may come from, in order of preference (an empty entity_number falls back to _id).
  const col: Partial<Record<CslField, number[]>> = {};
  for (const [field, names] of Object.entries(CSL_HEADERS) as [CslField, string[]][]) {
    const found = names.map((n) => folded.indexOf(n)).filter((i) => i >= 0);
    if (found.length > 0) col[field] = found;
  }
  if (col.name === undefined) {
    const looksLikeSdn = /^\d+$/.test(header.cells[0]?.trim() ?? "");
    throw badFile(
      `The first row must name the columns and one must be "name" (the Consolidated Screening List CSV has name, alt_names, addresses, programs…)${
        looksLikeSdn ? '; this looks like OFAC\'s sdn.csv: choose the source "sdn-csv"' : ""
      }`,
    );
  }
  const cell = (row: CsvRow, field: CslField) => (col[field] ?? []).map((i) => row.cells[i]).find((v) => clean(v) !== null);
  const entries: ParsedEntry[] = [];
  const problems: string[] = [];
  for (const row of rows.slice(1)) {
    const name = clean(cell(row, "name"));
    if (!name) {
      problems.push(`Line ${row.line}: the name is empty`);
      continue;
    }
    // CSL addresses: "street, city, state, postal code, country" separated by ";" — the last part is the country.
    const addresses = splitList(cell(row, "addresses"));
    const countries = distinct([
      ...splitList(cell(row, "countries"), /[;,]/).map(countryCodeOf),
      ...addresses.map((a) => countryCodeOf(a.split(",").pop())),
    ]);
    const source = clean(cell(row, "source"));
    const remarks = clean(cell(row, "remarks"), MAX_REMARKS);
    const notice = clean(cell(row, "notice"));
    const remarkParts = [source, remarks, notice ? `Federal Register: ${notice}` : null].filter(Boolean);
    entries.push({
      externalId: clean(cell(row, "id"), 100),
      name,
      altNames: splitList(cell(row, "altNames")).filter((a) => a !== name),
      addresses,
      countryCodes: countries,
      programs: splitList(cell(row, "programs"), /[;,]/),
      remarks: remarkParts.length > 0 ? (clean(remarkParts.join(". "), MAX_REMARKS) as string) : null,
    });
  }
  rowProblems(problems);
  return entries;
}

// "a.k.a. 'NAME'" inside OFAC remarks (aliases proper live in alt.csv, which is not read).
const AKA = /\ba\.?k\.?a\.?\s*['‘’"“”]([^'‘’"“”]{2,200})['‘’"“”]/gi;

/** OFAC's sdn.csv: no header row (one naming ent_num is tolerated), ent_num numeric, SDN_Name required. */
export function parseSdnCsv(text: string): ParsedEntry[] {
  const rows = readRows(text);
  const first = rows[0];
  const body = first && foldHeader(first.cells[0] ?? "") === "ent_num" ? rows.slice(1) : rows;
  const entries: ParsedEntry[] = [];
  const problems: string[] = [];
  for (const row of body) {
    const [entNum, sdnName, , program, title, , , , , , , remarksCell] = row.cells;
    const id = clean(entNum, 100);
    if (!id || !/^\d+$/.test(id)) {
      problems.push(`Line ${row.line}: the first column (ent_num) must be a number — OFAC's sdn.csv has no header row`);
      continue;
    }
    const name = clean(sdnName);
    if (!name) {
      problems.push(`Line ${row.line}: SDN_Name (second column) is empty`);
      continue;
    }
    const remarks = clean(remarksCell, MAX_REMARKS);
    const akas = remarks ? [...remarks.matchAll(AKA)].map((m) => clean(m[1])) : [];
    const titleText = clean(title);
    entries.push({
      externalId: id,
      name,
      altNames: distinct(akas).filter((a) => a !== name),
      addresses: [],
      countryCodes: [],
      // "IRAN] [IRGC" (several programs) or "[SDGT]".
      programs: splitList(program, /\]\s*\[|[[\];]/),
      remarks: clean([titleText ? `Title: ${titleText}` : null, remarks].filter(Boolean).join(". "), MAX_REMARKS),
    });
  }
  rowProblems(problems);
  return entries;
}
