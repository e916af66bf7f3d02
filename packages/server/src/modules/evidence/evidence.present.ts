import { compareCriterionIds, getCriterion } from "@portcullis/domain";
import type { EvidenceViewRow } from "./evidence.repo.ts";
import type { EvidenceLink, EvidenceVersion, EvidenceView } from "./evidence.schema.ts";
import { evidenceStatus } from "./evidence.status.ts";

const iso = (d: Date | string) => new Date(d).toISOString();

interface VersionRow {
  version: number;
  sha256: string;
  size_bytes: number;
  media_type: string;
  filename: string;
  note: string | null;
  uploaded_at: Date | string;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
}

/** Whitelist one version row for the API. */
export function presentVersion(row: VersionRow): EvidenceVersion {
  return {
    version: row.version,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    mediaType: row.media_type,
    filename: row.filename,
    uploadedAt: iso(row.uploaded_at),
    uploadedBy: row.uploaded_by ? { id: row.uploaded_by, displayName: row.uploaded_by_name ?? "" } : null,
    note: row.note,
  };
}

/** Whitelist an evidence row (with its current version) for the API; the status is computed for `today`. */
export function presentEvidence(row: EvidenceViewRow, today: string): EvidenceView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    currentVersion: row.current_version,
    effectiveOn: row.effective_on,
    expiresOn: row.expires_on,
    remindDays: row.remind_days,
    status: evidenceStatus({ expiresOn: row.expires_on, remindDays: row.remind_days, today }),
    archivedAt: row.archived_at ? iso(row.archived_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    linkCount: Number(row.link_count ?? 0),
    latest: presentVersion(row),
  };
}

const LABEL_CHARS = 120;

/** Short English label of a criterion: its requirement, cut at a word near 120 characters. */
export function criterionLabel(criterionId: string): string {
  const text = getCriterion(criterionId)?.requirement.en;
  if (!text) return criterionId;
  if (text.length <= LABEL_CHARS) return text;
  const cut = text.slice(0, LABEL_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** Links with their labels: criteria in CBP's order, then procedures by title. */
export function presentLinks(rows: { target_type: string; target_id: string }[], procedureTitles: Map<string, string>): EvidenceLink[] {
  const links = rows.map((r) => ({
    targetType: r.target_type,
    targetId: r.target_id,
    label:
      r.target_type === "criterion"
        ? criterionLabel(r.target_id)
        : r.target_type === "procedure"
          ? (procedureTitles.get(r.target_id) ?? "(procedure no longer available)")
          : r.target_id,
  }));
  return links.sort(
    (a, b) =>
      a.targetType.localeCompare(b.targetType) ||
      (a.targetType === "criterion" ? compareCriterionIds(a.targetId, b.targetId) : a.label.localeCompare(b.label)),
  );
}
