import { sql } from "kysely";
import type { EvidenceItemRow } from "../../db/schema-profile.ts";
import type { Tx } from "../../db/tx.ts";
import { isUuid } from "../../http/schemas.ts";
import type { EvidenceStatus, ListEvidenceQueryInput } from "./evidence.schema.ts";
import { evidenceStatus, todayIso } from "./evidence.status.ts";

/** Evidence items with their current version, uploader name and link count: the rows behind EvidenceView. */
function viewQuery(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("evidence_items as e")
    .innerJoin("evidence_versions as v", (j) => j.onRef("v.evidence_id", "=", "e.id").onRef("v.version", "=", "e.current_version"))
    .leftJoin("users as u", "u.id", "v.uploaded_by")
    .where("e.tenant_id", "=", tenantId)
    .select([
      "e.id",
      "e.title",
      "e.description",
      "e.category",
      "e.current_version",
      "e.effective_on",
      "e.expires_on",
      "e.remind_days",
      "e.archived_at",
      "e.created_at",
      "e.updated_at",
      "v.version",
      "v.sha256",
      "v.size_bytes",
      "v.media_type",
      "v.filename",
      "v.note",
      "v.uploaded_at",
      "v.uploaded_by",
      "u.display_name as uploaded_by_name",
      (eb) =>
        eb
          .selectFrom("evidence_links as l")
          .whereRef("l.evidence_id", "=", "e.id")
          .where("l.tenant_id", "=", tenantId)
          .select((sb) => sb.fn.countAll<number>().as("n"))
          .as("link_count"),
    ]);
}

/** One row behind an EvidenceView. */
export type EvidenceViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>["executeTakeFirstOrThrow"]>>;

/** One piece of evidence of the tenant with its current version, or undefined. */
export function findEvidenceView(tx: Tx, tenantId: string, id: string): Promise<EvidenceViewRow | undefined> {
  return viewQuery(tx, tenantId).where("e.id", "=", id).executeTakeFirst();
}

/** Lock one evidence item for a change. */
export function lockEvidence(tx: Tx, tenantId: string, id: string): Promise<EvidenceItemRow | undefined> {
  return tx.selectFrom("evidence_items").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Page through the tenant's evidence, by title, with the list filters of GET /api/evidence. */
export async function listEvidenceRows(
  tx: Tx,
  tenantId: string,
  query: ListEvidenceQueryInput,
  today: string,
): Promise<{ rows: EvidenceViewRow[]; total: number }> {
  let base = viewQuery(tx, tenantId);
  base = query.archived ? base.where("e.archived_at", "is not", null) : base.where("e.archived_at", "is", null);
  if (query.category) base = base.where("e.category", "=", query.category);
  if (query.criterionId) {
    const criterionId = query.criterionId;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("evidence_links as c")
          .select("c.evidence_id")
          .whereRef("c.evidence_id", "=", "e.id")
          .where("c.tenant_id", "=", tenantId)
          .where("c.target_type", "=", "criterion")
          .where("c.target_id", "=", criterionId),
      ),
    );
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    base = base.where((eb) =>
      eb.or([eb("e.title", "ilike", pattern), eb("e.description", "ilike", pattern), eb("v.filename", "ilike", pattern)]),
    );
  }
  if (query.status) base = base.where(statusCondition(query.status, today));
  const [rows, count] = await Promise.all([
    base.orderBy("e.title").orderBy("e.id").limit(query.limit).offset(query.offset).execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The SQL twin of evidenceStatus(): the same four cases over expires_on and remind_days. */
function statusCondition(status: EvidenceStatus, today: string) {
  const day = sql`${today}::date`;
  switch (status) {
    case "no-expiry":
      return sql<boolean>`e.expires_on IS NULL`;
    case "expired":
      return sql<boolean>`e.expires_on < ${day}`;
    case "expiring":
      return sql<boolean>`e.expires_on >= ${day} AND e.expires_on - e.remind_days <= ${day}`;
    case "valid":
      return sql<boolean>`e.expires_on - e.remind_days > ${day}`;
  }
}

/** Every version of one piece of evidence, newest first, with the uploader's name. */
export function listVersionRows(tx: Tx, tenantId: string, evidenceId: string) {
  return versionQuery(tx, tenantId, evidenceId).orderBy("v.version", "desc").execute();
}

/** One version of one piece of evidence, or undefined. */
export function findVersionRow(tx: Tx, tenantId: string, evidenceId: string, version: number) {
  return versionQuery(tx, tenantId, evidenceId).where("v.version", "=", version).executeTakeFirst();
}

function versionQuery(tx: Tx, tenantId: string, evidenceId: string) {
  return tx
    .selectFrom("evidence_versions as v")
    .leftJoin("users as u", "u.id", "v.uploaded_by")
    .where("v.tenant_id", "=", tenantId)
    .where("v.evidence_id", "=", evidenceId)
    .select([
      "v.version",
      "v.sha256",
      "v.size_bytes",
      "v.media_type",
      "v.filename",
      "v.note",
      "v.uploaded_at",
      "v.uploaded_by",
      "u.display_name as uploaded_by_name",
    ]);
}

/** The links of one piece of evidence. */
export function listLinkRows(tx: Tx, tenantId: string, evidenceId: string) {
  return tx
    .selectFrom("evidence_links")
    .select(["target_type", "target_id"])
    .where("tenant_id", "=", tenantId)
    .where("evidence_id", "=", evidenceId)
    .orderBy("target_type")
    .orderBy("target_id")
    .execute();
}

/** Titles of the tenant's procedures among `ids` (ids that are not UUIDs are skipped). */
export async function procedureTitles(tx: Tx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .selectFrom("procedures")
    .select(["id", "title"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** What another module shows about one piece of evidence linked to its record. */
export interface LinkedEvidence {
  id: string;
  title: string;
  currentVersion: number;
  sha256: string;
  filename: string;
  expiresOn: string | null;
  status: EvidenceStatus;
}

/**
 * The evidence linked to each of `targetIds` (criterion IDs such as "6.2", or procedure ids), for other modules
 * (Security Profile, procedures, reviews, exports). Archived evidence is left out: it no longer supports anything.
 * Runs in the caller's transaction; every target asked for gets an entry (an empty list when nothing is linked).
 * Items are ordered by title.
 */
export async function listEvidenceForTargets(
  tx: Tx,
  tenantId: string,
  targetType: string,
  targetIds: readonly string[],
): Promise<Map<string, LinkedEvidence[]>> {
  const out = new Map<string, LinkedEvidence[]>(targetIds.map((id) => [id, []]));
  const wanted = [...new Set(targetIds)];
  if (wanted.length === 0) return out;
  const today = todayIso();
  const rows = await viewQuery(tx, tenantId)
    .innerJoin("evidence_links as t", "t.evidence_id", "e.id")
    .where("t.tenant_id", "=", tenantId)
    .where("t.target_type", "=", targetType)
    .where("t.target_id", "in", wanted)
    .where("e.archived_at", "is", null)
    .select("t.target_id")
    .orderBy("e.title")
    .orderBy("e.id")
    .execute();
  for (const r of rows) {
    out.get(r.target_id)?.push({
      id: r.id,
      title: r.title,
      currentVersion: r.current_version,
      sha256: r.sha256,
      filename: r.filename,
      expiresOn: r.expires_on,
      status: evidenceStatus({ expiresOn: r.expires_on, remindDays: r.remind_days, today }),
    });
  }
  return out;
}
