import { useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../api/client";
import { uploadMultipart } from "../evidence/upload";

/** Types and calls of the import/export module (docs/api/partners.md, "Import and export"). */

export const IMPORT_KINDS = ["partners", "sites", "lanes"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each kind, in the order the export writes them (the server's imports.vocab.ts). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  partners: ["key", "name", "legal_name", "type", "country", "address", "website", "risk", "status", "identifiers", "supplier_keys"],
  sites: ["key", "partner_key", "name", "kind", "country", "address", "latitude", "longitude"],
  lanes: ["key", "name", "leg", "from", "to", "mode", "carrier_key"],
};

/** Columns a file of the kind must have. */
export const REQUIRED_COLUMNS: Record<ImportKind, readonly string[]> = {
  partners: ["key", "name", "type", "country"],
  sites: ["key", "partner_key", "name", "kind", "country"],
  lanes: ["key", "name", "leg", "from", "to", "mode"],
};

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportChange {
  row: number;
  action: "create" | "update";
  key: string;
  fields: string[];
}

/** What an import did (or, on a dry run, would do). */
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: ImportProblem[];
  totalErrors: number;
  warnings: ImportProblem[];
  totalWarnings: number;
  changes: ImportChange[];
}

/** Send the file; a file with bad rows answers 422 import_invalid with the report in `details`. */
export function runImport(vars: {
  file: File;
  kind: ImportKind;
  dryRun: boolean;
  onProgress?: (p: number) => void;
}): Promise<ImportReport> {
  return uploadMultipart<ImportReport>({
    path: "/imports",
    fields: { kind: vars.kind, dryRun: vars.dryRun ? "true" : "false" },
    file: vars.file,
    onProgress: vars.onProgress,
  });
}

/** The report carried by a refused import (422 import_invalid), or null for any other error. */
export function reportOf(e: unknown): ImportReport | null {
  if (!(e instanceof ApiError) || e.code !== "import_invalid") return null;
  const d = e.details as Partial<ImportReport> | { report?: Partial<ImportReport> } | null;
  const r = (d && "report" in d ? d.report : d) as Partial<ImportReport> | null;
  if (!r || !Array.isArray(r.errors)) return null;
  return {
    kind: r.kind ?? "partners",
    dryRun: r.dryRun ?? true,
    rows: r.rows ?? 0,
    create: r.create ?? 0,
    update: r.update ?? 0,
    unchanged: r.unchanged ?? 0,
    errors: r.errors,
    totalErrors: r.totalErrors ?? r.errors.length,
    warnings: r.warnings ?? [],
    totalWarnings: r.totalWarnings ?? r.warnings?.length ?? 0,
    changes: r.changes ?? [],
  };
}

/** After a commit everything partner-shaped may have changed. */
export function useInvalidateAfterImport() {
  const qc = useQueryClient();
  return () => {
    for (const key of ["partners", "lanes", "supply-chain", "dashboard", "audit", "screening"])
      void qc.invalidateQueries({ queryKey: [key] });
  };
}
