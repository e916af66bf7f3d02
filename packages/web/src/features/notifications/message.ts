import type { TFunction } from "i18next";
import type { Language } from "../../i18n";
import { formatDate } from "../../lib/dates";
import type { AppNotification } from "./api";

/** Older names of the kinds (from the API contract) mapped onto the ones the server records. */
const ALIASES: Record<string, string> = {
  "profile-review.window-open": "review.window-open",
  "profile-item.review-overdue": "profile.review-overdue",
};

const KNOWN = new Set([
  "evidence.expiring",
  "evidence.expired",
  "procedure.review-due",
  "procedure.review-overdue",
  "review.window-open",
  "profile.review-overdue",
  "certification.expired",
  "certification.reverify-due",
  "partner.rescreen-due",
  "questionnaire.due-soon",
  "questionnaire.overdue",
]);

function str(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

/** A readable sentence for a notification, in the UI language. */
export function notificationMessage(n: AppNotification, t: TFunction, lang: Language): string {
  const kind = ALIASES[n.kind] ?? n.kind;
  const p = n.params ?? {};
  const date = (v: unknown) => formatDate(str(v) || n.dueOn, lang);
  const values = {
    title: str(p.title) || str(p.code) || n.subjectId,
    code: str(p.code),
    criterionId: str(p.criterionId) || n.subjectId,
    expiresOn: date(p.expiresOn),
    nextReviewOn: date(p.nextReviewOn),
    anniversaryOn: date(p.anniversaryOn),
    reviewDueOn: date(p.reviewDueOn),
    partner: str(p.partnerName) || str(p.name),
    program: str(p.programName) || str(p.program),
    validTo: date(p.validTo),
    nextVerificationOn: date(p.nextVerificationOn),
    rescreenDueOn: date(p.rescreenDueOn),
    dueOn: date(p.dueOn),
  };
  if (!KNOWN.has(kind)) return t("notifications.kinds.other", { kind: n.kind });
  // A criterion never reviewed has no due date to quote.
  if (kind === "profile.review-overdue" && !values.reviewDueOn) return t("notifications.kinds.profile_never-reviewed", values);
  return t(`notifications.kinds.${kind.replace(".", "_")}`, values);
}

/** Where the notification's subject lives in the app. */
export function notificationLink(n: AppNotification): string {
  switch (n.subjectType) {
    case "evidence":
      return `/evidence/${encodeURIComponent(n.subjectId)}`;
    case "procedure":
      return `/procedures/${encodeURIComponent(n.subjectId)}`;
    case "criterion":
    case "profile-item":
      return `/profile/${encodeURIComponent(str(n.params?.criterionId) || n.subjectId)}`;
    case "profile-review":
    case "review":
      return "/reviews";
    case "partner":
      return `/partners/${encodeURIComponent(n.subjectId)}`;
    case "partner-certification":
      return str(n.params?.partnerId) ? `/partners/${encodeURIComponent(str(n.params?.partnerId))}` : "/partners";
    case "questionnaire":
      return `/questionnaires/${encodeURIComponent(n.subjectId)}`;
    default:
      return "/";
  }
}

/** Red for overdue and expired, orange for the rest. */
export function notificationColor(n: AppNotification): string {
  return /expired|overdue/.test(n.kind) ? "red" : n.kind.includes("window") ? "blue" : "orange";
}
