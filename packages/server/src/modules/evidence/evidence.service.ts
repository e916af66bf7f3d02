import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { type Actor, appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import type { ReceivedUpload } from "../../http/upload.ts";
import { checkDateOrder, knownCriterionIds, parseUploadFields, requireFile } from "./evidence.input.ts";
import { presentEvidence, presentLinks, presentVersion } from "./evidence.present.ts";
import {
  findEvidenceView,
  findVersionRow,
  listEvidenceRows,
  listLinkRows,
  listVersionRows,
  lockEvidence,
  procedureTitles,
} from "./evidence.repo.ts";
import {
  CreateEvidenceFields,
  type EvidenceDetail,
  type EvidenceVersion,
  type EvidenceView,
  type ListEvidenceQueryInput,
  NewVersionFields,
} from "./evidence.schema.ts";
import { todayIso } from "./evidence.status.ts";
import { commitEvidenceFile, openEvidenceFile } from "./evidence.store.ts";
import { sniffEvidenceFile } from "./evidence.types.ts";

// The helpers other modules call, importable from here (their home files keep the imports acyclic).
export { type LinkedEvidence, listEvidenceForTargets } from "./evidence.repo.ts";
export { evidenceStatus } from "./evidence.status.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** The current view of one piece of evidence inside a transaction (it must exist). */
export async function readEvidenceView(tx: Tx, tenantId: string, id: string): Promise<EvidenceView> {
  const row = await findEvidenceView(tx, tenantId, id);
  if (!row) throw notFound("Evidence");
  return presentEvidence(row, todayIso());
}

/** What a new piece of evidence says about itself (already validated). */
export interface NewEvidence {
  title: string;
  description?: string | null;
  category?: string;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  remindDays?: number;
  /** Canonical MSC criterion IDs to link. */
  criterionIds: string[];
}

/** The facts of a received, sniffed file (its bytes wait in a temporary file until the commit). */
export interface FileFacts {
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
}

/**
 * Insert a piece of evidence with version 1 and its criterion links, and audit it (evidence.create), in the
 * caller's transaction. The file itself is placed by commitEvidenceFile after the commit.
 */
export async function insertEvidence(
  tx: Tx,
  options: { tenantId: string; actor: Actor; requestId: string | null; input: NewEvidence; file: FileFacts },
): Promise<EvidenceView> {
  const { tenantId, actor, input, file } = options;
  const id = randomUUID();
  await tx
    .insertInto("evidence_items")
    .values({
      id,
      tenant_id: tenantId,
      title: input.title,
      description: input.description ?? null,
      category: input.category ?? "document",
      current_version: 1,
      effective_on: input.effectiveOn ?? null,
      expires_on: input.expiresOn ?? null,
      remind_days: input.remindDays ?? 30,
      created_by: actor.id,
    })
    .execute();
  await tx
    .insertInto("evidence_versions")
    .values({
      id: randomUUID(),
      tenant_id: tenantId,
      evidence_id: id,
      version: 1,
      sha256: file.sha256,
      size_bytes: file.size,
      media_type: file.mediaType,
      filename: file.filename,
      note: null,
      uploaded_by: actor.id,
    })
    .execute();
  if (input.criterionIds.length > 0) {
    await tx
      .insertInto("evidence_links")
      .values(
        input.criterionIds.map((criterionId) => ({
          tenant_id: tenantId,
          evidence_id: id,
          target_type: "criterion",
          target_id: criterionId,
          created_by: actor.id,
        })),
      )
      .execute();
  }
  const view = await readEvidenceView(tx, tenantId, id);
  await appendAuditEvent(tx, {
    tenantId,
    actor,
    action: "evidence.create",
    entityType: "evidence",
    entityId: id,
    after: { ...view, criterionIds: input.criterionIds },
    requestId: options.requestId,
  });
  return view;
}

/** POST /api/evidence: store an uploaded file as a new piece of evidence. The upload is always cleaned up. */
export async function createEvidence(options: { ctx: TenantCtx; upload: ReceivedUpload; evidenceDir: string }): Promise<EvidenceView> {
  const { ctx, upload } = options;
  try {
    const input = parseUploadFields(CreateEvidenceFields, upload.fields);
    const file = requireFile(upload);
    const criterionIds = knownCriterionIds(input.criterionIds ?? [], "criterionIds");
    checkDateOrder(input.effectiveOn, input.expiresOn);
    const sniffed = await sniffEvidenceFile({ path: file.tmpPath, filename: file.filename, declaredType: file.declaredType });
    const facts: FileFacts = { sha256: file.sha256, size: file.size, mediaType: sniffed.mediaType, filename: file.filename };
    return await commitEvidenceFile({
      evidenceDir: options.evidenceDir,
      tenantId: ctx.tenantId,
      file,
      transaction: () =>
        withScope(ctx.db, scopeOf(ctx), (tx) =>
          insertEvidence(tx, {
            tenantId: ctx.tenantId,
            actor: ctx.actor,
            requestId: ctx.requestId,
            input: { ...input, criterionIds },
            file: facts,
          }),
        ),
    });
  } finally {
    await upload.discard();
  }
}

/** POST /api/evidence/{id}/versions: a new current version of an existing piece of evidence. */
export async function addEvidenceVersion(options: {
  ctx: TenantCtx;
  id: string;
  upload: ReceivedUpload;
  evidenceDir: string;
}): Promise<EvidenceView> {
  const { ctx, id, upload } = options;
  try {
    if (!isUuid(id)) throw notFound("Evidence");
    const input = parseUploadFields(NewVersionFields, upload.fields);
    const file = requireFile(upload);
    const sniffed = await sniffEvidenceFile({ path: file.tmpPath, filename: file.filename, declaredType: file.declaredType });
    return await commitEvidenceFile({
      evidenceDir: options.evidenceDir,
      tenantId: ctx.tenantId,
      file,
      transaction: () =>
        withScope(ctx.db, scopeOf(ctx), async (tx) => {
          const item = await lockEvidence(tx, ctx.tenantId, id);
          if (!item) throw notFound("Evidence");
          if (item.archived_at) throw new AppError("rule_violation", "This evidence is archived; restore it before adding a version");
          const before = await readEvidenceView(tx, ctx.tenantId, id);
          const version = item.current_version + 1;
          await tx
            .insertInto("evidence_versions")
            .values({
              id: randomUUID(),
              tenant_id: ctx.tenantId,
              evidence_id: id,
              version,
              sha256: file.sha256,
              size_bytes: file.size,
              media_type: sniffed.mediaType,
              filename: file.filename,
              note: input.note ?? null,
              uploaded_by: ctx.actor.id,
            })
            .execute();
          await tx
            .updateTable("evidence_items")
            .set({ current_version: version, updated_at: new Date() })
            .where("tenant_id", "=", ctx.tenantId)
            .where("id", "=", id)
            .execute();
          const after = await readEvidenceView(tx, ctx.tenantId, id);
          await appendAuditEvent(tx, {
            tenantId: ctx.tenantId,
            actor: ctx.actor,
            action: "evidence.version",
            entityType: "evidence",
            entityId: id,
            before,
            after,
            requestId: ctx.requestId,
          });
          return after;
        }),
    });
  } finally {
    await upload.discard();
  }
}

/** GET /api/evidence/{id}: the view with every version and link; another tenant's evidence is reported as missing. */
export async function getEvidence(options: { ctx: TenantCtx; id: string }): Promise<EvidenceDetail> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Evidence");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const view = await readEvidenceView(tx, ctx.tenantId, id);
    const [versions, links] = await Promise.all([listVersionRows(tx, ctx.tenantId, id), listLinkRows(tx, ctx.tenantId, id)]);
    const titles = await procedureTitles(
      tx,
      ctx.tenantId,
      links.filter((l) => l.target_type === "procedure").map((l) => l.target_id),
    );
    return { ...view, versions: versions.map(presentVersion), links: presentLinks(links, titles) };
  });
}

