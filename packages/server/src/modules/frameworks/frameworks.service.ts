import fs from "node:fs";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import type { ReceivedUpload } from "../../http/upload.ts";
import { buildProfileItems, todayIso } from "../security-profile/security-profile.service.ts";
import { buildCoverage } from "./frameworks.coverage.ts";
import { type ImportedFramework, parseFrameworkFile, type RowProblem } from "./frameworks.import.ts";
import { controlStatus, presentControls, presentFramework } from "./frameworks.present.ts";
import {
  archiveFrameworkRow,
  findByNameVersion,
  findFramework,
  insertFramework,
  listControlRows,
  listFrameworkRows,
  listMappingRows,
  lockControl,
  lockFramework,
  setControlStatus,
} from "./frameworks.repo.ts";
import {
  type AssessControlInput,
  type Control,
  type Coverage,
  type Framework,
  type FrameworkDetail,
  ImportFields,
  type ImportPreview,
  type ListFrameworksQueryInput,
} from "./frameworks.schema.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** Every bad row of an import, as one 422 `import_invalid` error (the list is capped; `total` counts all). */
export function importRowsError(errors: RowProblem[], total: number): AppError {
  return new AppError("import_invalid", `The file has ${total} problem${total === 1 ? "" : "s"}; nothing was imported`, {
    errors,
    total,
    truncated: total > errors.length,
  });
}

const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";

const conflict = (name: string, version: string) =>
  new AppError(
    "conflict",
    `A framework named "${name}"${version ? ` version "${version}"` : ""} already exists; import it under another name or version`,
  );

/** A tabular file names no framework: use its file name without the extension. */
function nameFromFilename(filename: string): string {
  const base = filename.replace(/\.[a-z0-9]{1,8}$/i, "").trim();
  return (base || "Imported framework").slice(0, 200);
}

/**
 * POST /api/frameworks/import. Reads the uploaded file, validates every row, and either previews it (dry run,
 * nothing written) or saves the framework, its controls and mappings and one audit event in ONE transaction.
 * Any row problem → 422 and nothing saved; same name and version as an existing framework → 409.
 */
export async function importFramework(options: {
  ctx: TenantCtx;
  upload: ReceivedUpload;
}): Promise<{ dryRun: true; preview: ImportPreview } | { dryRun: false; framework: Framework }> {
  const { ctx, upload } = options;
  const nonEmpty = Object.fromEntries(Object.entries(upload.fields).filter(([, v]) => v.trim() !== ""));
  const fields = ImportFields.safeParse(nonEmpty);
  if (!fields.success) {
    throw new AppError("validation_failed", "The form fields are not valid", {
      issues: fields.error.issues.map((i) => ({ path: ["body", ...i.path.map(String)], message: i.message })),
    });
  }
  if (!upload.file)
    throw new AppError("validation_failed", 'Send the framework file in the "file" field', {
      issues: [{ path: ["body", "file"], message: "required" }],
    });
  const data = await fs.promises.readFile(upload.file.tmpPath);
  const { framework, errors, totalErrors } = await parseFrameworkFile({
    data,
    filename: upload.file.filename,
    contentType: upload.file.declaredType,
  });
  if (totalErrors > 0) throw importRowsError(errors, totalErrors);
  const name = fields.data.name ?? framework.name ?? nameFromFilename(upload.file.filename);
  const version = fields.data.version ?? framework.version ?? "";
  const mappings = framework.controls.reduce((n, c) => n + c.mappings.length, 0);

  if (fields.data.dryRun === "true") {
    const taken = await withScope(ctx.db, scopeOf(ctx), (tx) => findByNameVersion(tx, ctx.tenantId, name, version));
    if (taken) throw conflict(name, version);
    return { dryRun: true, preview: previewOf(framework, name, version, mappings) };
  }
  const sourceFilename = upload.file.filename;
  try {
    const saved = await withScope(ctx.db, scopeOf(ctx), async (tx) => {
      if (await findByNameVersion(tx, ctx.tenantId, name, version)) throw conflict(name, version);
      const id = await insertFramework(tx, {
        tenantId: ctx.tenantId,
        userId: ctx.userId,
        name,
        version,
        description: framework.description,
        sourceFilename,
        controls: framework.controls,
      });
      const view = await readFramework(tx, ctx.tenantId, id);
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "framework.import",
        entityType: "framework",
        entityId: id,
        after: { name, version, format: framework.format, sourceFilename, controls: framework.controls.length, mappings },
        requestId: ctx.requestId,
      });
      return view;
    });
    return { dryRun: false, framework: saved };
  } catch (err) {
    // Two imports of the same name and version racing: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(err)) throw conflict(name, version);
    throw err;
  }
}

