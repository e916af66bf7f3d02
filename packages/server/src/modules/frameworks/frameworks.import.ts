/**
 * Reading a custom framework from a CSV, XLSX or YAML file: pure functions (no database, no HTTP).
 * The readers in ./frameworks.import-readers.ts turn a file into raw controls; this file detects the format,
 * decodes text and validates every control, collecting EVERY problem with the row the user sees in the file.
 */
import { getCriterion } from "@portcullis/domain";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import {
  type Cell,
  foldKey,
  type ImportFormat,
  MAX_CONTROLS,
  MAX_REPORTED_PROBLEMS,
  type RawFramework,
  type RowProblem,
} from "./frameworks.import-model.ts";
import { readCsv, readXlsx } from "./frameworks.import-readers.ts";
import { readYaml } from "./frameworks.import-yaml.ts";

export * from "./frameworks.import-model.ts";

/** How an imported control relates to an MSC criterion (see docs/api/security-profile.md, custom frameworks). */
export const RELATIONS = ["equal", "subset", "superset", "related"] as const;
export type Relation = (typeof RELATIONS)[number];
export interface ImportedMapping {
  criterionId: string;
  relation: Relation;
}

export interface ImportedControl {
  row: number;
  ref: string;
  title: string;
  description: string | null;
  mappings: ImportedMapping[];
}

/** A valid file's content. */
export interface ImportedFramework {
  format: ImportFormat;
  name: string | null;
  version: string | null;
  description: string | null;
  controls: ImportedControl[];
}

// Control characters other than tab/newline: PostgreSQL text cannot hold NUL, and the rest are never meant.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const cleanText = (label: string, max: number, min: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${label} is empty` : `${label} is too short`)
    .max(max, `${label} is longer than ${max} characters`)
    .refine((s) => !CONTROL.test(s), `${label} contains control characters`)
    .refine((s) => s.isWellFormed(), `${label} is not well-formed Unicode`);

const RefSchema = cleanText("ref", 64, 1);
const TitleSchema = cleanText("title", 300, 1);
const DescriptionSchema = cleanText("description", 4000, 0);
const NameSchema = cleanText("name", 200, 1);
const VersionSchema = cleanText("version", 50, 0);

const RELATION_ALIASES: Record<string, Relation> = {
  equal: "equal",
  equals: "equal",
  equivalent: "equal",
  igual: "equal",
  equivalente: "equal",
  subset: "subset",
  subconjunto: "subset",
  superset: "superset",
  superconjunto: "superset",
  related: "related",
  relacionado: "related",
  relacionada: "related",
};

/** A relation word (English or Spanish, any case/accents), or undefined. An empty word means "related". */
export function parseRelation(word: string): Relation | undefined {
  const key = foldKey(word);
  return key === "" ? "related" : RELATION_ALIASES[key];
}

/**
 * Decide the format from the file name, declared type and first bytes. The content must agree with the name:
 * a ZIP named .csv, or text named .xlsx, is refused (415) rather than guessed.
 */
