/**
 * From an uploaded file to records of named cells. The format detection, text decoding (UTF-8 with or without BOM,
 * UTF-16, Windows-1252 fallback) and the CSV/XLSX readers are the framework import's (modules/frameworks); this file
 * finds the header row, maps its cells to our columns and keeps the row number the user sees for every record.
 */
import { AppError } from "../../errors.ts";
import { decodeText, detectFormat, type RowProblem } from "../frameworks/frameworks.import.ts";
import { readCsvRows, readXlsxRows, type TabularRow } from "../frameworks/frameworks.import-readers.ts";
import { COLUMNS, columnOf, type ImportKind, REQUIRED_COLUMNS } from "./imports.vocab.ts";

/** Most data rows one file may hold (a 20 MB CSV of partners is about 150,000 rows). */
export const MAX_ROWS = 200_000;
/** Largest file accepted. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows above the header that may hold a title or notes. */
const HEADER_SEARCH_ROWS = 10;

/** One data row: its number in the file and the text of each of our columns the file has ("" when the cell is empty). */
export interface SheetRecord {
  row: number;
  cells: Record<string, string | undefined>;
}

/** A file read and mapped to columns; `labels` is each column's header as the user wrote it. */
export interface Sheet {
  format: "csv" | "xlsx";
  labels: Record<string, string>;
  records: SheetRecord[];
  problems: RowProblem[];
}

// The CSV export puts a ' before text that a spreadsheet would run as a formula (=, +, -, @), and before text that
// already starts with such a guard, so taking one ' off here gives back exactly what was exported.
const GUARDED = /^'+[=+\-@]/;

/** Cell text as stored: trimmed, NFC, and for CSV without the export's formula guard. */
export function cellValue(raw: string, format: "csv" | "xlsx"): string {
  const text = raw.trim().normalize("NFC");
  return format === "csv" && GUARDED.test(text) ? text.slice(1) : text;
}

function mapHeader(
  kind: ImportKind,
  header: TabularRow,
): { index: Map<string, number>; labels: Record<string, string>; problems: RowProblem[] } {
  const index = new Map<string, number>();
  const labels: Record<string, string> = Object.fromEntries(COLUMNS[kind].map((c) => [c, c]));
  const problems: RowProblem[] = [];
  header.cells.forEach((text, i) => {
    const column = columnOf(kind, text);
    if (!column) return; // extra columns (notes, owner…) are allowed and ignored
    if (index.has(column)) {
      problems.push({ row: header.row, column: text.trim(), message: `two columns mean "${column}"` });
      return;
    }
    index.set(column, i);
    labels[column] = text.trim();
  });
  for (const column of REQUIRED_COLUMNS[kind] as readonly string[]) {
    if (!index.has(column)) problems.push({ row: header.row, column, message: `missing column "${column}"` });
  }
  return { index, labels, problems };
}

/** Read an import file of one kind. Throws 400/415 for a file that cannot be read at all; everything else is a problem. */
export async function readSheet(input: { kind: ImportKind; data: Buffer; filename: string; contentType: string }): Promise<Sheet> {
  const { kind, data } = input;
  if (data.length === 0) throw new AppError("bad_request", "The file is empty");
  const format = detectFormat(input.filename, input.contentType, data);
  if (format === "yaml") throw new AppError("unsupported_media_type", "Send a .csv or .xlsx file");
  const rows = format === "xlsx" ? await readXlsxRows(data, MAX_ROWS + 1) : readCsvRows(decodeText(data), MAX_ROWS + 1);
  if (rows.length === 0) {
    throw new AppError("bad_request", `The file has no header row: the first row must name the columns (${COLUMNS[kind].join(", ")})`);
  }
  // A title or notes may sit above the header: take the first top row that names every required column.
  const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => mapHeader(kind, r).problems.length === 0);
  const headerAt = Math.max(at, 0);
  const { index, labels, problems } = mapHeader(kind, rows[headerAt] as TabularRow);
  if (problems.length > 0) return { format, labels, records: [], problems };
  const body = rows.slice(headerAt + 1);
  if (body.length > MAX_ROWS) {
    const extra = body[MAX_ROWS] as TabularRow;
    problems.push({ row: extra.row, column: "", message: `too many rows: at most ${MAX_ROWS.toLocaleString("en-US")} per file` });
    return { format, labels, records: [], problems };
  }
  const columns = [...index];
  const records = body.map((r): SheetRecord => {
    const cells: Record<string, string | undefined> = {};
    for (const [column, i] of columns) cells[column] = cellValue(r.cells[i] ?? "", format);
    return { row: r.row, cells };
  });
  if (records.length === 0) problems.push({ row: (rows[headerAt] as TabularRow).row, column: "", message: "the file has no data rows" });
  return { format, labels, records, problems };
}
