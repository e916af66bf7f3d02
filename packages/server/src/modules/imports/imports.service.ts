import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import type { ReceivedUpload } from "../../http/upload.ts";
import type { RowProblem } from "../frameworks/frameworks.import.ts";
import type { Problems } from "./imports.cells.ts";
import { planLanes } from "./imports.lanes.ts";
import type { Plan } from "./imports.model.ts";
import { NodeResolver } from "./imports.nodes.ts";
import { planPartners } from "./imports.partners.ts";
import { readSheet, type Sheet } from "./imports.read.ts";
import { loadIdentifiers, loadLanes, loadOwnSites, loadPartnerSites, loadPartners, loadRelations, lockImports } from "./imports.repo.ts";
import { ImportFields, type ImportReport } from "./imports.schema.ts";
import { planSites } from "./imports.sites.ts";
import type { ImportKind } from "./imports.vocab.ts";
import {
  changeRelations,
  insertPartners,
  insertStatusHistory,
  raceAsConflict,
  replaceIdentifiers,
  updatePartners,
  writeLanes,
  writeSites,
} from "./imports.write.ts";

/** Problems listed in one answer (the totals count all): a 20 MB file of junk would otherwise answer megabytes. */
export const MAX_LISTED_PROBLEMS = 1000;
/** Changes listed in one answer. */
export const MAX_LISTED_CHANGES = 50;

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

const byRow = (a: RowProblem, b: RowProblem) => a.row - b.row;

function buildReport(kind: ImportKind, dryRun: boolean, rows: number, problems: Problems, plan?: Plan<unknown>): ImportReport {
  const errors = problems.errors.sort(byRow);
  const warnings = problems.warnings.sort(byRow);
  return {
    kind,
    dryRun,
    rows,
    create: plan?.create ?? 0,
    update: plan?.update ?? 0,
    unchanged: plan?.unchanged ?? 0,
    errors: errors.slice(0, MAX_LISTED_PROBLEMS),
    totalErrors: errors.length,
    warnings: warnings.slice(0, MAX_LISTED_PROBLEMS),
    totalWarnings: warnings.length,
    changes: (plan?.changes ?? []).slice(0, MAX_LISTED_CHANGES),
  };
}

/** The one 422 of a file with bad rows: the report rides in `details` (with `total`, as the framework import has it). */
function invalid(report: ImportReport): AppError {
  const n = report.totalErrors;
  return new AppError("import_invalid", `The file has ${n} problem${n === 1 ? "" : "s"}; nothing was imported`, {
    ...report,
    total: n,
    truncated: n > report.errors.length,
  });
}

type Planned =
  | { kind: "partners"; plan: ReturnType<typeof planPartners> }
  | { kind: "sites"; plan: ReturnType<typeof planSites> }
  | { kind: "lanes"; plan: ReturnType<typeof planLanes> };

async function plan(tx: Tx, tenantId: string, kind: ImportKind, sheet: Sheet, problems: Problems, canApprove: boolean): Promise<Planned> {
  const base = { records: sheet.records, labels: sheet.labels, problems };
  if (kind === "partners") {
    const [partners, identifiers, relations] = [
      await loadPartners(tx, tenantId),
      await loadIdentifiers(tx, tenantId),
      await loadRelations(tx, tenantId),
    ];
    return { kind, plan: planPartners({ ...base, db: { partners, identifiers, relations }, canApprove }) };
  }
  const partners = await loadPartners(tx, tenantId);
  const partnerSites = await loadPartnerSites(tx, tenantId);
  if (kind === "sites") return { kind, plan: planSites({ ...base, db: { partners, sites: partnerSites } }) };
  const nodes = new NodeResolver({ ownSites: await loadOwnSites(tx, tenantId), partnerSites });
  return { kind, plan: planLanes({ ...base, db: { lanes: await loadLanes(tx, tenantId), partners }, nodes }) };
}

/** Apply a plan; returns the extra counts the audit event records. */
async function apply(tx: Tx, ctx: TenantCtx, planned: Planned): Promise<Record<string, number>> {
  const t = ctx.tenantId;
  if (planned.kind === "partners") {
    const w = planned.plan.write;
    await insertPartners(tx, t, w.inserts);
    await updatePartners(tx, t, w.updates);
    await insertStatusHistory(tx, t, ctx.userId, w.history);
    await replaceIdentifiers(tx, t, w.identifierOwners, w.identifiers);
    await changeRelations(tx, t, w.removeRelations, w.addRelations);
    return {
      statusChanges: w.history.length,
      identifiersWritten: w.identifiers.length,
      relationsAdded: w.addRelations.length,
      relationsRemoved: w.removeRelations.length,
    };
  }
  if (planned.kind === "sites") {
    await writeSites(tx, t, planned.plan.write.inserts, planned.plan.write.updates);
    return {};
  }
  await writeLanes(tx, t, planned.plan.write);
  return { legsWritten: planned.plan.write.filter((l) => l.replaceLegs).reduce((n, l) => n + l.legs.length, 0) };
}

/**
 * POST /api/imports. Reads a CSV or XLSX file of partners, partner sites or lanes, checks every row, and plans the
 * upsert by key against the company's records. A dry run answers the plan; a commit applies it in ONE transaction with
 * ONE audit event (`import.<kind>` with the counts). Any bad row → 422 `import_invalid` with the report, nothing saved.
 * A file that changes nothing writes nothing, not even an audit event. `canApprove`: the caller may set approver-only
 * partner statuses.
 */
export async function importFile(options: { ctx: TenantCtx; upload: ReceivedUpload; canApprove: boolean }): Promise<ImportReport> {
  const { ctx, upload, canApprove } = options;
  const nonEmpty = Object.fromEntries(Object.entries(upload.fields).filter(([, v]) => v.trim() !== ""));
  const fields = ImportFields.safeParse(nonEmpty);
  if (!fields.success) {
    throw new AppError("validation_failed", "The form fields are not valid", {
      issues: fields.error.issues.map((i) => ({ path: ["body", ...i.path.map(String)], message: i.message })),
    });
  }
  if (!upload.file) {
    throw new AppError("validation_failed", 'Send the file in the "file" field', {
      issues: [{ path: ["body", "file"], message: "required" }],
    });
  }
  const { kind } = fields.data;
  const dryRun = fields.data.dryRun === "true";
  const file = upload.file;
  const data = await fs.promises.readFile(file.tmpPath);
  const sheet = await readSheet({ kind, data, filename: file.filename, contentType: file.declaredType });
  const problems: Problems = { errors: [...sheet.problems], warnings: [] };
  if (problems.errors.length > 0) throw invalid(buildReport(kind, dryRun, sheet.records.length, problems));

  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    if (!dryRun) await lockImports(tx, ctx.tenantId);
    const planned = await plan(tx, ctx.tenantId, kind, sheet, problems, canApprove);
    const report = buildReport(kind, dryRun, sheet.records.length, problems, planned.plan);
    if (report.totalErrors > 0) throw invalid(report);
    if (dryRun || report.create + report.update === 0) return report;
    const extra = await apply(tx, ctx, planned).catch((err: unknown) => {
      throw raceAsConflict(err);
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: `import.${kind}`,
      entityType: "import",
      entityId: randomUUID(),
      after: {
        kind,
        filename: file.filename,
        sha256: file.sha256,
        format: sheet.format,
        rows: report.rows,
        create: report.create,
        update: report.update,
        unchanged: report.unchanged,
        warnings: report.totalWarnings,
        ...extra,
      },
      requestId: ctx.requestId,
    });
    return report;
  });
}
