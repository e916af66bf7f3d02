/**
 * Tabular readers of the framework import: CSV (csv-parse) and XLSX (exceljs); YAML is in ./frameworks.import-yaml.ts.
 * Each turns a file into raw controls that remember the row and column the user sees; ./frameworks.import.ts validates them.
 */
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "../../errors.ts";
import { type Cell, foldKey, MAX_CONTROLS, type RawControl, type RawFramework, type RowProblem } from "./frameworks.import-model.ts";

type Field = "ref" | "title" | "description" | "msc";

/** One non-empty row of a CSV or sheet: the row number the user sees, and its cells as text (0-based). */
export interface TabularRow {
  row: number;
  cells: string[];
}

// Header names, folded (lower case, no accents): English, Spanish and common spreadsheet variants.
const HEADER_ALIASES: Record<string, Field> = {
  ref: "ref",
  reference: "ref",
  referencia: "ref",
  id: "ref",
  code: "ref",
  codigo: "ref",
  clave: "ref",
  "control id": "ref",
  title: "title",
  titulo: "title",
  name: "title",
  nombre: "title",
  description: "description",
  descripcion: "description",
  details: "description",
  detalle: "description",
  detalles: "description",
  msc: "msc",
  "msc ids": "msc",
  "msc id": "msc",
  mapping: "msc",
  mappings: "msc",
  mapeo: "msc",
  ctpat: "msc",
  "ctpat msc": "msc",
  "criterios msc": "msc",
  "criterio msc": "msc",
};

const bad = (message: string) => new AppError("bad_request", message.slice(0, 300));

/** Where each field sits in a header row, with the header text as the user wrote it. */
function mapHeader(
  cells: string[],
  row: number,
): { index: Partial<Record<Field, number>>; label: Record<Field, string>; problems: RowProblem[] } {
  const index: Partial<Record<Field, number>> = {};
  const label: Record<Field, string> = { ref: "ref", title: "title", description: "description", msc: "msc" };
  const problems: RowProblem[] = [];
  cells.forEach((text, i) => {
    const field = HEADER_ALIASES[foldKey(text)];
    if (!field) return; // extra columns (owner, notes…) are allowed and ignored
    if (index[field] !== undefined) {
      problems.push({ row, column: text.trim(), message: `two columns mean "${field}"` });
      return;
    }
    index[field] = i;
    label[field] = text.trim();
  });
  for (const field of ["ref", "title"] as const) {
    if (index[field] === undefined) {
      problems.push({
        row,
        column: field,
        message: `missing column "${field}" (${field === "ref" ? "ref or referencia" : "title or título"})`,
      });
    }
  }
  return { index, label, problems };
}

/** Rows above the header that may hold a sheet title or notes. */
const HEADER_SEARCH_ROWS = 10;

/** Tabular rows to raw controls. The header is the first of the top rows naming ref and title (a title row may sit above it). */
function tabularToRaw(rows: { row: number; cells: string[] }[]): RawFramework {
  if (rows.length === 0) throw bad("The file has no header row: the first row must name the columns ref, title, description, msc");
  const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => mapHeader(r.cells, r.row).problems.length === 0);
  const header = rows[Math.max(at, 0)] as { row: number; cells: string[] };
  const data = rows.slice(Math.max(at, 0) + 1);
  const { index, label, problems } = mapHeader(header.cells, header.row);
  if (problems.length > 0) return { controls: [], problems };
  const cell = (r: { row: number; cells: string[] }, field: Field): Cell => {
    const i = index[field];
    return { value: i === undefined ? null : (r.cells[i] ?? null), row: r.row, column: label[field] };
  };
  const controls: RawControl[] = data.map((r) => ({
    row: r.row,
    ref: cell(r, "ref"),
    title: cell(r, "title"),
    description: cell(r, "description"),
    ...(index.msc === undefined ? {} : { msc: cell(r, "msc") }),
  }));
  return { controls, problems: [] };
}

/** The delimiter of a CSV: whichever of , ; tab occurs most in the first line outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text.replace(/^\s+/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [",", 0];
  return n > 0 ? best : ",";
}

/** Read a CSV (BOM stripped already): quoted commas and newlines, , ; or tab delimited. Rows are the line a record starts on. */
export function readCsv(text: string): RawFramework {
  return tabularToRaw(readCsvRows(text, MAX_CONTROLS + 1));
}

/**
 * The non-empty records of a CSV (BOM stripped already), each with the line it starts on as the user sees it;
 * reading stops after `maxRows` + 1 records so a caller can tell "too many" without reading a huge file. Also used
 * by the partner import (modules/imports).
 */
export function readCsvRows(text: string, maxRows: number): TabularRow[] {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw bad(`The CSV file could not be read: ${err.message}`);
    throw err;
  }
  const rows: { row: number; cells: string[] }[] = [];
  for (const { record, raw, info } of records) {
    if (record.every((c) => c.trim() === "")) continue;
    // info.lines is the line the record ENDS on; count the newlines inside it (quoted newlines) to find where it starts.
    const body = raw.replace(/^(?:[ \t]*\r?\n)+/, "").replace(/\r?\n$/, "");
    const inner = body.split("\n").length - 1;
    rows.push({ row: info.lines - inner, cells: record });
    if (rows.length > maxRows) break;
  }
  return rows;
}

/**
 * Total unpacked size a ZIP declares in its central directory. A 5 MB XLSX can declare gigabytes (a "zip bomb");
 * refusing it before exceljs inflates it keeps memory bounded. ZIP64 or a missing directory count as unreadable.
 */
export function declaredUnzippedSize(data: Buffer): number {
  const min = Math.max(0, data.length - 65_557);
  for (let at = data.length - 22; at >= min; at--) {
    if (data.readUInt32LE(at) !== 0x06054b50) continue;
    const entries = data.readUInt16LE(at + 10);
    let p = data.readUInt32LE(at + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) return Number.POSITIVE_INFINITY;
      const size = data.readUInt32LE(p + 24);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      p += 46 + data.readUInt16LE(p + 28) + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    }
    return total;
  }
  return Number.POSITIVE_INFINITY;
}

const MAX_UNZIPPED = 100 * 1024 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return "";
}

/** Read the first sheet of an XLSX workbook; the first non-empty row is the header. Rows are Excel's row numbers. */
export async function readXlsx(data: Buffer): Promise<RawFramework> {
  return tabularToRaw(await readXlsxRows(data, MAX_CONTROLS + 1));
}

/**
 * The non-empty rows of the first sheet of an XLSX workbook, with Excel's row numbers and cells as text; reading
 * stops after `maxRows` + 1 rows. Also used by the partner import (modules/imports).
 */
export async function readXlsxRows(data: Buffer, maxRows: number): Promise<TabularRow[]> {
  if (declaredUnzippedSize(data) > MAX_UNZIPPED) throw bad("The XLSX file could not be read: it is damaged or unpacks to more than 100 MB");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw bad("The XLSX file could not be read: it is damaged or not an Excel workbook");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw bad("The workbook has no sheet");
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > maxRows) return;
    const values = Array.isArray(row.values) ? row.values : [];
    // row.values is 1-based (index 0 is empty); keep cells 0-based like the CSV reader.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1] ?? null));
    if (cells.some((c) => c.trim() !== "")) rows.push({ row: rowNumber, cells });
  });
  return rows;
}
