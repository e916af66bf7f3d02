/**
 * zod schemas of single cells, and the check of a whole record against a row schema. Every problem is reported with
 * the row the user sees and the column header as they wrote it. An absent column is `undefined` (the import leaves
 * that field alone); an empty cell of a present column is "" (the field is cleared where it may be empty).
 */
import { checkIdentifier } from "@portcullis/domain";
import { z } from "zod";
import type { RowProblem } from "../frameworks/frameworks.import.ts";
import type { SheetRecord } from "./imports.read.ts";
import { countryCodeOf, identifierKindOf } from "./imports.vocab.ts";

// Control characters other than tab/newline: PostgreSQL cannot store NUL and the rest are never meant.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text of at most `max` characters; `required` refuses an empty cell. Tabs and newlines are kept (addresses, names). */
export function textCell(max: number) {
  return z
    .string()
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !CONTROL.test(s), "contains control characters")
    .refine((s) => s.isWellFormed(), "is not well-formed Unicode");
}

/** A required text cell. */
export const requiredText = (max: number) => textCell(max).min(1, "is empty");

/** An optional text cell: absent column → undefined (keep), empty cell → null (clear). */
export const optionalText = (max: number) =>
  textCell(max)
    .optional()
    .transform((s) => (s === undefined ? undefined : s === "" ? null : s));

/** What separates the keys of a list; a key may not contain it. (A comma separates only in a list without these.) */
const KEY_SEPARATORS = /[;\n\r]/;

/** An external key: what rows are matched on. */
export const keyCell = requiredText(100).refine((s) => !KEY_SEPARATORS.test(s), "must not contain ; or line breaks");

/** A required cell holding one word of a vocabulary (synonyms and Spanish accepted). */
export function wordCell<T extends string>(lookup: (word: string) => T | undefined, what: string, allowed: readonly string[]) {
  return z.string().transform((s, ctx) => {
    if (s === "") {
      ctx.addIssue({ code: "custom", message: "is empty" });
      return z.NEVER;
    }
    const found = lookup(s);
    if (found === undefined) {
      ctx.addIssue({ code: "custom", message: `"${s.slice(0, 60)}" is not a ${what} (${allowed.join(", ")})` });
      return z.NEVER;
    }
    return found;
  });
}

/** Like {@link wordCell}, but an empty cell or absent column means "leave as is" (undefined). */
export function optionalWordCell<T extends string>(lookup: (word: string) => T | undefined, what: string, allowed: readonly string[]) {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === "") return undefined;
      const found = lookup(s);
      if (found === undefined) {
        ctx.addIssue({ code: "custom", message: `"${s.slice(0, 60)}" is not a ${what} (${allowed.join(", ")})` });
        return z.NEVER;
      }
      return found;
    });
}

/** A country as an ISO code or an unambiguous English/Spanish name. */
export const countryCell = z.string().transform((s, ctx) => {
  if (s === "") {
    ctx.addIssue({ code: "custom", message: "is empty" });
    return z.NEVER;
  }
  const found = countryCodeOf(s);
  if ("error" in found) {
    ctx.addIssue({ code: "custom", message: found.error });
    return z.NEVER;
  }
  return found.code;
});

/** A list of keys ("A; B" or "A, B"): absent column → undefined (keep), empty → [] (none). */
export const keyListCell = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return undefined;
    const keys = [
      ...new Set(
        // The export writes "A; B"; people also write "A, B". A key may hold a comma, so commas split only
        // a list that has no semicolon.
        s
          .split(KEY_SEPARATORS.test(s) ? KEY_SEPARATORS : ",")
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ];
    const long = keys.find((k) => k.length > 100);
    if (long) {
      ctx.addIssue({ code: "custom", message: `"${long.slice(0, 40)}…" is longer than 100 characters` });
      return z.NEVER;
    }
    return keys;
  });

/** An identifier as stored, with the format warning if any. */
export interface IdentifierValue {
  kind: string;
  value: string;
  warning: string | null;
}

/**
 * "kind:value; kind:value" (also "kind=value", separated by ; | or line breaks). Each goes through `checkIdentifier`:
 * an error fails the row; a warning is kept for the report. Absent column → undefined (keep), empty → [] (none).
 */
export const identifiersCell = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return undefined;
    const out = new Map<string, IdentifierValue>();
    for (const token of s.split(/[;|\n\r]+/)) {
      const item = token.trim();
      if (item === "") continue;
      const at = item.search(/[:=]/);
      const kind = at < 0 ? undefined : identifierKindOf(item.slice(0, at));
      if (!kind) {
        const shown = at < 0 ? item : item.slice(0, at);
        ctx.addIssue({
          code: "custom",
          message:
            at < 0
              ? `"${shown.slice(0, 40)}" should be kind:value (e.g. rfc:ABC010101AB1)`
              : `"${shown.slice(0, 40)}" is not an identifier kind`,
        });
        continue;
      }
      const check = checkIdentifier(kind, item.slice(at + 1));
      if (check.error) {
        ctx.addIssue({
          code: "custom",
          message: `${kind} "${item
            .slice(at + 1)
            .trim()
            .slice(0, 40)}": ${check.error}`,
        });
        continue;
      }
      out.set(`${kind}:${check.normalized}`, { kind, value: check.normalized, warning: check.warning });
    }
    return [...out.values()].sort((a, b) => (a.kind === b.kind ? cmp(a.value, b.value) : cmp(a.kind, b.kind)));
  });

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A decimal number within bounds; "19,43" is read as 19.43 (spreadsheets with a decimal comma). Empty → null. */
export function numberCell(min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      if (s === "") return null;
      const text = /^[+-]?\d+,\d+$/.test(s) ? s.replace(",", ".") : s;
      const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `"${s.slice(0, 30)}" is not a number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
}

/** A whole number within bounds. */
export function integerCell(min: number, max: number) {
  return z.string().transform((s, ctx) => {
    if (!/^\d{1,6}$/.test(s) || Number(s) < min || Number(s) > max) {
      ctx.addIssue({ code: "custom", message: s === "" ? "is empty" : `"${s.slice(0, 30)}" is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return Number(s);
  });
}

/** Where an import's problems go: errors fail the import, warnings are reported. */
export interface Problems {
  errors: RowProblem[];
  warnings: RowProblem[];
}

/** Check one record against a row schema; each issue becomes a problem at the record's row and the column's header. */
export function parseRecord<S extends z.ZodType>(
  schema: S,
  record: SheetRecord,
  labels: Record<string, string>,
  problems: Problems,
): z.output<S> | null {
  const result = schema.safeParse(record.cells);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? "");
    problems.errors.push({ row: record.row, column: labels[column] ?? column, message: issue.message });
  }
  return null;
}