function previewOf(framework: ImportedFramework, name: string, version: string, mappings: number): ImportPreview {
  return {
    name,
    version,
    description: framework.description,
    format: framework.format,
    controls: framework.controls.length,
    mappings,
    errors: [],
    sample: framework.controls.slice(0, 10),
  };
}

async function readFramework(tx: Tx, tenantId: string, id: string): Promise<Framework> {
  const row = await findFramework(tx, tenantId, id);
  if (!row) throw notFound("Framework");
  return presentFramework(row);
}

async function readControls(tx: Tx, tenantId: string, id: string): Promise<Control[]> {
  const [controls, mappings] = await Promise.all([listControlRows(tx, tenantId, id), listMappingRows(tx, tenantId, id)]);
  return presentControls(controls, mappings).map(({ id: _id, ...c }) => c);
}

/** GET /api/frameworks. */
export async function listFrameworks(options: { ctx: TenantCtx; query: ListFrameworksQueryInput }) {
  const { ctx, query } = options;
  const { rows, total } = await withScope(ctx.db, scopeOf(ctx), (tx) => listFrameworkRows(tx, ctx.tenantId, query));
  return { items: rows.map(presentFramework), total, limit: query.limit, offset: query.offset };
}

/** GET /api/frameworks/{id}: the framework with its controls and mappings; another tenant's reads as missing. */
export async function getFramework(options: { ctx: TenantCtx; id: string }): Promise<FrameworkDetail> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Framework");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => ({
    ...(await readFramework(tx, ctx.tenantId, id)),
    controls: await readControls(tx, ctx.tenantId, id),
  }));
}

/** PATCH /api/frameworks/{id}/controls: record the company's own status of one control (audited). */
export async function assessControl(options: { ctx: TenantCtx; id: string; input: AssessControlInput }): Promise<Control> {
  const { ctx, id, input } = options;
  if (!isUuid(id)) throw notFound("Framework");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const framework = await lockFramework(tx, ctx.tenantId, id);
    if (!framework) throw notFound("Framework");
    if (framework.archived_at) throw new AppError("rule_violation", "The framework is archived; its controls can no longer be assessed");
    const control = await lockControl(tx, ctx.tenantId, id, input.ref);
    if (!control) throw notFound("Control");
    await setControlStatus(tx, ctx.tenantId, control.id, input.status);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "framework.control.assess",
      entityType: "framework",
      entityId: id,
      before: { ref: control.ref, status: controlStatus(control.status) },
      after: { ref: control.ref, status: input.status },
      requestId: ctx.requestId,
    });
    const controls = await readControls(tx, ctx.tenantId, id);
    const updated = controls.find((c) => c.ref === control.ref);
    if (!updated) throw notFound("Control");
    return updated;
  });
}

/** POST /api/frameworks/{id}/archive: hide it from the list; its name and version stay taken. */
export async function archiveFramework(options: { ctx: TenantCtx; id: string }): Promise<Framework> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Framework");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await lockFramework(tx, ctx.tenantId, id);
    if (!current) throw notFound("Framework");
    const before = await readFramework(tx, ctx.tenantId, id);
    if (current.archived_at) return before;
    await archiveFrameworkRow(tx, ctx.tenantId, id, new Date());
    const after = await readFramework(tx, ctx.tenantId, id);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "framework.archive",
      entityType: "framework",
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** GET /api/frameworks/{id}/coverage: draft statuses from the Security Profile, read in the same transaction. */
export async function getCoverage(options: { ctx: TenantCtx; id: string }): Promise<Coverage> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Framework");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const framework = await readFramework(tx, ctx.tenantId, id);
    const controls = await readControls(tx, ctx.tenantId, id);
    const profile = await buildProfileItems({ tx, tenantId: ctx.tenantId, today: todayIso() });
    return buildCoverage({ framework: { id, name: framework.name, version: framework.version }, controls, profile: profile.items });
  });
}
