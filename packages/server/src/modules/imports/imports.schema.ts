import { z } from "zod";
import { IMPORT_KINDS } from "./imports.vocab.ts";

/** The text fields of POST /api/imports (multipart); empty fields count as absent. */
export const ImportFields = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.enum(["true", "false"]).default("false"),
});

/** Query of GET /api/imports/export. */
export const ExportQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS).default("partners"),
  format: z.enum(["csv", "xlsx"]).default("csv"),
});
export type ExportQueryInput = z.infer<typeof ExportQuery>;

const ProblemSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });

/**
 * What an import did or would do. Counts are per record: a partner or site per row, a lane per group of leg rows.
 * `errors`/`warnings` are capped lists (`totalErrors`/`totalWarnings` count all); `changes` lists the first 50.
 */
export const ImportReportSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  rows: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  errors: z.array(ProblemSchema),
  totalErrors: z.number(),
  warnings: z.array(ProblemSchema),
  totalWarnings: z.number(),
  changes: z.array(z.object({ row: z.number(), action: z.enum(["create", "update"]), key: z.string(), fields: z.array(z.string()) })),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
