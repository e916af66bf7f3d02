/** Shared limits and shapes of the framework import (./frameworks.import.ts and its readers). */

/** Most controls one file may hold. */
export const MAX_CONTROLS = 5000;
/** Largest import file accepted. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Problems listed in one answer; the total is reported too (a 5 MB file of junk would otherwise answer megabytes). */
export const MAX_REPORTED_PROBLEMS = 1000;

export type ImportFormat = "csv" | "xlsx" | "yaml";

/** One problem of the file: row = line or spreadsheet row as the user sees it (header = row 1). */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** A value read from the file with where it came from. */
export interface Cell {
  value: string | null;
  row: number;
  column: string;
  /** The reader already reported this value (e.g. a YAML list where text belongs); do not report it again. */
  reported?: true;
}

/** A control as a reader found it, before validation. `msc` is a "6.1=equal; 6.2" list; `mappings` a structured one. */
export interface RawControl {
  row: number;
  ref: Cell;
  title: Cell;
  description: Cell;
  msc?: Cell;
  mappings?: { criterion: Cell; relation: Cell }[];
}

/** What a reader returns: the controls, framework fields found in the file (YAML), and structural problems. */
export interface RawFramework {
  name?: Cell;
  version?: Cell;
  description?: Cell;
  controls: RawControl[];
  problems: RowProblem[];
}

/** Lower case, accents removed, runs of spaces/underscores/dashes/dots as one space: header and keyword matching. */
export function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_.\-:]+/g, " ")
    .trim();
}
