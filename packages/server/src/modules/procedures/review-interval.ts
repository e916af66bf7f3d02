import { getCriterion } from "@portcullis/domain";
import { AppError } from "../../errors.ts";

/** Review interval when no criterion asks for yearly review and the procedure sets none. */
export const DEFAULT_INTERVAL_MONTHS = 24;
/** The most a procedure may go unreviewed when one of its criteria needs yearly review (6.1, 4.6, 9.8, 2.3). */
export const YEARLY_INTERVAL_MONTHS = 12;

/** YYYY-MM-DD plus whole months; the 31st of a shorter month falls back to its last day (never spills over). */
export function addMonthsIso(iso: string, months: number): string {
  const [y = 0, m = 1, d = 1] = iso.slice(0, 10).split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus (or minus) whole days. */
export function addDaysIso(iso: string, days: number): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today (UTC) as YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The IDs among `ids` that the MSC library does not know. */
export function unknownCriteria(ids: readonly string[]): string[] {
  return ids.filter((id) => getCriterion(id) === undefined);
}

/** True when any of the criteria must be reviewed every year. */
export function needsYearlyReview(ids: readonly string[]): boolean {
  return ids.some((id) => getCriterion(id)?.yearlyReview === true);
}

/** The interval a procedure actually runs on: its own, else 12 months for yearly criteria, else the default. */
export function effectiveInterval(stored: number | null, criterionIds: readonly string[]): number {
  if (stored !== null) return stored;
  return needsYearlyReview(criterionIds) ? YEARLY_INTERVAL_MONTHS : DEFAULT_INTERVAL_MONTHS;
}

/**
 * Refuse (422, before anything is written) links to criteria the library does not know, and an explicit
 * interval longer than a year when a linked criterion needs yearly review.
 */
export function assertLinksAndInterval(criterionIds: readonly string[], stored: number | null): void {
  const unknown = unknownCriteria(criterionIds);
  if (unknown.length > 0) {
    throw new AppError("rule_violation", `Unknown MSC criteria: ${unknown.join(", ")}`, { criterionIds: unknown });
  }
  if (stored !== null && stored > YEARLY_INTERVAL_MONTHS && needsYearlyReview(criterionIds)) {
    const yearly = criterionIds.filter((id) => getCriterion(id)?.yearlyReview === true);
    throw new AppError("rule_violation", `Criteria ${yearly.join(", ")} need a review at least every ${YEARLY_INTERVAL_MONTHS} months`, {
      reviewIntervalMonths: stored,
      max: YEARLY_INTERVAL_MONTHS,
      yearlyCriteria: yearly,
    });
  }
}

/** When the approved version falls due for review: approval date + interval. */
export function nextReviewOn(approvedAt: Date | string, intervalMonths: number): string {
  const day = typeof approvedAt === "string" ? approvedAt.slice(0, 10) : approvedAt.toISOString().slice(0, 10);
  return addMonthsIso(day, intervalMonths);
}
