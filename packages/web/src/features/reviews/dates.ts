import { parseIsoDate } from "../../lib/dates";

/** Whole days from today (local calendar) to a YYYY-MM-DD date; negative when past, null when missing. */
export function daysUntil(iso: string | null | undefined, now: Date = new Date()): number | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((d.getTime() - today) / 86_400_000);
}
