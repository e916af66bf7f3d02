import { MSC_LIBRARY } from "@portcullis/domain";
import { isoTime, person } from "../procedures/procedures.present.ts";
import type { ReviewRow, TaskRow } from "./reviews.repo.ts";
import type { ReviewDetail, ReviewSummary } from "./reviews.schema.ts";
import { hashSnapshot, type ProfileSnapshot } from "./reviews.snapshot.ts";

const CATEGORY_NAMES = new Map(MSC_LIBRARY.categories.map((c) => [c.id, { en: c.name.en, es: c.name.es }]));

/** The name of an MSC category in both languages. */
export function categoryName(id: number): { en: string; es: string } {
  return CATEGORY_NAMES.get(id) ?? { en: `Category ${id}`, es: `Categoría ${id}` };
}

/** Whitelist a review for the list. */
export function presentSummary(row: ReviewRow): ReviewSummary {
  return {
    id: row.id,
    anniversaryOn: row.anniversary_on,
    opensOn: row.opens_on,
    status: row.status === "signed" ? "signed" : "open",
    version: row.version,
    snapshotHash: row.snapshot_hash?.trim() ?? null,
    signedBy: person(row.signed_by, row.signed_by_name),
    signedAt: isoTime(row.signed_at),
    tasksDone: Number(row.tasks_done),
    tasksTotal: Number(row.tasks_total),
    createdBy: person(row.created_by, row.created_by_name),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Whitelist one task. */
export function presentTask(t: TaskRow): ReviewDetail["tasks"][number] {
  return {
    categoryId: t.category_id,
    name: categoryName(t.category_id),
    owner: person(t.owner_user_id, t.owner_name),
    status: t.status === "done" ? "done" : "open",
    note: t.note,
    completedBy: person(t.completed_by, t.completed_by_name),
    completedAt: isoTime(t.completed_at),
  };
}

/** The signed snapshot in brief, with a fresh check that it still hashes to the stored SHA-256. */
export function presentSnapshot(row: ReviewRow): ReviewDetail["snapshot"] {
  if (row.status !== "signed" || !row.snapshot || !row.snapshot_hash) return null;
  const snap = row.snapshot as ProfileSnapshot;
  const items = Array.isArray(snap.items) ? snap.items : [];
  const counts = { total: items.length, implemented: 0, partial: 0, not_implemented: 0, not_applicable: 0, not_assessed: 0 };
  for (const i of items) {
    if (i.status in counts && i.status !== "total") counts[i.status as keyof typeof counts] += 1;
  }
  return {
    version: Number(snap.version ?? row.version),
    sha256: row.snapshot_hash.trim(),
    hashVerified: hashSnapshot(row.snapshot) === row.snapshot_hash.trim(),
    takenOn: String(snap.takenOn ?? ""),
    items: items.length,
    counts,
    evidenceFiles: items.reduce((n, i) => n + (i.evidence?.length ?? 0), 0),
    procedures: new Set(items.flatMap((i) => (i.procedures ?? []).map((p) => p.code))).size,
  };
}
