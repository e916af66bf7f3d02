import { compareCriterionIds } from "@portcullis/domain";
import type { ProcedureListRow, VersionWithNames } from "./procedures.repo.ts";
import type { Person, Procedure, ProcedureStatus, Version } from "./procedures.schema.ts";
import { addDaysIso, effectiveInterval, needsYearlyReview } from "./review-interval.ts";

/** A review falling due within this many days counts as due (the list filter and the reminders agree). */
export const REVIEW_DUE_WITHIN_DAYS = 30;

/** A person from an id and a name (null when there is no id). */
export const person = (id: string | null, name: string | null): Person => (id ? { id, displayName: name ?? "" } : null);

/** A timestamp as ISO 8601, or null. */
export const isoTime = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Whitelist a procedure for the API, with review deadlines computed for `today`. */
export function presentProcedure(row: ProcedureListRow, today: string): Procedure {
  const criterionIds = [...(row.criterion_ids ?? [])].sort(compareCriterionIds);
  const pendingStatus = row.latest_status === "draft" || row.latest_status === "in_review" ? row.latest_status : null;
  const status: ProcedureStatus = row.archived_at ? "archived" : (row.latest_status as ProcedureStatus);
  const live = row.archived_at === null;
  const next = row.next_review_on;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status,
    currentVersion: row.approved_version,
    latestVersion: row.latest_version,
    pending: pendingStatus ? { version: row.latest_version, status: pendingStatus } : null,
    criterionIds,
    owner: person(row.owner_user_id, row.owner_name),
    requiresAck: row.requires_ack,
    reviewIntervalMonths: effectiveInterval(row.review_interval_months, criterionIds),
    reviewIntervalDefault: row.review_interval_months === null,
    yearlyReview: needsYearlyReview(criterionIds),
    approvedAt: isoTime(row.approved_at),
    approvedBy: person(row.approved_by, row.approved_by_name),
    nextReviewOn: next,
    reviewDue: live && next !== null && next <= addDaysIso(today, REVIEW_DUE_WITHIN_DAYS),
    reviewOverdue: live && next !== null && next < today,
    archivedAt: isoTime(row.archived_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Whitelist one version of the history. */
export function presentVersion(row: VersionWithNames): Version {
  return {
    version: row.version,
    status: row.status as Version["status"],
    changeNote: row.change_note,
    author: person(row.author_id, row.author_name),
    submittedAt: isoTime(row.submitted_at),
    approvedBy: person(row.approved_by, row.approved_by_name),
    approvedAt: isoTime(row.approved_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
