import { type Language, LOCALE_TAG } from "../i18n";

const DAY_MS = 86_400_000;

/** Parse "YYYY-MM-DD" as a UTC calendar date; null when malformed. */
export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

function todayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The next anniversary on or after today and how many days away it is. A future date counts as is;
 * a past date recurs yearly on the same month and day (29 February falls on 28 February in common
 * years).
 */
export function nextAnniversary(iso: string | null | undefined, now: Date = new Date()): { date: string; days: number } | null {
  const date = parseIsoDate(iso);
  if (!date) return null;
  const today = todayUtc(now);
  const days = (d: Date) => Math.round((d.getTime() - today.getTime()) / DAY_MS);
  if (date >= today) return { date: isoOf(date), days: days(date) };
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  for (let year = today.getUTCFullYear(); year <= today.getUTCFullYear() + 1; year++) {
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const next = new Date(Date.UTC(year, month, Math.min(day, lastDay)));
    if (next >= today) return { date: isoOf(next), days: days(next) };
  }
  return null;
}

/** "12 Mar 2026" style for a YYYY-MM-DD calendar date (no time zone shift). */
export function formatDate(iso: string | null | undefined, lang: Language): string {
  const d = parseIsoDate(iso);
  if (!d) return "";
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

/** Local date and time for an ISO timestamp. */
export function formatDateTime(iso: string | null | undefined, lang: Language): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], { dateStyle: "medium", timeStyle: "short" }).format(d);
}
