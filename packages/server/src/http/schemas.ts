import { z } from "zod";

// Control characters other than tab/newline, and NUL in particular, which PostgreSQL text cannot hold.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A bounded, well-formed string: no control characters, no lone UTF-16 surrogates
 * (PostgreSQL would reject both with a server error), trimmed.
 */
export function text(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), "must not contain control characters")
    .refine((s) => s.isWellFormed(), "must be well-formed Unicode");
}

/** Multi-line variant of {@link text} (allows newlines and tabs). */
export function longText(max: number) {
  return text(max, 0);
}

/** Path id: any short string; the service answers 404 for anything that is not one of ours. */
export const IdParams = z.strictObject({ id: z.string().max(100) });

/** Calendar date YYYY-MM-DD. Year 0000 passes the ISO pattern but does not exist (PostgreSQL refuses it). */
export const DateString = z.iso.date().refine((s) => !s.startsWith("0000"), "must be a real date (year 0001 or later)");

/** Standard list paging in the query string. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Query booleans arrive as strings. */
export const QueryBool = z.enum(["true", "false"]).transform((v) => v === "true");

/** The error body every failure returns. */
export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID string (ids we issue). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
