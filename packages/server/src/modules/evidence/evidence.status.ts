import type { EvidenceStatus } from "./evidence.schema.ts";

/** Today's date as YYYY-MM-DD (UTC, as the server keeps every calendar date). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Expiry status of a piece of evidence on `today` (YYYY-MM-DD):
 * `no-expiry` without an expiry date; `expired` once the expiry date has passed; `expiring` from
 * `remindDays` days before the expiry date up to and including that date; `valid` before that.
 */
export function evidenceStatus(options: { expiresOn: string | null; remindDays: number; today: string }): EvidenceStatus {
  const { expiresOn, remindDays, today } = options;
  if (expiresOn === null) return "no-expiry";
  if (expiresOn < today) return "expired";
  if (addDays(expiresOn, -remindDays) <= today) return "expiring";
  return "valid";
}
