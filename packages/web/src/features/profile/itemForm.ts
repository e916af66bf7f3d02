import type { TFunction } from "i18next";
import { isApiError } from "../../api/client";
import { fieldErrors } from "../../api/errors";
import type { ProfileItemInput, ProfileItemView, ProfileStatus } from "./api";

export const ITEM_FIELDS = ["status", "narrative", "ownerUserId", "naJustification", "lastReviewedOn"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** A Must marked N/A needs at least this much justification (same rule as the server). */
export const NA_JUSTIFICATION_MIN = 20;

export interface ItemFormValues {
  status: ProfileStatus;
  narrative: string;
  ownerUserId: string | null;
  naJustification: string;
  lastReviewedOn: string;
}

export function toItemValues(item: ProfileItemView): ItemFormValues {
  return {
    status: item.status,
    narrative: item.narrative ?? "",
    ownerUserId: item.owner?.id ?? null,
    naJustification: item.naJustification ?? "",
    lastReviewedOn: item.lastReviewedOn ?? "",
  };
}

/** The same rules the server applies, checked first so most mistakes never leave the browser. */
export function validateItem(v: ItemFormValues, item: ProfileItemView, t: TFunction): Partial<Record<ItemField, string>> {
  const errors: Partial<Record<ItemField, string>> = {};
  if ((v.status === "implemented" || v.status === "partial") && !v.narrative.trim()) {
    errors.narrative = t("profile.form.narrativeRequired");
  }
  if (v.status === "not_applicable" && item.level === "must" && v.naJustification.trim().length < NA_JUSTIFICATION_MIN) {
    errors.naJustification = t("profile.form.justificationRequired", { count: NA_JUSTIFICATION_MIN });
  }
  if (v.lastReviewedOn && v.lastReviewedOn > new Date().toISOString().slice(0, 10)) {
    errors.lastReviewedOn = t("profile.form.reviewedInFuture");
  }
  return errors;
}

export function toItemInput(v: ItemFormValues): ProfileItemInput {
  return {
    status: v.status,
    narrative: v.narrative.trim() || null,
    ownerUserId: v.ownerUserId,
    // A justification only means something for N/A; other statuses clear it.
    naJustification: v.status === "not_applicable" ? v.naJustification.trim() || null : null,
    lastReviewedOn: v.lastReviewedOn || null,
  };
}

/** Which field a `rule_violation` is about: from its details when given, else from its wording. */
function ruleField(e: { message: string; details: unknown }): ItemField | null {
  const d = e.details as { field?: unknown; path?: unknown } | null;
  const named = typeof d?.field === "string" ? d.field : Array.isArray(d?.path) && typeof d.path[0] === "string" ? d.path[0] : null;
  if (named && (ITEM_FIELDS as readonly string[]).includes(named)) return named as ItemField;
  const m = e.message.toLowerCase();
  if (m.includes("justification")) return "naJustification";
  if (m.includes("narrative")) return "narrative";
  if (m.includes("owner") || m.includes("member")) return "ownerUserId";
  if (m.includes("review")) return "lastReviewedOn";
  return null;
}

/** Server errors placed on their fields; "_form" holds whatever could not be placed. */
export function serverItemErrors(t: TFunction, e: unknown): Partial<Record<ItemField | "_form", string>> {
  if (!isApiError(e)) return {};
  if (e.code === "validation_failed") return fieldErrors(t, e, ITEM_FIELDS);
  if (e.status === 422) {
    const field = ruleField(e);
    if (field) return { [field]: e.message };
  }
  return {};
}
