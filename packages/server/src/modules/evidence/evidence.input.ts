import { getCriterion } from "@portcullis/domain";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import type { ReceivedFile, ReceivedUpload } from "../../http/upload.ts";

/** A validation error in the app's usual shape (`details.issues[{ path, message }]`). */
export function invalid(path: (string | number)[], message: string): AppError {
  return new AppError("validation_failed", "The request is not valid", { issues: [{ path: ["body", ...path], message }] });
}

/**
 * Parse the text fields of a multipart upload. An empty field counts as absent: an HTML form sends every
 * input, filled or not.
 */
export function parseUploadFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new AppError("validation_failed", "The request is not valid", {
      issues: result.error.issues.map((i) => ({ path: ["body", ...i.path.map(String)], message: i.message })),
    });
  }
  return result.data;
}

/** The upload's file; refuses a request without one, or with an empty one. */
export function requireFile(upload: ReceivedUpload): ReceivedFile {
  if (!upload.file) throw invalid(["file"], 'Attach the file (field "file")');
  if (upload.file.size === 0) throw invalid(["file"], "The file is empty");
  return upload.file;
}

const CRITERION_ID = /^\d{1,2}\.\d{1,2}$/;

/** The criterion's canonical ID when `id` names a criterion of the MSC library exactly, else null. */
export function knownCriterionId(id: string): string | null {
  return CRITERION_ID.test(id) ? (getCriterion(id)?.id ?? null) : null;
}

/** Canonical, de-duplicated criterion IDs; refuses the request (400) naming any ID the MSC library does not know. */
export function knownCriterionIds(ids: readonly string[], field: string): string[] {
  if (ids.length > 200) throw invalid([field], "Link at most 200 criteria at once");
  const unknown = ids.filter((id) => knownCriterionId(id) === null);
  if (unknown.length > 0) {
    throw new AppError("validation_failed", `Unknown MSC criterion ID: ${unknown.slice(0, 5).join(", ").slice(0, 200)}`, {
      issues: [{ path: ["body", field], message: "must be MSC criterion IDs such as 6.2" }],
      unknown: unknown.slice(0, 20).map((id) => id.slice(0, 20)),
    });
  }
  return [...new Set(ids.map((id) => knownCriterionId(id) as string))];
}

/** Refuses an expiry date before the effective date (the database would refuse it less politely). */
export function checkDateOrder(effectiveOn: string | null | undefined, expiresOn: string | null | undefined): void {
  if (effectiveOn && expiresOn && expiresOn < effectiveOn) {
    throw invalid(["expiresOn"], "must be on or after effectiveOn");
  }
}
