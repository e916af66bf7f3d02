import { ENTITY_TYPES, ROLES } from "@portcullis/domain";
import { text } from "@portcullis/server/http/schemas.ts";
import type { Command } from "commander";
import { z } from "zod";
import { EXIT } from "./errors.ts";

/** An e-mail address, normalised the way the API stores it (trimmed, lower case). */
export const EmailArg = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "not a valid e-mail address" }).max(320));

/** A new account's password: the same rule as the API (12+ characters). */
export const PasswordArg = z.string().min(12, "must be at least 12 characters").max(1000, "must be at most 1000 characters");

/** `--entity-type`, repeatable and/or comma-separated; duplicates are dropped. */
export const EntityTypesArg = z
  .array(z.string())
  .transform((values) =>
    values
      .flatMap((v) => v.split(","))
      .map((v) => v.trim().toLowerCase())
      .filter((v) => v !== ""),
  )
  .pipe(
    z
      .array(
        z.enum(ENTITY_TYPES, {
          error: (iss) => `unknown entity type "${String(iss.input)}" (expected one of: ${ENTITY_TYPES.join(", ")})`,
        }),
      )
      .min(1, "give at least one entity type"),
  )
  .transform((types) => [...new Set(types)]);

/** `--role`. */
export const RoleArg = z.enum(ROLES, { error: (iss) => `unknown role "${String(iss.input)}" (expected one of: ${ROLES.join(", ")})` });

/** A one-line name (no control characters, trimmed); re-exported so commands share the API's rule. */
export { text };

/** `--tenant`: a tenant id or a company's exact legal name. */
export const TenantRefArg = text(300);

/** A whole number of days, 1 to 3650 (commander hands over strings). */
export const DaysArg = z
  .string()
  .regex(/^\d+$/, "must be a whole number of days")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be at least 1 day").max(3650, "must be at most 3650 days"));

/** A file path given on the command line. */
export const PathArg = z.string().trim().min(1, "must not be empty");

/** Every command's `--data-dir`. */
export const DataDirArg = PathArg.optional();

/** `--flag`: commander gives true or undefined. */
export const FlagArg = z.boolean().default(false);

/** The option name an issue refers to, as typed: `adminEmail` → `--admin-email`. */
export function flagName(path: readonly PropertyKey[]): string {
  const key = String(path[0] ?? "");
  return key ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : "arguments";
}

/** One line describing the first problem, e.g. `--admin-email: not a valid e-mail address`. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) {
    return "invalid arguments";
  }
  const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
  return `${flagName(issue.path)}: ${message}`;
}

/**
 * Validate a command's options with zod. On failure the command prints one line (with a help hint) and
 * the CLI exits 2, before anything touches the database.
 */
export function parseArgs<S extends z.ZodType>(options: { schema: S; raw: unknown; command: Command }): z.output<S> {
  const result = options.schema.safeParse(options.raw);
  if (!result.success) {
    return options.command.error(`error: ${describeIssues(result.error)}`, { exitCode: EXIT.usage, code: "portcullis.usage" });
  }
  return result.data;
}
