import { addDaysIso } from "../procedures/review-interval.ts";

/** How many days before the anniversary the annual review opens. */
export const REVIEW_WINDOW_DAYS = 90;

/** Where the company stands in its yearly cycle on `today`. */
export interface ReviewWindow {
  anniversaryDate: string | null;
  /** The next occurrence of the anniversary's month and day, on or after today. */
  nextAnniversary: string | null;
  windowOpensOn: string | null;
  windowOpen: boolean;
}

function occurrence(year: number, month: number, day: number): string {
  // 29 February falls on the 28th in common years rather than slipping into March.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/** The next anniversary (month and day of `anniversaryDate`, recurring yearly) on or after `today`. */
export function nextAnniversary(anniversaryDate: string, today: string): string {
  const [, month = 1, day = 1] = anniversaryDate.slice(0, 10).split("-").map(Number);
  const year = Number(today.slice(0, 4));
  const thisYear = occurrence(year, month, day);
  return thisYear >= today.slice(0, 10) ? thisYear : occurrence(year + 1, month, day);
}

/** The review window for the next anniversary: it opens {@link REVIEW_WINDOW_DAYS} days before. */
export function reviewWindow(anniversaryDate: string | null, today: string): ReviewWindow {
  if (!anniversaryDate) return { anniversaryDate: null, nextAnniversary: null, windowOpensOn: null, windowOpen: false };
  const next = nextAnniversary(anniversaryDate, today);
  const opens = addDaysIso(next, -REVIEW_WINDOW_DAYS);
  return { anniversaryDate, nextAnniversary: next, windowOpensOn: opens, windowOpen: opens <= today };
}
