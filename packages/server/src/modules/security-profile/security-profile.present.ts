import { type CombinedCriterion, MSC_LIBRARY } from "@portcullis/domain";
import type { ItemRow } from "./security-profile.repo.ts";
import type { NaStatus, Person, ProfileFilter, ProfileItemView, ProfileStatus } from "./security-profile.schema.ts";

const FOCUS_OF_CATEGORY = new Map(MSC_LIBRARY.categories.map((c) => [c.id, c.focusAreaId]));

/** A date or Date as YYYY-MM-DD (UTC). */
export function isoDay(date: string | Date): string {
  return typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/**
 * One year after the last review. A review on 29 February falls due on 28 February: the due date must never
 * slip into March, which would give a leap-year review an extra day.
 */
export function reviewDueOf(lastReviewedOn: string | null): string | null {
  if (!lastReviewedOn) return null;
  const [y = 0, m = 1, d = 1] = lastReviewedOn.split("-").map(Number);
  const due = new Date(Date.UTC(y + 1, m - 1, d));
  if (due.getUTCMonth() !== m - 1) due.setUTCDate(0);
  return isoDay(due);
}

/** Only a Must needs approval to be "not applicable"; a recorded approval stays visible whatever the level. */
export function naStatusOf(level: "must" | "should", status: ProfileStatus, approvedAt: unknown): NaStatus {
  if (status !== "not_applicable") return "none";
  if (approvedAt) return "approved";
  return level === "must" ? "pending" : "none";
}

const person = (id: string | null, name: string | null): Person => (id ? { id, displayName: name ?? "" } : null);
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Merge a library criterion (as it applies to the company) with its saved row, if any. */
export function presentItem(combined: CombinedCriterion, row: ItemRow | undefined, today: string): ProfileItemView {
  const c = combined.criterion;
  const status = (row?.status ?? "not_assessed") as ProfileStatus;
  const lastReviewedOn = row?.last_reviewed_on ?? null;
  const reviewDueOn = reviewDueOf(lastReviewedOn);
  return {
    criterionId: c.id,
    categoryId: c.categoryId,
    focusAreaId: FOCUS_OF_CATEGORY.get(c.categoryId) ?? "corporate-security",
    level: combined.level,
    certainty: combined.certainty,
    appliesTo: [...combined.appliesTo],
    requirement: { en: c.requirement.en, es: c.requirement.es },
    provenance: c.provenance,
    yearlyReview: c.yearlyReview === true,
    status,
    narrative: row?.narrative ?? null,
    owner: person(row?.owner_user_id ?? null, row?.owner_name ?? null),
    naJustification: row?.na_justification ?? null,
    naStatus: naStatusOf(combined.level, status, row?.na_approved_at ?? null),
    naRequestedBy: person(row?.na_requested_by ?? null, row?.na_requested_name ?? null),
    naApprovedBy: person(row?.na_approved_by ?? null, row?.na_approved_name ?? null),
    naApprovedAt: iso(row?.na_approved_at ?? null),
    lastReviewedOn,
    reviewDueOn,
    reviewOverdue: reviewDueOn ? reviewDueOn < today : status !== "not_assessed",
    evidenceCount: row?.evidence_count ?? 0,
    procedureCount: row?.procedure_count ?? 0,
    updatedAt: iso(row?.status ? (row.updated_at ?? null) : null),
    updatedBy: person(row?.updated_by ?? null, row?.updated_name ?? null),
  };
}

/**
 * The shortcut filters. A Must is "not met" unless implemented or an approved N/A (a pending N/A is not met yet).
 * "No evidence" = claimed implemented or partial with nothing to show for it: the gap a validation finds first.
 */
export function matchesFilter(item: ProfileItemView, filter: ProfileFilter): boolean {
  switch (filter) {
    case "musts-not-met":
      return item.level === "must" && item.status !== "implemented" && !(item.status === "not_applicable" && item.naStatus === "approved");
    case "no-evidence":
      return (item.status === "implemented" || item.status === "partial") && item.evidenceCount === 0;
    case "review-overdue":
      return item.reviewOverdue;
    case "na-pending":
      return item.naStatus === "pending";
  }
}