export function detectFormat(filename: string, contentType: string, data: Buffer): ImportFormat {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? "";
  const isZip = data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const isOle = data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  const isPdf = data.subarray(0, 5).toString("latin1") === "%PDF-";
  const refuse = (message: string) => new AppError("unsupported_media_type", message);
  if (isOle) throw refuse("This is an old Excel (.xls) file: save it as .xlsx, CSV or YAML and import that");
  if (isPdf) throw refuse("A PDF cannot be imported: send a CSV, XLSX or YAML file");
  const byName: Record<string, ImportFormat> = { csv: "csv", txt: "csv", tsv: "csv", xlsx: "xlsx", yaml: "yaml", yml: "yaml" };
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const byType: Record<string, ImportFormat> = {
    "text/csv": "csv",
    "application/yaml": "yaml",
    "application/x-yaml": "yaml",
    "text/yaml": "yaml",
    "text/x-yaml": "yaml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  };
  const format = byName[ext] ?? byType[type] ?? (isZip ? "xlsx" : undefined);
  if (!format) throw refuse("Send a .csv, .xlsx or .yaml file");
  if (format === "xlsx" && !isZip) throw refuse("The file is named as a spreadsheet but its content is not an XLSX workbook");
  if (format !== "xlsx" && isZip) throw refuse(`The file is named as ${format.toUpperCase()} but its content is a ZIP or XLSX file`);
  return format;
}

/**
 * Text of a CSV or YAML file: UTF-8 (BOM optional), UTF-16 with a BOM (Excel's "Unicode text"), and Windows-1252 as
 * the fallback for a CSV saved by a Spanish Excel without UTF-8. Binary content is refused.
 */
export function decodeText(data: Buffer): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  const body = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  if (body.includes(0)) throw new AppError("unsupported_media_type", "The file holds binary content, not text");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** Read and validate a framework file. Throws 400/415 for a file that cannot be read at all; row problems come back as `errors`. */
export async function parseFrameworkFile(input: {
  data: Buffer;
  filename: string;
  contentType?: string;
}): Promise<{ framework: ImportedFramework; errors: RowProblem[]; totalErrors: number }> {
  if (input.data.length === 0) throw new AppError("bad_request", "The file is empty");
  const format = detectFormat(input.filename, input.contentType ?? "", input.data);
  const raw =
    format === "xlsx" ? await readXlsx(input.data) : format === "yaml" ? readYaml(decodeText(input.data)) : readCsv(decodeText(input.data));
  const { framework, errors } = validateRawFramework(format, raw);
  const sorted = errors.sort((a, b) => a.row - b.row);
  return { framework, errors: sorted.slice(0, MAX_REPORTED_PROBLEMS), totalErrors: sorted.length };
}

function checkField(schema: z.ZodType<string>, cell: Cell, errors: RowProblem[]): string | null {
  if (cell.reported) return null;
  const result = schema.safeParse(cell.value ?? "");
  if (result.success) return result.data;
  for (const issue of result.error.issues) errors.push({ row: cell.row, column: cell.column, message: issue.message });
  return null;
}

function optionalField(schema: z.ZodType<string>, cell: Cell | undefined, errors: RowProblem[]): string | null {
  if (!cell || cell.reported || cell.value === null || cell.value.trim() === "") return null;
  return checkField(schema, cell, errors);
}

/** Split "6.1=equal; 6.2=related, 6.3" into criterion/relation cells (separators ; , | and newlines; a bare ID means related). */
export function splitMscList(cell: Cell): { criterion: Cell; relation: Cell }[] {
  return (cell.value ?? "")
    .split(/[;,|\n\r]+/)
    .map((token) => token.trim())
    .filter((token) => token !== "")
    .map((token) => {
      const at = token.search(/[=:]/);
      const id = at < 0 ? token : token.slice(0, at);
      const rel = at < 0 ? "" : token.slice(at + 1);
      return { criterion: { ...cell, value: id.trim() }, relation: { ...cell, value: rel.trim() } };
    });
}

function checkMappings(list: { criterion: Cell; relation: Cell }[], errors: RowProblem[]): ImportedMapping[] {
  const out: ImportedMapping[] = [];
  const seen = new Set<string>();
  for (const { criterion, relation } of list) {
    if (criterion.reported || relation.reported) continue;
    const id = (criterion.value ?? "").trim();
    const known = id !== "" && /^\d{1,2}\.\d{1,2}$/.test(id) ? getCriterion(id) : undefined;
    const rel = parseRelation(relation.value ?? "");
    let ok = true;
    if (!known) {
      errors.push({
        row: criterion.row,
        column: criterion.column,
        message: id ? `"${id.slice(0, 40)}" is not an MSC criterion ID` : "criterion ID is empty",
      });
      ok = false;
    }
    if (!rel) {
      errors.push({
        row: relation.row,
        column: relation.column,
        message: `relation "${(relation.value ?? "").slice(0, 40)}"${known ? ` for ${id}` : ""} is not one of equal, subset, superset, related`,
      });
      ok = false;
    }
    if (known && seen.has(known.id)) {
      errors.push({ row: criterion.row, column: criterion.column, message: `${known.id} is mapped twice` });
      ok = false;
    }
    if (known) seen.add(known.id);
    if (ok && known && rel) out.push({ criterionId: known.id, relation: rel });
  }
  return out;
}

/** Validate what a reader produced: every field, duplicate refs, MSC IDs and relations, the row cap. */
export function validateRawFramework(format: ImportFormat, raw: RawFramework): { framework: ImportedFramework; errors: RowProblem[] } {
  const errors: RowProblem[] = [...raw.problems];
  const name = optionalField(NameSchema, raw.name, errors);
  const version = optionalField(VersionSchema, raw.version, errors);
  const description = optionalField(DescriptionSchema, raw.description, errors);
  const controls: ImportedControl[] = [];
  const firstRowOfRef = new Map<string, number>();
  for (const [index, rc] of raw.controls.entries()) {
    if (index === MAX_CONTROLS) {
      errors.push({ row: rc.row, column: "", message: `too many controls: at most ${MAX_CONTROLS.toLocaleString("en-US")} per file` });
      break;
    }
    const before = errors.length;
    const ref = checkField(RefSchema, rc.ref, errors);
    const title = checkField(TitleSchema, rc.title, errors);
    const desc = optionalField(DescriptionSchema, rc.description, errors);
    const mappings = checkMappings([...(rc.msc ? splitMscList(rc.msc) : []), ...(rc.mappings ?? [])], errors);
    if (ref !== null) {
      // Refs differing only in case or accents would confuse people reading the coverage; treat them as the same.
      const key = foldKey(ref);
      const first = firstRowOfRef.get(key);
      if (first !== undefined) {
        errors.push({ row: rc.ref.row, column: rc.ref.column, message: `duplicate ref "${ref.slice(0, 64)}" (first on row ${first})` });
      } else {
        firstRowOfRef.set(key, rc.row);
      }
    }
    if (errors.length === before && ref !== null && title !== null) {
      controls.push({ row: rc.row, ref, title, description: desc, mappings });
    }
  }
  if (raw.controls.length === 0 && errors.length === 0) {
    errors.push({ row: 1, column: "", message: "the file holds no controls" });
  }
  return { framework: { format, name, version, description, controls }, errors };
}