/** GET /api/evidence: the tenant's evidence, filtered and paged. */
export async function listEvidence(options: { ctx: TenantCtx; query: ListEvidenceQueryInput }) {
  const { ctx, query } = options;
  const today = todayIso();
  const { rows, total } = await withScope(ctx.db, scopeOf(ctx), (tx) => listEvidenceRows(tx, ctx.tenantId, query, today));
  return { items: rows.map((r) => presentEvidence(r, today)), total, limit: query.limit, offset: query.offset };
}

/**
 * GET /api/evidence/{id}/download: one version (the current one by default) and a stream of its bytes.
 * With `headOnly` the file is checked but not read.
 */
export async function openEvidenceDownload(options: {
  ctx: TenantCtx;
  id: string;
  version?: number | undefined;
  evidenceDir: string;
  headOnly?: boolean;
}): Promise<{ version: EvidenceVersion; stream: Readable }> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Evidence");
  const row = await withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const item = await tx
      .selectFrom("evidence_items")
      .select(["current_version"])
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!item) throw notFound("Evidence");
    return findVersionRow(tx, ctx.tenantId, id, options.version ?? item.current_version);
  });
  if (!row) throw notFound("Evidence version");
  const stream = await openEvidenceFile({
    evidenceDir: options.evidenceDir,
    tenantId: ctx.tenantId,
    sha256: row.sha256,
    size: Number(row.size_bytes),
    headOnly: options.headOnly ?? false,
  });
  return { version: presentVersion(row), stream };
}
