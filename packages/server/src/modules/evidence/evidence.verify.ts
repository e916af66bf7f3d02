import { appendAuditEvent } from "../../audit/audit.service.ts";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import type { VaultCheck } from "./evidence.schema.ts";
import { checkEvidenceFile } from "./evidence.store.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/**
 * POST /api/evidence/verify: re-read every file the company's evidence versions point at and compare it with
 * the recorded size and SHA-256. Files shared by several versions (same bytes) are read once. The outcome is
 * recorded as an `evidence.verify` audit event, so an auditor can see when the vault was last proven intact.
 */
export async function verifyEvidenceVault(options: {
  ctx: TenantCtx;
  evidenceDir: string;
  /** Called after each file with how many are done out of how many (the CLI draws a bar). */
  onProgress?: (done: number, total: number) => void;
}): Promise<VaultCheck> {
  const { ctx, evidenceDir } = options;
  const rows = await withScope(ctx.db, scopeOf(ctx), (tx) =>
    tx
      .selectFrom("evidence_versions as v")
      .innerJoin("evidence_items as i", (j) => j.onRef("i.tenant_id", "=", "v.tenant_id").onRef("i.id", "=", "v.evidence_id"))
      .select(["v.sha256", "v.size_bytes", "v.evidence_id", "v.version", "v.filename", "i.title"])
      .where("v.tenant_id", "=", ctx.tenantId)
      .orderBy("v.sha256")
      .orderBy("i.title")
      .orderBy("v.version")
      .execute(),
  );
  const files = new Map<string, { size: number; versions: typeof rows }>();
  for (const row of rows) {
    const file = files.get(row.sha256) ?? { size: Number(row.size_bytes), versions: [] };
    file.versions.push(row);
    files.set(row.sha256, file);
  }
  const problems: VaultCheck["problems"] = [];
  let done = 0;
  let bytes = 0;
  for (const [sha256, file] of files) {
    const state = await checkEvidenceFile({ evidenceDir, tenantId: ctx.tenantId, sha256, size: file.size });
    if (state === "ok") bytes += file.size;
    else {
      problems.push({
        sha256,
        state,
        versions: file.versions.map((v) => ({ evidenceId: v.evidence_id, title: v.title, version: v.version, filename: v.filename })),
      });
    }
    done += 1;
    options.onProgress?.(done, files.size);
  }
  const result: VaultCheck = {
    ok: problems.length === 0,
    checkedAt: new Date().toISOString(),
    files: files.size,
    versions: rows.length,
    bytes,
    problems,
  };
  await withScope(ctx.db, scopeOf(ctx), (tx) =>
    appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "evidence.verify",
      entityType: "evidence",
      entityId: null,
      after: {
        ok: result.ok,
        files: result.files,
        versions: result.versions,
        problems: problems.map((p) => ({ sha256: p.sha256, state: p.state })),
      },
      requestId: ctx.requestId,
    }),
  );
  return result;
}
