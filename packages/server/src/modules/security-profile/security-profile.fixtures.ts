import { createHash, randomUUID } from "node:crypto";

/** Owner SQL (bypasses RLS): the harness's `rawQuery` or a pool's query. */
export type RawQuery = (text: string, values?: unknown[]) => Promise<unknown[]>;

/**
 * Insert one evidence item with a version and links to criteria directly (tests and benchmarks: no file is
 * stored, the rows are what the profile reads). Returns the evidence id.
 */
export async function insertEvidenceRows(
  raw: RawQuery,
  input: { tenantId: string; title: string; criterionIds: readonly string[]; expiresOn?: string | null; archived?: boolean },
): Promise<string> {
  const id = randomUUID();
  const sha = createHash("sha256").update(id).digest("hex");
  await raw("INSERT INTO evidence_items (id, tenant_id, title, current_version, expires_on, archived_at) VALUES ($1, $2, $3, 1, $4, $5)", [
    id,
    input.tenantId,
    input.title,
    input.expiresOn ?? null,
    input.archived ? new Date() : null,
  ]);
  await raw(
    "INSERT INTO evidence_versions (id, tenant_id, evidence_id, version, sha256, size_bytes, media_type, filename) VALUES ($1, $2, $3, 1, $4, 1234, 'application/pdf', $5)",
    [randomUUID(), input.tenantId, id, sha, `${input.title}.pdf`],
  );
  for (const criterionId of input.criterionIds) {
    await raw("INSERT INTO evidence_links (tenant_id, evidence_id, target_type, target_id) VALUES ($1, $2, 'criterion', $3)", [
      input.tenantId,
      id,
      criterionId,
    ]);
  }
  return id;
}

/** Insert one procedure with a version in `status` linked to criteria. Returns the procedure id. */
export async function insertProcedureRows(
  raw: RawQuery,
  input: { tenantId: string; code: string; title: string; criterionIds: readonly string[]; status?: string; archived?: boolean },
): Promise<string> {
  const id = randomUUID();
  await raw("INSERT INTO procedures (id, tenant_id, code, title, archived_at) VALUES ($1, $2, $3, $4, $5)", [
    id,
    input.tenantId,
    input.code,
    input.title,
    input.archived ? new Date() : null,
  ]);
  await raw("INSERT INTO procedure_versions (id, tenant_id, procedure_id, version, status, body) VALUES ($1, $2, $3, 1, $4, 'Steps.')", [
    randomUUID(),
    input.tenantId,
    id,
    input.status ?? "approved",
  ]);
  for (const criterionId of input.criterionIds) {
    await raw("INSERT INTO procedure_criteria (tenant_id, procedure_id, criterion_id) VALUES ($1, $2, $3)", [
      input.tenantId,
      id,
      criterionId,
    ]);
  }
  return id;
}
