import type { TFunction } from "i18next";
import { isApiError } from "../../api/client";
import { errorMessage } from "../../api/errors";
import { uploadErrorMessage } from "../evidence/upload";

/** The server's refusals a partner can meet, each with a translated explanation. */
const KNOWN_RULES = ["not-open", "not-sent-back", "too-many-files", "unanswered"] as const;

/**
 * A message for the partner. The app's generic texts talk about logging in, which a partner never does: an
 * ended partner session (401) or a questionnaire that is gone (404) both mean "ask for a new link".
 */
export function portalError(t: TFunction, e: unknown, kind: "call" | "upload" = "call"): string {
  if (isApiError(e) && (e.status === 401 || e.status === 404)) return t("portal.sessionEnded");
  if (isApiError(e) && e.code === "rule_violation") {
    const rule = (e.details as { rule?: unknown } | null)?.rule;
    if (typeof rule === "string" && (KNOWN_RULES as readonly string[]).includes(rule)) return t(`portal.rules.${rule}`);
  }
  return kind === "upload" ? uploadErrorMessage(t, e) : errorMessage(t, e);
}
