/** Tables for the exports: one column list and string rows, written as CSV or as an exceljs sheet. */
import type ExcelJS from "exceljs";

/** One column: its key in the rows, header text and width in characters. */
export interface Column {
  key: string;
  header: string;
  width: number;
}

export type Row = Record<string, string>;

// A cell starting with one of these is run as a formula by spreadsheet apps ("CSV injection"): keep it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value safe to open in a spreadsheet: formula-like text gets a leading apostrophe. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const v = spreadsheetSafe(value);
  return /[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends, so Excel opens accents correctly. */
export function toCsv(columns: readonly Column[], rows: readonly Row[]): Buffer {
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key] ?? "")).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

/**
 * Add a sheet holding one table: bold frozen header row, an autofilter over every column, fixed widths and
 * wrapped text. `highlight(row)` may name columns to fill orange (used for uncertain facts). XLSX cells are written as
 * strings, never formulas, so no CSV-style escaping is needed here.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly Row[],
  highlight?: (row: Row) => string[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
  for (const row of rows) {
    const added = sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? ""])));
    added.alignment = { vertical: "top", wrapText: true };
    for (const key of highlight?.(row) ?? []) {
      const cell = added.getCell(key);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFD8A8" } };
      cell.font = { bold: true };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Add a two-column "label: value" sheet (export header, legend). */
export function addInfoSheet(workbook: ExcelJS.Workbook, name: string, pairs: readonly [string, string][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.columns = [
    { key: "label", width: 34 },
    { key: "value", width: 100 },
  ];
  for (const [label, value] of pairs) {
    const row = sheet.addRow({ label, value });
    row.getCell("label").font = { bold: true };
    row.alignment = { vertical: "top", wrapText: true };
  }
  return sheet;
}
